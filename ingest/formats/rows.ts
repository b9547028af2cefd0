/** Row helpers shared by the formats: duplicate keys and blank rows. */
import type { Sheet } from '../read/table.ts';
import type { ParseContext } from './format.ts';

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
