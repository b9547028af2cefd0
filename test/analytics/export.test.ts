/** Exports: documented columns, Russian presentation, filters, CSV and XLSX with the same values. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeCsv } from '../../data/generator/files.ts';
import { importPaths } from '../../ingest/import.ts';
import { EXPORTS, exportTable, toCsv, toXlsx, type ExportName } from '../../analytics/export.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';
import { writeRegistryFile, writeVprCsv } from '../helpers/fixtures.ts';

let t: TempStore;

beforeAll(async () => {
  t = await tempStore();
  const fg = join(t.dir, 'фг.csv');
  writeCsv(fg, [
    [
      'Учебный год',
      'Логин ОО',
      'Направление',
      'Класс',
      'Недостаточный',
      'Низкий',
      'Средний',
      'Повышенный',
      'Высокий',
    ],
    ['2024/25', 'sch000001', 'Финансовая грамотность', 9, 1, 2, 10, 5, 2],
  ]);
  await importPaths(t.store, [await writeRegistryFile(t.dir), writeVprCsv(t.dir), fg]);
});
afterAll(() => t.dispose());

it('every export has exactly its documented columns, each with a Russian caption', async () => {
  for (const name of Object.keys(EXPORTS) as ExportName[]) {
    const table = await exportTable(t.store, name);
    expect(table.columns, name).toEqual([...EXPORTS[name].columns]);
    expect(
      table.captions.every((c, i) => c !== table.columns[i]),
      name,
    ).toBe(true);
  }
});

it('indicators: a row per school and the district, levels and years as people write them', async () => {
  const table = await exportTable(t.store, 'indicators', { year: 2025 });
  const col = (row: (string | number | null)[], key: string) => row[table.columns.indexOf(key)];
  const district = table.rows.find((r) => col(r, 'level') === 'район')!;
  expect(col(district, 'year')).toBe('2024/25');
  expect(col(district, 'participants_count')).toBe(104);
  expect(col(district, 'dolya2_pct')).toBe(14.42); // 15 / 104, two decimals
  const small = table.rows.find((r) => col(r, 'school_id') === 'sch000002')!;
  expect(col(small, 'is_small_n')).toBe('да');
  // A school filter keeps the school and the comparison rows.
  const one = await exportTable(t.store, 'indicators', { school: 'sch000003' });
  expect(
    one.rows.map((r) => r[one.columns.indexOf('short_name')] ?? r[one.columns.indexOf('level')]),
  ).toEqual(['район', 'Гимназия № 3']);
  expect((await exportTable(t.store, 'indicators', { year: 2020 })).rows).toEqual([]);
});

it('writes CSV for Russian Excel and XLSX with the same numbers', async () => {
  const table = await exportTable(t.store, 'fg-targets');
  const csv = toCsv(table);
  expect(csv.startsWith('\ufeffУчебный год;Направление;Класс;Уровень;')).toBe(true);
  // СОШ № 1: 20 pupils, low 3 → 15 % (target met), high 2 → 10 %.
  expect(csv).toContain(
    '2024/25;Финансовая грамотность;9;школа;sch000001;СОШ № 1;20;3;15;15;да;0;0;',
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await toXlsx(table, 'fg-targets')) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Учебный год');
  const values = (sheet.getRow(2).values as unknown[]).slice(1);
  expect(values.slice(0, 4)).toEqual(table.rows[0]!.slice(0, 4).map((v) => v ?? undefined));
});
