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
      /** none when empty (an appendix's table is titled by the lines above it) */
      caption: string;
      columns: TableColumn[];
      /** a row of one cell spans the whole table in bold: a section's heading (a road map's) */
      rows: string[][];
      /** rows drawn in bold after the body: the district, the region */
      totals?: string[][];
      note?: string;
      /** set in the body's type with an unshaded header: an order's list, not a briefing's figures */
      bodyText?: boolean;
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
    }
  | {
      kind: 'lines';
      /** lines one under another: an order's letterhead, an appendix's stamp, a list's title */
      lines: string[];
      align: 'center' | 'right';
      /** bold; 'title': bold and larger («РАСПОРЯЖЕНИЕ») */
      style?: 'bold' | 'title';
      /** begins a new page (an appendix) */
      newPage?: boolean;
    }
  /** the signature line: the position on the left, the name on the right */
  | { kind: 'signature'; position: string; name: string };

export interface Briefing {
  /** the file name without extension */
  fileStem: string;
  title: string;
  subtitle: string;
  /** on every page: the year, the data date, the methodology version */
  runningHead: string;
  blocks: Block[];
  /**
   * A draft of an official document (распоряжение): its heading is in its blocks, so no title,
   * subtitle or running head is printed.
   */
  official?: boolean;
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

  /** Adds lines set apart: a letterhead, a stamp, a title (typography tidied). */
  lines(block: Omit<Extract<Block, { kind: 'lines' }>, 'kind'>) {
    this.blocks.push({ kind: 'lines', ...block, lines: block.lines.map(tidy) });
  }

  /** Adds a table without a number («№ п/п …» of an appendix); an empty caption prints none. */
  plainTable(t: Omit<Extract<Block, { kind: 'table' }>, 'kind'>) {
    this.blocks.push({
      kind: 'table',
      ...t,
      rows: t.rows.map((r) => r.map(tidy)),
      totals: t.totals?.map((r) => r.map(tidy)),
    });
  }

  signature(position: string, name: string) {
    this.blocks.push({ kind: 'signature', position: tidy(position), name: tidy(name) });
  }

  /** Adds a numbered figure and returns its number. */
  chart(c: Omit<Extract<Block, { kind: 'chart' }>, 'kind'>): number {
    this.figures += 1;
    this.blocks.push({ kind: 'chart', ...c, caption: `Рисунок ${this.figures}. ${c.caption}` });
    return this.figures;
  }
}
