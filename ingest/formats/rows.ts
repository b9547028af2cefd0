/** Row-reading helpers shared by the formats: typed cells with problems, duplicate rows. */
import type { z } from 'zod';
import type { HeaderMatch } from '../header.ts';
import type { ProblemList } from '../problems.ts';
import type { Sheet, SourceFile } from '../read/table.ts';
import { showCell } from '../values.ts';
import type { ParseContext } from './format.ts';

/**
 * Returns a reader of typed cells by column position: the value, or a recorded problem
 * naming the file, sheet, row, column caption and value (and undefined).
 */
export function cellReader(file: SourceFile, sheet: Sheet, problems: ProblemList) {
  return <T>(
    rowIndex: number,
    column: number | undefined,
    caption: string,
    schema: z.ZodType<T>,
    expected: string,
  ): T | undefined => {
    const raw = column === undefined ? null : (sheet.rows[rowIndex]?.[column] ?? null);
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    problems.add({
      severity: 'error',
      file: file.name,
      sheet: sheet.name,
      row: rowIndex + 1,
      column: caption,
      value: showCell(raw),
      expected,
    });
    return undefined;
  };
}

/** The same reader by column key, with the column's caption as written in the file. */
export function cellAt<K extends string>(
  file: SourceFile,
  sheet: Sheet,
  header: HeaderMatch<K>,
  problems: ProblemList,
) {
  const read = cellReader(file, sheet, problems);
  const headerRow = sheet.rows[header.rowIndex] ?? [];
  return <T>(rowIndex: number, key: K, schema: z.ZodType<T>, expected: string): T | undefined => {
    const index = header.columns.get(key);
    return read(
      rowIndex,
      index,
      index === undefined ? key : String(headerRow[index] ?? key),
      schema,
      expected,
    );
  };
}

/** An error for every row whose key repeats an earlier row's key. */
export function checkDuplicates(
  keys: readonly { row: number; key: string }[],
  what: string,
  { file, sheet, problems }: ParseContext,
): void {
  const first = new Map<string, number>();
  for (const { row, key } of keys) {
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row);
    else
      problems.add({
        severity: 'error',
        file: file.name,
        sheet: sheet.name,
        row,
        message: `строка повторяет строку ${earlier} (${what}); в файле должна быть одна строка на каждое сочетание`,
      });
  }
}

export const isBlankRow = (sheet: Sheet, rowIndex: number) =>
  (sheet.rows[rowIndex] ?? []).every((v) => v === null);
