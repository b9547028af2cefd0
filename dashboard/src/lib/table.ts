/**
 * Column definitions shared by every table of the dashboard: one value per cell that sorts,
 * is shown (formatted) and is downloaded, so a download holds exactly the rows on screen.
 */
import { formatInt, formatMark, formatNumber, formatPct, formatPp, schoolYear } from './format.ts';

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

/** What a column constructor takes besides key, label and value: tone, exported, custom, or a
 * format of its own (e.g. a share with its n) in place of the constructor's. */
export type ColumnExtra<T> = Partial<Omit<Column<T>, 'key' | 'label' | 'value'>>;

type NumberValue = number | null | undefined;

/** Constructor of numeric columns shown with `show`: the value sorts and downloads as a number. */
const numberColumn =
  (show: (value: NumberValue) => string) =>
  <T>(
    key: string,
    label: string,
    value: (row: T) => NumberValue,
    extra?: ColumnExtra<T>,
  ): Column<T> => ({
    key,
    label,
    value,
    format: (row) => show(value(row)),
    numeric: true,
    ...extra,
  });

/** A share, «12,3 %». */
export const pctColumn = numberColumn(formatPct);
/** A change in percentage points, «+2,1 п.п.». */
export const ppColumn = numberColumn(formatPp);
/** A count, «1 234». */
export const intColumn = numberColumn(formatInt);
/** A mean mark, «3,75». */
export const markColumn = numberColumn(formatMark);

/** «Участников (n)»: the number of participants, the n beside every share of a row. */
export const participantsColumn: Column<{ participants_count: number | null }> = intColumn(
  'participants',
  'Участников (n)',
  (row) => row.participants_count,
);

/** A school year: sorts by the year, shown and downloaded as «2025/26». */
export const yearColumn = <T>(
  key: string,
  label: string,
  value: (row: T) => number,
): Column<T> => ({
  key,
  label,
  value,
  format: (row) => schoolYear(value(row)),
  exported: (row) => schoolYear(value(row)),
});

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
