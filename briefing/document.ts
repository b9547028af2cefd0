/**
 * A briefing as plain data: headings, paragraphs, lists, numbered tables and charts, every
 * number already formatted. The DOCX and the PDF are both drawn from this one model, so the
 * two formats cannot disagree.
 */

export interface TableColumn {
  title: string;
  /** share of the text width, % */
  width: number;
  numeric?: boolean;
}

export interface LegendItem {
  color: string;
  label: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | {
      kind: 'table';
      caption: string;
      columns: TableColumn[];
      rows: string[][];
      /** rows drawn in bold after the body: the district, the region */
      totals?: string[][];
      note?: string;
    }
  | {
      kind: 'chart';
      caption: string;
      /** standalone SVG, drawn at `width` × `height` px */
      svg: string;
      width: number;
      height: number;
      legend?: LegendItem[];
      note: string;
    };

export interface Briefing {
  /** the file name without extension */
  fileStem: string;
  title: string;
  subtitle: string;
  /** on every page: the year, the data date, the methodology version */
  runningHead: string;
  blocks: Block[];
}

const NBSP = '\u00a0';

/**
 * Typography of generated text: a sentence that ends in an abbreviation («п.п.», «чел.») gets
 * no second full stop, and a number stays on one line with its unit.
 */
export const tidy = (text: string) =>
  text
    .replace(/\.\./g, '.')
    .replace(/ (%|п\.п\.|чел\.|кл\.|\*)/g, `${NBSP}$1`)
    .replace(/№ /g, `№${NBSP}`)
    .replace(/n = /g, `n${NBSP}=${NBSP}`);

/** Collects the blocks of a briefing and numbers its tables and figures in order. */
export class BriefingBuilder {
  readonly blocks: Block[] = [];
  private tables = 0;
  private figures = 0;

  heading(text: string, level: 1 | 2 = 1) {
    this.blocks.push({ kind: 'heading', level, text });
  }

  paragraph(...sentences: (string | false | null | undefined)[]) {
    const text = tidy(sentences.filter(Boolean).join(' '));
    if (text) this.blocks.push({ kind: 'paragraph', text });
  }

  bullets(items: string[]) {
    if (items.length) this.blocks.push({ kind: 'bullets', items: items.map(tidy) });
  }

  /** Adds a numbered table and returns its number for the text to refer to. */
  table(t: Omit<Extract<Block, { kind: 'table' }>, 'kind'>): number {
    this.tables += 1;
    this.blocks.push({
      kind: 'table',
      ...t,
      caption: `Таблица ${this.tables}. ${t.caption}`,
      rows: t.rows.map((r) => r.map(tidy)),
    });
    return this.tables;
  }

  /** Adds a numbered figure and returns its number. */
  chart(c: Omit<Extract<Block, { kind: 'chart' }>, 'kind'>): number {
    this.figures += 1;
    this.blocks.push({ kind: 'chart', ...c, caption: `Рисунок ${this.figures}. ${c.caption}` });
    return this.figures;
  }
}
