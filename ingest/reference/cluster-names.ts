/**
 * The methodology's table of cluster names (contract/methodology.ts `clusterNames`): a label as a
 * list writes it («ШФСОР», «школы-лидеры») becomes the cluster code it stands for.
 */
import { foldClusterName, type ClusterNames } from '../../contract/methodology.ts';

export class ClusterNameBook {
  private readonly codes = new Map<string, string>();

  constructor(readonly names: ClusterNames) {
    for (const [code, others] of Object.entries(names.synonyms))
      for (const name of [code, ...others]) this.codes.set(foldClusterName(name), code);
  }

  /** The cluster code a label stands for, or undefined when the table does not know it. */
  codeOf(label: string): string | undefined {
    return this.codes.get(foldClusterName(label));
  }

  /**
   * The cluster codes a free text names (by any name of the table, as a whole word), each once,
   * in the order they first appear: «… ШФСОР и ШЛ …» → ШФЗСОР, ШЛ.
   */
  codesIn(text: string): string[] {
    const folded = foldClusterName(text);
    const found: { at: number; code: string }[] = [];
    for (const [name, code] of this.codes) {
      const at = wordAt(folded, name);
      if (at >= 0) found.push({ at, code });
    }
    found.sort((a, b) => a.at - b.at);
    return [...new Set(found.map((f) => f.code))];
  }

  /**
   * «ШФЗСОР (ШФСОР, ШФЗР, ШФЗСОП), ШНОР, …» for messages: the codes with their abbreviations;
   * the names in words are on the «Методика» page.
   */
  describe(): string {
    const codes = Object.entries(this.names.synonyms).map(([code, others]) => {
      const short = others.filter((name) => !/\s/.test(name.trim()));
      return short.length > 0 ? `${code} (${short.join(', ')})` : code;
    });
    return `${codes.join(', ')} и их названия словами (страница «Методика», «Названия кластеров в списках»)`;
  }
}

const isLetter = (char: string | undefined) => char !== undefined && /[\p{L}\d]/u.test(char);

/** Where `word` first stands in `text` as a whole word (not inside a longer one), or -1. */
function wordAt(text: string, word: string): number {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (!isLetter(text[at - 1]) && !isLetter(text[at + word.length])) return at;
  return -1;
}
