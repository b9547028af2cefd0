/**
 * A region's own per-school tables: a school column, a year column and numeric columns.
 * The user maps the columns once (on the «Загрузка данных» page); the mapping is saved by
 * the signature of the file's header row, so the next file with the same header is read
 * without asking again.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../analytics/db.ts';
import { z } from 'zod';
import { mappingSchema, type CustomMapping } from '../../contract/imports/custom-mapping.ts';
import { normaliseHeader } from '../header.ts';
import type { Cell, Sheet } from '../read/table.ts';
import type { CustomIndicatorRow } from '../datasets.ts';
import type { Format } from '../formats/format.ts';
import { readRows } from '../formats/row-reader.ts';
import { checkDuplicates } from '../formats/rows.ts';
import { runStatement, statementRows } from '../statements.ts';
import { EXPECTED, isMissing, schoolYearCell, toNumber } from '../values.ts';

const SCAN_ROWS = 30;

const captionsOf = (row: readonly Cell[]) =>
  row.map((cell) => (cell === null ? '' : normaliseHeader(String(cell))));

/** The signature of a header row: its normalised captions, hashed. */
export function headerSignature(row: readonly Cell[]): string {
  return createHash('sha256').update(captionsOf(row).join('|')).digest('hex').slice(0, 16);
}

/** The likely header row of an unknown table: the first row of 3+ text cells with data below. */
export function proposeHeader(
  sheet: Sheet,
): { captions: string[]; samples: string[][]; signature: string } | undefined {
  const limit = Math.min(sheet.rows.length - 1, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = sheet.rows[r] ?? [];
    const texts = row.filter(
      (cell) => typeof cell === 'string' && toNumber(cell) !== toNumber(cell),
    );
    const below = sheet.rows[r + 1] ?? [];
    if (texts.length >= 3 && below.some((cell) => cell !== null)) {
      return {
        captions: row.map((cell) => (cell === null ? '' : String(cell).trim())),
        samples: sheet.rows
          .slice(r + 1, r + 4)
          .map((cells) => row.map((_, i) => (cells[i] === null ? '' : String(cells[i] ?? '')))),
        signature: headerSignature(row),
      };
    }
  }
  return undefined;
}

function findRow(sheet: Sheet, signature: string): number | undefined {
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) if (headerSignature(sheet.rows[r] ?? []) === signature) return r;
  return undefined;
}

const numberOrNull = z.preprocess((cell: Cell) => toNumber(cell), z.number().finite());

/** A format built from a saved mapping. */
export function customFormat(mapping: CustomMapping): Format {
  return {
    id: `custom:${mapping.signature}`,
    title: `Показатели региона: «${mapping.setName}» (сопоставление столбцов)`,
    dataset: 'custom_indicators',
    columns: [
      { key: 'school', names: [mapping.schoolColumn], required: true },
      { key: 'year', names: [mapping.yearColumn], required: true },
    ],
    detect: (sheet) => findRow(sheet, mapping.signature) !== undefined,
    parse(context) {
      const rowIndex = findRow(context.sheet, mapping.signature)!;
      const captions = captionsOf(context.sheet.rows[rowIndex] ?? []);
      const columnOf = (caption: string) => captions.indexOf(normaliseHeader(caption));
      const columns = new Map<string, number>([
        ['school', columnOf(mapping.schoolColumn)],
        ['year', columnOf(mapping.yearColumn)],
      ]);
      const rows: CustomIndicatorRow[] = [];
      const keys: { row: number; key: string }[] = [];
      readRows(context, { rowIndex, columns }, (row) => {
        const year = row.get('year', schoolYearCell, EXPECTED.schoolYear);
        const schoolText = row.text('school');
        const schoolId = row.schoolIn(row.caption('school'), undefined, schoolText);
        const values = mapping.indicators.map((indicator) => {
          const column = columnOf(indicator.column);
          const cell = row.cells[column] ?? null;
          if (isMissing(cell) || (typeof cell === 'string' && cell.trim() === '')) return null;
          return row.at(column, indicator.column, numberOrNull, EXPECTED.number) ?? NaN;
        });
        if (year === undefined || schoolId === undefined || values.some((v) => Number.isNaN(v)))
          return;
        mapping.indicators.forEach((indicator, i) =>
          rows.push({
            setName: mapping.setName,
            year,
            schoolId,
            indicator: indicator.name,
            value: values[i] ?? null,
          }),
        );
        keys.push({ row: row.number, key: `${year}|${schoolId}` });
      });
      checkDuplicates(keys, 'учебный год и ОО', context);
      return { dataset: 'custom_indicators', rows };
    },
  };
}

/** The saved column mappings, as data (the file worker makes its formats from them). */
export async function customMappings(store: Store): Promise<CustomMapping[]> {
  const rows = await statementRows<{ mapping_json: string }>(store, 'custom_mappings');
  return rows.map((r) => mappingSchema.parse(JSON.parse(r.mapping_json)));
}

export async function saveMapping(
  store: Store,
  mapping: CustomMapping,
  user: string,
): Promise<void> {
  await runStatement(store, 'save_custom_mapping', {
    signature: mapping.signature,
    set: mapping.setName,
    json: JSON.stringify(mapping),
    user,
  });
}
