/**
 * Column specs and header finding. A header row is found by scanning the first rows for
 * one that holds every required column under any of its names; names are compared
 * after normalising case, ё, quotes and spaces.
 */
import type { Cell, Sheet } from './read/table.ts';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** the canonical header first, then synonyms */
  names: readonly string[];
  required: boolean;
}

export const normaliseHeader = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"'“”„]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.:,;]+$/, '')
    .trim();

export interface HeaderMatch<K extends string> {
  /** 0-based index of the header row in sheet.rows */
  rowIndex: number;
  /** column index for every found key */
  columns: Map<K, number>;
}

const SCAN_ROWS = 30;

export function findHeader<K extends string>(
  sheet: Sheet,
  specs: readonly ColumnSpec<K>[],
): HeaderMatch<K> | undefined {
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const columns = matchColumns(sheet.rows[r] ?? [], specs);
    if (specs.every((spec) => !spec.required || columns.has(spec.key))) {
      return { rowIndex: r, columns };
    }
  }
  return undefined;
}

function matchColumns<K extends string>(
  row: Cell[],
  specs: readonly ColumnSpec<K>[],
): Map<K, number> {
  const columns = new Map<K, number>();
  row.forEach((cell, index) => {
    if (cell === null) return;
    const text = normaliseHeader(String(cell));
    const spec = specs.find(
      (s) => !columns.has(s.key) && s.names.some((n) => normaliseHeader(n) === text),
    );
    if (spec) columns.set(spec.key, index);
  });
  return columns;
}
