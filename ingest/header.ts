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

/**
 * Every row of the whole sheet that holds the required columns: tables one under another, each
 * under its own header (the lists of an order's appendix).
 */
export function findHeaders<K extends string>(
  sheet: Sheet,
  specs: readonly ColumnSpec<K>[],
): HeaderMatch<K>[] {
  const found: HeaderMatch<K>[] = [];
  sheet.rows.forEach((row, rowIndex) => {
    const columns = matchColumns(row ?? [], specs);
    if (specs.every((spec) => !spec.required || columns.has(spec.key)))
      found.push({ rowIndex, columns });
  });
  return found;
}

/** Normalised names of each spec, computed once per spec list. */
const normalisedNames = new WeakMap<readonly ColumnSpec[], Set<string>[]>();

function namesOf(specs: readonly ColumnSpec[]): Set<string>[] {
  let names = normalisedNames.get(specs);
  if (!names) {
    names = specs.map((s) => new Set(s.names.map(normaliseHeader)));
    normalisedNames.set(specs, names);
  }
  return names;
}

function matchColumns<K extends string>(
  row: Cell[],
  specs: readonly ColumnSpec<K>[],
): Map<K, number> {
  const columns = new Map<K, number>();
  const names = namesOf(specs);
  row.forEach((cell, index) => {
    if (cell === null) return;
    const text = normaliseHeader(String(cell));
    const found = specs.findIndex((s, i) => !columns.has(s.key) && names[i]!.has(text));
    if (found >= 0) columns.set(specs[found]!.key, index);
  });
  return columns;
}
