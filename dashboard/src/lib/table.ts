/**
 * Column definitions shared by every table of the dashboard: one value per cell that sorts,
 * is shown (formatted) and is downloaded, so a download holds exactly the rows on screen.
 */
import { formatNumber } from './format.ts';

export type CellValue = string | number | boolean | null | undefined;

export interface Column<T> {
  /** stable id; also the cell's data-col attribute used by tests */
  key: string;
  label: string;
  value: (row: T) => CellValue;
  /** text on screen; defaults to the value in ru-RU */
  format?: (row: T) => string;
  /** value written to the downloaded file when it differs from the sort value (e.g. a school year) */
  exported?: (row: T) => CellValue;
  numeric?: boolean;
  /** conditional colour of the cell: a CSS class or nothing */
  tone?: (row: T) => string | undefined;
  /** the cell is drawn by the table's `cell` snippet (links, badges, sparklines) */
  custom?: boolean;
  /** left out of downloads (e.g. a sparkline) */
  screenOnly?: boolean;
}

export type SortDirection = 'asc' | 'desc';

/** Sorting by a column; nulls last, Russian collation for text. */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => CellValue,
  direction: SortDirection,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x == null) return y == null ? 0 : 1;
    if (y == null) return -1;
    if (typeof x === 'string' && typeof y === 'string') return sign * x.localeCompare(y, 'ru');
    return sign * (Number(x) - Number(y));
  });
}

export function displayText<T>(column: Column<T>, row: T): string {
  if (column.format) return column.format(row);
  const value = column.value(row);
  if (value == null) return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return typeof value === 'number' ? formatNumber(value) : value;
}

export type ExportCell = string | number | null;

/** The table as a download: captions and the rows in the order shown. */
export function tableForDownload<T>(
  columns: readonly Column<T>[],
  rows: readonly T[],
): { captions: string[]; rows: ExportCell[][] } {
  const kept = columns.filter((c) => !c.screenOnly);
  const cell = (column: Column<T>, row: T): ExportCell => {
    const value = (column.exported ?? column.value)(row);
    if (value == null) return null;
    if (typeof value === 'boolean') return value ? 'да' : 'нет';
    return typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  };
  return {
    captions: kept.map((c) => c.label),
    rows: rows.map((row) => kept.map((c) => cell(c, row))),
  };
}
