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
