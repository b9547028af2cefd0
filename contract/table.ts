/**
 * Column definitions shared by every table of the dashboard: one value per cell that sorts,
 * is shown (formatted) and is downloaded, so a download holds exactly the rows on screen.
 */
import {
  formatInt,
  formatMark,
  formatNumber,
  formatPct,
  formatPp,
  roundTo,
  schoolYear,
} from './format.ts';

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

/** A page of a list the server sorts and searches (lists of a country's size). */
export interface PageRequest {
  /** rows per page; none: every row found (a download) */
  limit?: number;
  offset: number;
  /** a column key */
  sort?: string;
  dir: SortDirection;
  q?: string;
}

/** One collator for every sort: as `localeCompare(y, 'ru')`, without its per-call cost. */
const russian = new Intl.Collator('ru');

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
    if (typeof x === 'string' && typeof y === 'string') return sign * russian.compare(x, y);
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
    return typeof value === 'number' ? roundTo(value, 2) : value;
  };
  return {
    captions: kept.map((c) => c.label),
    rows: rows.map((row) => kept.map((c) => cell(c, row))),
  };
}

/** Rows per page: a table with more rows shows one page at a time, with a pager and a search. */
export const PAGE_SIZE = 100;

/**
 * Rows a view asks for at once (the server's largest page): a list up to this size is sorted and
 * searched in the browser; a longer one (a region's or a country's schools) by the server.
 */
export const IN_BROWSER = 1000;

/** Text as the search compares it: lower case, ё as е, any run of spaces (no-break too) as one. */
export const normalizeSearch = (text: string) =>
  text.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();

/**
 * The columns a search looks in: the first (the row's name) and every other text column shown;
 * numbers are left out, so «5» finds «Школа № 5» and not every share with a 5 in it.
 */
export const searchColumns = <T>(columns: readonly Column<T>[]): Column<T>[] =>
  columns.filter((column, index) => index === 0 || !(column.numeric || column.screenOnly));

/** A row's searchable text, normalised once: the shown texts of `columns`, one per line. */
export const searchText = <T>(columns: readonly Column<T>[], row: T): string =>
  columns.map((column) => normalizeSearch(displayText(column, row))).join('\n');

/** Whether a row's searchable text holds the query (normalised by normalizeSearch; '' holds everywhere). */
export const matchesSearch = (text: string, needle: string) => text.includes(needle);

export interface PageSlice {
  /** the page shown, from 0, clamped to the pages there are */
  page: number;
  pageCount: number;
  /** the rows shown: [start, end) */
  start: number;
  end: number;
}

/** The rows of page `page` (from 0) out of `total`; a page past the end shows the last one. */
export function pageSlice(total: number, page: number, size = PAGE_SIZE): PageSlice {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const shown = Math.min(Math.max(0, Math.trunc(page) || 0), pageCount - 1);
  const start = shown * size;
  return { page: shown, pageCount, start, end: Math.min(total, start + size) };
}

/** «Строки 101–200 из 40 000» */
export const pageRangeText = ({ start, end }: PageSlice, total: number) =>
  total === 0
    ? 'Строк нет'
    : `Строки ${formatInt(start + 1)}–${formatInt(end)} из ${formatInt(total)}`;
