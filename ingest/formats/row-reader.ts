/**
 * Reading the data rows under a found header: typed cells by column key, optional columns,
 * the school of the row, and problems that name the file, sheet, row and column.
 */
import type { z } from 'zod';
import type { HeaderMatch } from '../header.ts';
import { isMissing, showCell } from '../values.ts';
import type { Cell } from '../read/table.ts';
import type { ParseContext } from './context.ts';
import { isBlankRow } from './rows.ts';

export interface RowReader<K extends string> {
  /** 1-based row number as a spreadsheet shows it */
  readonly number: number;
  readonly cells: readonly Cell[];
  /** true when the file has this column */
  has(key: K): boolean;
  /** the caption of the column as written in the file */
  caption(key: K): string;
  /** a required cell: its value, or undefined with an error recorded */
  get<T>(key: K, schema: z.ZodType<T>, expected: string): T | undefined;
  /** an optional cell: null when the column is absent or the cell empty, undefined when bad */
  optional<T>(key: K, schema: z.ZodType<T>, expected: string): T | null | undefined;
  /** a required cell by position, for columns found outside the header (e.g. task columns) */
  at<T>(column: number, caption: string, schema: z.ZodType<T>, expected: string): T | undefined;
  /** trimmed text of an optional column, undefined when absent or empty */
  text(key: K): string | undefined;
  /** the registry school named by the login and/or name columns, or undefined with an error */
  school(login: K | undefined, name: K | undefined): string | undefined;
  /** the registry school named in one cell, e.g. «(sch470101) Гимназия № 1» or a name */
  schoolIn(column: string, login: string | undefined, name: string | undefined): string | undefined;
  error(column: string | undefined, value: string | undefined, expected: string): void;
  warn(column: string | undefined, value: string | undefined, message: string): void;
}

export function readRows<K extends string>(
  context: ParseContext,
  header: HeaderMatch<K>,
  visit: (row: RowReader<K>) => void,
  firstRow = header.rowIndex + 1,
  endRow = context.sheet.rows.length,
): void {
  const { file, sheet, problems, schools } = context;
  const headerRow = sheet.rows[header.rowIndex] ?? [];
  for (let index = firstRow; index < endRow; index++) {
    if (index % 2000 === 0) context.progress?.(index, sheet.rows.length);
    if (isBlankRow(sheet, index)) continue;
    const cells = sheet.rows[index] ?? [];
    const number = index + 1;
    const at = { file: file.name, sheet: sheet.name, row: number };
    const caption = (key: K) => {
      const column = header.columns.get(key);
      return column === undefined ? key : String(headerRow[column] ?? key).trim();
    };
    const raw = (key: K): Cell => {
      const column = header.columns.get(key);
      return column === undefined ? null : (cells[column] ?? null);
    };
    const error = (column: string | undefined, value: string | undefined, expected: string) =>
      problems.add({ severity: 'error', ...at, column, value, expected });
    const check = <T>(cell: Cell, column: string, schema: z.ZodType<T>, expected: string) => {
      const result = schema.safeParse(cell);
      if (result.success) return result.data;
      error(column, showCell(cell), expected);
      return undefined;
    };
    const parse = <T>(key: K, schema: z.ZodType<T>, expected: string): T | undefined =>
      check(raw(key), caption(key), schema, expected);
    const schoolIn = (column: string, login: string | undefined, name: string | undefined) => {
      const result = schools.match(login, name);
      if ('schoolId' in result) return result.schoolId;
      error(
        column,
        login && name ? `(${login}) ${name}` : (login ?? name ?? '(пусто)'),
        schools.size === 0
          ? 'школа из реестра ОО; реестр пуст: сначала загрузите «Реестр ОО»'
          : result.ambiguous
            ? `логин ФИС ОКО: так названы несколько школ реестра (${result.candidates.join('; ')})`
            : `школа из реестра ОО; ближайшие по написанию: ${result.candidates.join('; ')}. Исправьте написание, добавьте школу в реестр или загрузите файл с ключом --create-schools (на странице загрузки — флажок «Добавлять в реестр школы, которых в нём нет»)`,
      );
      return undefined;
    };
    const reader: RowReader<K> = {
      number,
      cells,
      has: (key) => header.columns.has(key),
      caption,
      get: parse,
      at: (column, columnCaption, schema, expected) =>
        check(cells[column] ?? null, columnCaption, schema, expected),
      optional: (key, schema, expected) =>
        isMissing(raw(key)) ? null : parse(key, schema, expected),
      text(key) {
        const value = raw(key);
        return isMissing(value)
          ? undefined
          : String(value).replace(/\s+/g, ' ').trim() || undefined;
      },
      school(loginKey, nameKey) {
        const login = loginKey && reader.text(loginKey);
        const name = nameKey && reader.text(nameKey);
        const column = login || !nameKey ? loginKey : nameKey;
        return schoolIn(column ? caption(column) : 'ОО', login, name);
      },
      schoolIn,
      error,
      warn: (column, value, message) =>
        problems.add({ severity: 'warning', ...at, column, value, message }),
    };
    visit(reader);
  }
}
