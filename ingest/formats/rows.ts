/** Row helpers shared by the formats: duplicate keys and blank rows. */
import type { Sheet } from '../read/table.ts';
import type { ParseContext } from './context.ts';
import type { Problem } from '../../contract/imports/problems.ts';

/** An error for every row whose key repeats an earlier row's key. */
export function checkDuplicates(
  keys: readonly { row: number; key: string }[],
  what: string,
  context: ParseContext,
): void {
  const first = new Map<string, number>();
  for (const { row, key } of keys) {
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row);
    else context.problems.add(duplicateRow(row, earlier, what, context));
  }
}

export const duplicateRow = (
  row: number,
  earlier: number,
  what: string,
  { file, sheet }: Pick<ParseContext, 'file' | 'sheet'>,
): Problem => ({
  severity: 'error',
  file: file.name,
  sheet: sheet.name,
  row,
  message: `строка повторяет строку ${earlier} (${what}); в файле должна быть одна строка на каждое сочетание`,
});

export const isBlankRow = (sheet: Sheet, rowIndex: number) =>
  (sheet.rows[rowIndex] ?? []).every((v) => v === null);
