/**
 * Limits on what a file may hold, checked before (or while) it is read, so a file that is
 * not a table of results is refused with a sentence naming the limit instead of hanging the
 * server. Documented in docs/formats.md («Ограничения файлов»).
 */

/** columns in a CSV row or an XLSX sheet */
export const MAX_COLUMNS = 500;
/** characters in one CSV line (a quoted cell's line breaks end lines too) */
export const MAX_LINE_CHARS = 1_000_000;
/** characters in one cell */
export const MAX_CELL_CHARS = 10_000;
/** rows in one XLSX sheet, as its dimension or its rows tell */
export const MAX_SHEET_ROWS = 500_000;

/** A file beyond one of the limits: `value` is what it has, `expected` the limit. */
export class InputLimitError extends Error {
  constructor(
    readonly value: string,
    readonly expected: string,
    readonly where: { sheet?: string; row?: number; column?: string } = {},
  ) {
    super(`${value}; ожидалось: ${expected}`);
    this.name = 'InputLimitError';
  }
}

/** 1500000 → «1 500 000» */
export const spaced = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The longest line of `text`: its number (from 1) and length; refused beyond MAX_LINE_CHARS. */
export function checkLineLength(text: string): void {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const length = end - start - (text[end - 1] === '\r' ? 1 : 0);
    if (length > MAX_LINE_CHARS)
      throw new InputLimitError(
        `строка длиной ${spaced(length)} символов`,
        `не больше ${spaced(MAX_LINE_CHARS)} символов в строке; проверьте, что строки разделены переводом строки`,
        { row: line },
      );
    start = end + 1;
    line++;
  }
}

/** Columns and cell lengths of a read sheet. */
export function checkGrid(rows: readonly (readonly (string | number | null)[])[], sheet?: string) {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length > MAX_COLUMNS) throw tooManyColumns(row.length, { sheet, row: r + 1 });
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS)
        throw new InputLimitError(
          `ячейка длиной ${spaced(cell.length)} символов`,
          `не больше ${spaced(MAX_CELL_CHARS)} символов в ячейке`,
          { sheet, row: r + 1, column: columnName(c) },
        );
    }
  }
}

export function tooManyColumns(count: number, where: InputLimitError['where'] = {}) {
  return new InputLimitError(
    `${spaced(count)} столбцов`,
    `не больше ${spaced(MAX_COLUMNS)} столбцов`,
    where,
  );
}

export function checkSheetSize(rows: number, columns: number, sheet: string | undefined): void {
  if (rows > MAX_SHEET_ROWS)
    throw new InputLimitError(
      `${spaced(rows)} строк на листе`,
      `не больше ${spaced(MAX_SHEET_ROWS)} строк на листе; разделите файл на части`,
      { sheet },
    );
  if (columns > MAX_COLUMNS) throw tooManyColumns(columns, { sheet });
}

/** 0 → A, 26 → AA: the spreadsheet's name of a column. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A worksheet's stated dimension, e.g. «A1:T180001», against the sheet limits. */
export function checkDimension(ref: string): void {
  const last = /([A-Z]+)(\d+)$/.exec(ref);
  if (!last) return;
  const columns = [...last[1]!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  checkSheetSize(Number(last[2]), columns, undefined);
}
