/** Exports: documented columns, Russian presentation, filters, CSV and XLSX with the same values. */
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../data/generate-demo.ts';
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

describe('CSV cells a spreadsheet would take for a formula', () => {
  // Names an attacker could give a school in a registry: each starts a formula in Excel.
  const HOSTILE = [
    '=HYPERLINK("http://example.invalid","СОШ")',
    '+7 СОШ',
    '-1+1 СОШ',
    '@SUM(1) СОШ',
    '\tСОШ с табуляцией',
  ];
  let demo: TempStore;

  beforeAll(async () => {
    demo = await tempStore();
    const files = await generateDemo(join(demo.dir, 'demo'));
    const wanted = [
      'Реестр ОО.xlsx',
      'ВПР 2024-25 отметки.csv',
      'ВПР 2025-26 отметки.csv',
      'ФИС ОКО ВПР 2025 Русский язык 4 класс — выполнение заданий.xlsx',
      'ФГ 2025-26 уровни по ОО.csv',
      'Диагностика педагогов 2025-26.csv',
      'Сетевые пары.csv',
    ];
    // The demo's official cluster lists, whatever files they come in.
    const isList = (file: string) => /^(Региональные списки|Списки)/.test(basename(file));
    await importPaths(
      demo.store,
      files.filter((f) => wanted.includes(basename(f)) || isList(f)),
    );
    // Every school of the district gets one of the hostile names, in turn.
    const schools = await demo.store.all<{ school_id: string }>(
      'SELECT school_id FROM school ORDER BY school_id',
    );
    for (const [i, { school_id }] of schools.entries())
      await demo.store.run('UPDATE school SET short_name = $name WHERE school_id = $id', {
        name: HOSTILE[i % HOSTILE.length]!,
        id: school_id,
      });
  }, 120_000);
  afterAll(() => demo.dispose());

  /** The text cells of a CSV as Excel reads them (quotes removed), numbers left out. */
  const textCells = (csv: string) =>
    csv
      .slice(1)
      .split('\r\n')
      .flatMap((line) => line.match(/("([^"]|"")*"|[^;]*)(;|$)/g) ?? [])
      .map((cell) =>
        cell
          .replace(/;$/, '')
          .replace(/^"(.*)"$/s, '$1')
          .replace(/""/g, '"'),
      )
      .filter((cell) => cell !== '' && !/^-?\d+(,\d+)?$/.test(cell));

  // Every export with school names (cluster-history counts schools, it names none).
  const withNames = (Object.keys(EXPORTS) as ExportName[]).filter((name) =>
    (EXPORTS[name].columns as readonly string[]).includes('short_name'),
  );
  it.each(withNames)('%s: school names are written as text, never as a formula', async (name) => {
    const csv = toCsv(await exportTable(demo.store, name));
    const cells = textCells(csv);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    // The names are there, neutralised with an apostrophe.
    expect(cells.filter((cell) => HOSTILE.some((h) => cell === `'${h}`)).length).toBeGreaterThan(0);
  });

  it('a table downloaded from a page is neutralised the same way, numbers stay numbers', () => {
    const csv = toCsv({
      captions: ['Школа', 'Изменение, п.п.'],
      rows: [
        ['=1+2', -5.5],
        ['@cmd', 3],
      ],
    });
    expect(csv).toBe("\ufeffШкола;Изменение, п.п.\r\n'=1+2;-5,5\r\n'@cmd;3\r\n");
  });
});
