/** CSV reader: separator `;`, `,` or tab detected from the first lines; quoted fields per RFC 4180. */
import type { Cell } from './table.ts';
import { InputLimitError } from './limits.ts';

const SEPARATORS = [';', '\t', ','] as const;

export function detectSeparator(text: string): string {
  const sample = text.split(/\r?\n/, 10).filter((line) => line.trim() !== '');
  let best: string = ';';
  let bestScore = -1;
  for (const separator of SEPARATORS) {
    const counts = sample.map((line) => splitLine(line, separator).length);
    // A separator that splits the most lines into the same number (> 1) of fields wins; title
    // lines above a table (a list's «Список …, …») need not split like the rows.
    let score = 0;
    for (const fields of new Set(counts.filter((c) => c > 1)))
      score = Math.max(score, counts.filter((c) => c === fields).length * 1000 + fields);
    if (score > bestScore) {
      bestScore = score;
      best = separator;
    }
  }
  return best;
}

function splitLine(line: string, separator: string): string[] {
  return parseCsv(line, separator)[0] ?? [];
}

export function parseCsv(text: string, separator: string): string[][] {
  return scanCsv(text, separator).rows;
}

/** The rows, and the row (from 1) whose opening quote the text never closes, if any. */
function scanCsv(text: string, separator: string): { rows: string[][]; openQuoteRow?: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let quoteRow = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') {
      quoted = true;
      quoteRow = rows.length + 1;
    } else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return quoted ? { rows, openQuoteRow: quoteRow } : { rows };
}

/**
 * CSV text to a cell grid; empty strings become null. `whole`: the text is a whole file, so a
 * quote it never closes is refused (in a file's first lines it may close further on).
 */
export function csvToRows(text: string, whole = false): Cell[][] {
  const { rows, openQuoteRow } = scanCsv(text, detectSeparator(text));
  if (whole && openQuoteRow !== undefined)
    throw new InputLimitError(
      'незакрытая кавычка: значение в кавычках не закрыто до конца файла',
      'значения в кавычках заканчиваются кавычкой',
      { row: openQuoteRow },
    );
  return rows.map((row) => row.map((v) => (v.trim() === '' ? null : v)));
}
