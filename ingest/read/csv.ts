/** CSV reader: separator `;`, `,` or tab detected from the first lines; quoted fields per RFC 4180. */
import type { Cell } from './table.ts';

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
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
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
  return rows;
}

/** CSV text to a cell grid; empty strings become null. */
export function csvToRows(text: string): Cell[][] {
  return parseCsv(text, detectSeparator(text)).map((row) =>
    row.map((v) => (v.trim() === '' ? null : v)),
  );
}
