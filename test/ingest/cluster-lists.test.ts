/**
 * Cluster lists as they are written (issue 23, items 1 and 2): the seed's Приложения 2 и 3 typed
 * into XLSX as they stand (tables under title lines on one sheet, «Итого»), the year and basis
 * given at the import or read from a title line, the cluster names of the methodology's table,
 * an unknown name kept with a warning or rejected, a wrong «Итого» and a missing year rejected.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { currentMethodology } from '../../analytics/methodology-store.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import type { FileReport } from '../../contract/imports/report.ts';
import { writeCsv, type CellValue } from '../../data/generator/files.ts';
import { writeListWorkbook, type ListTable } from '../../data/generator/list-workbook.ts';
import { importPaths } from '../../ingest/import.ts';
import type { ImportOptions } from '../../ingest/import-rows.ts';
import { writeRegistryFile } from '../helpers/fixtures.ts';
import { contentHash, tempStore, type TempStore } from '../helpers/store.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The district of the seed (002_…): the registry's full and short names. */
const REGISTRY: CellValue[][] = [
  [
    'sch1',
    'Муниципальное казённое общеобразовательное учреждение «Путиловская основная общеобразовательная школа»',
    'Путиловская ООШ',
    '',
    'ООШ',
    'сельская',
  ],
  [
    'sch2',
    'Муниципальное бюджетное общеобразовательное учреждение «Отраденская средняя общеобразовательная школа № 3»',
    'Отраденская СОШ № 3',
    'МБОУ «ОСШ №3»',
    'СОШ',
    'городская',
  ],
  [
    'sch3',
    'Муниципальное казённое общеобразовательное учреждение «Шумская средняя общеобразовательная школа»',
    'Шумская СОШ',
    '',
    'СОШ',
    'сельская',
  ],
  [
    'sch4',
    'Муниципальное казённое общеобразовательное учреждение «Назиевская средняя общеобразовательная школа»',
    'Назиевская СОШ',
    '',
    'СОШ',
    'сельская',
  ],
  [
    'sch5',
    'Муниципальное казённое общеобразовательное учреждение «Суховская основная общеобразовательная школа»',
    'Суховская ООШ',
    '',
    'ООШ',
    'сельская',
  ],
  [
    'sch6',
    'Муниципальное бюджетное общеобразовательное учреждение «Мгинская средняя общеобразовательная школа»',
    'Мгинская СОШ',
    '',
    'СОШ',
    'сельская',
  ],
  [
    'sch7',
    'Муниципальное казённое общеобразовательное учреждение «Отраденская средняя общеобразовательная школа № 2»',
    'Отраденская СОШ № 2',
    '',
    'СОШ',
    'городская',
  ],
  [
    'sch8',
    'Муниципальное казённое общеобразовательное учреждение «Синявинская средняя общеобразовательная школа»',
    'Синявинская СОШ',
    '',
    'СОШ',
    'сельская',
  ],
  [
    'sch9',
    'Муниципальное бюджетное общеобразовательное учреждение «Кировская гимназия имени Героя Советского Союза С. Баймагамбетова»',
    'Кировская гимназия',
    '',
    'гимназия',
    'городская',
  ],
  [
    'sch10',
    'Муниципальное бюджетное общеобразовательное учреждение «Лицей г. Отрадное»',
    'Лицей г. Отрадное',
    '',
    'лицей',
    'городская',
  ],
];

const ORDER = [
  'к распоряжению комитета образования',
  'администрации Кировского',
  'муниципального района',
  'Ленинградской области',
];

/** Приложения 2 и 3 of the seed, as they stand: three tables, two of them with «Итого». */
const seedTables = (total = 5): ListTable[] => [
  {
    title: [
      'Приложение 2',
      ...ORDER,
      'от 19.10.2023 года № 356',
      'Список общеобразовательных организаций Кировского муниципального района Ленинградской области,',
      'функционирующих в зоне риска снижения образовательных результатов обучающихся',
    ],
    rows: [
      ['МКОУ «Путиловская ООШ»', 'ШФЗСОР'],
      ['МБОУ «Отраденская СОШ № 3»', 'ШФЗСОР'],
      ['МКОУ «Шумская СОШ»', 'ШФЗСОР'],
      ['МКОУ «Назиевская СОШ»', 'ШФЗСОР'],
      ['МКОУ «Суховская ООШ»', 'ШФЗСОР'],
    ],
    total,
  },
  {
    title: [
      'Список общеобразовательных организаций Кировского муниципального района Ленинградской области, находящихся в зоне риска',
      'по снижению образовательных результатов',
    ],
    rows: [
      ['МБОУ «Мгинская СОШ»', 'ШПУН'],
      ['МКОУ «Отраденская СОШ № 2»', 'ШПУН'],
      ['МКОУ «Синявинская СОШ»', 'ШПУН'],
    ],
    total: true,
  },
  {
    title: [
      'Приложение 3',
      ...ORDER,
      'от 19.10.2023 года № хх',
      'Список общеобразовательных организаций Кировского муниципального района Ленинградской области',
      'со стабильно высокими образовательными результатами обучающихся',
    ],
    rows: [
      [
        'Муниципальное бюджетное общеобразовательное учреждение «Кировская гимназия имени Героя Советского Союза С. Баймагамбетова»',
        'ШЛ',
      ],
      ['Муниципальное бюджетное общеобразовательное учреждение «Лицей г. Отрадное»', 'ШЛ'],
    ],
    total: false,
  },
];

const BASIS_356 =
  'распоряжение комитета образования администрации Кировского муниципального района Ленинградской области от 19.10.2023 № 356';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir, REGISTRY)]);
});
afterEach(() => t.dispose());

let fileNumber = 0;
async function xlsx(tables: ListTable[]): Promise<string> {
  const path = join(t.dir, `списки-${++fileNumber}.xlsx`);
  await writeListWorkbook(path, tables, 'Приложения 2 и 3');
  return path;
}
function csv(rows: CellValue[][]): string {
  const path = join(t.dir, `список-${++fileNumber}.csv`);
  writeCsv(path, rows);
  return path;
}
const importOne = async (path: string, options: ImportOptions = {}) =>
  (await importPaths(t.store, [path], options))[0]!;
const texts = (report: FileReport, severity: 'error' | 'warning' = 'error') =>
  report.problems
    .filter((p) => p.severity === severity)
    .map((p) => describeProblem(p, false))
    .join('\n');
const stored = () =>
  t.store.all(
    `SELECT year, school_id, cluster, label, basis, source FROM raw_official_cluster
     ORDER BY cluster, school_id`,
  );
const clusterCounts = () =>
  t.store.all(
    'SELECT year, cluster, count(*)::INTEGER AS schools FROM raw_official_cluster GROUP BY ALL ORDER BY cluster',
  );

async function expectRejected(path: string, options: ImportOptions, ...messages: RegExp[]) {
  const before = await contentHash(t.store);
  const report = await importOne(path, options);
  expect(report.outcome).toBe('rejected');
  for (const message of messages) expect(texts(report)).toMatch(message);
  expect(await contentHash(t.store)).toBe(before);
}

describe('the seed’s Приложения 2 и 3', () => {
  it('load with --year 2023/24: 5 ШФЗСОР, 3 ШПУН, 2 ШЛ, the basis from the title lines', async () => {
    const report = await importOne(await xlsx(seedTables()), { year: '2023/24' });
    expect(report.outcome).toBe('loaded');
    expect(report.format).toBe('Списки кластеров (приложение к распоряжению, письмо региона)');
    expect(texts(report)).toBe('');
    expect(texts(report, 'warning')).toBe('');
    expect(report.rows).toBe(10);
    expect(report.years).toEqual([2024]);
    expect(await clusterCounts()).toEqual([
      { year: 2024, cluster: 'ШЛ', schools: 2 },
      { year: 2024, cluster: 'ШПУН', schools: 3 },
      { year: 2024, cluster: 'ШФЗСОР', schools: 5 },
    ]);
    const rows = await stored();
    expect(rows.filter((r) => r.cluster !== 'ШЛ')).toEqual(
      [
        ['sch6', 'ШПУН'],
        ['sch7', 'ШПУН'],
        ['sch8', 'ШПУН'],
        ['sch1', 'ШФЗСОР'],
        ['sch2', 'ШФЗСОР'],
        ['sch3', 'ШФЗСОР'],
        ['sch4', 'ШФЗСОР'],
        ['sch5', 'ШФЗСОР'],
      ].map(([school_id, cluster]) => ({
        year: 2024,
        school_id,
        cluster,
        label: cluster,
        basis: BASIS_356,
        source: 'комитет',
      })),
    );
    // Приложение 3 names its own order (its number not yet given: «№ хх»).
    expect(rows.filter((r) => r.cluster === 'ШЛ')).toEqual(
      ['sch10', 'sch9'].map((school_id) => ({
        year: 2024,
        school_id,
        cluster: 'ШЛ',
        label: 'ШЛ',
        basis: BASIS_356.replace('№ 356', '№ хх'),
        source: 'комитет',
      })),
    );
  });

  it('show in cluster_comparison, none dropped', async () => {
    await importOne(await xlsx(seedTables()), { year: '2023/24' });
    expect(
      await t.store.all(
        'SELECT cluster, agreement, count(*)::INTEGER AS n FROM cluster_comparison GROUP BY ALL ORDER BY 1',
      ),
    ).toEqual([
      { cluster: 'ШЛ', agreement: 'только в списке региона', n: 2 },
      { cluster: 'ШПУН', agreement: 'только в списке региона', n: 3 },
      { cluster: 'ШФЗСОР', agreement: 'только в списке региона', n: 5 },
    ]);
  });

  it('a basis given at the import replaces the title’s', async () => {
    const basis = 'письмо КОиПО ЛО от 10.10.2023 № 19-39080/2023';
    await importOne(await xlsx(seedTables()), { year: '2023-2024', basis });
    expect(
      await t.store.all('SELECT DISTINCT year, basis, source FROM raw_official_cluster'),
    ).toEqual([{ year: 2024, basis, source: 'регион' }]);
  });
});

describe('the year and the «Итого»', () => {
  it('no year anywhere: a Russian error saying how to give one', async () =>
    expectRejected(
      await xlsx(seedTables()),
      {},
      /^лист «Приложения 2 и 3», строка 9; не указан учебный год списка: в таблице нет столбца «Учебный год», в заголовке над таблицей учебный год не назван\. Укажите год при загрузке: в командной строке — npm run import -- <файл> --year 2023\/24, на странице «Загрузка данных» — в поле «Учебный год списка»/,
    ));

  it('a year that does not read is an error naming it', async () =>
    expectRejected(
      await xlsx(seedTables()),
      { year: '2023' + '/25' },
      /значение «2023\/25»; учебный год, указанный при загрузке, не распознан/,
    ));

  it('«Итого» that disagrees with the rows: rejected, naming the row and both numbers', async () =>
    expectRejected(
      await xlsx(seedTables(4)),
      { year: '2023/24' },
      /^лист «Приложения 2 и 3», строка 15; значение «Итого: 4 ОО»; в строке «Итого» указано 4 ОО, а в таблице над ней школ: 5/,
    ));

  it('a title line naming one school year and a letter gives both', async () => {
    const report = await importOne(
      await xlsx([
        {
          title: [
            'Список школ с признаками учебной неуспешности на 2024-2025 учебный год',
            '(письмо КОиПО ЛО от 10.10.2024 № 19-41000/2024)',
          ],
          rows: [
            ['Мгинская СОШ', 'признаки учебной неуспешности'],
            ['Синявинская СОШ', 'ШПУН'],
          ],
          total: true,
        },
      ]),
    );
    expect(texts(report)).toBe('');
    expect(await stored()).toEqual(
      ['sch6', 'sch8'].map((school_id, i) => ({
        year: 2025,
        school_id,
        cluster: 'ШПУН',
        label: i === 0 ? 'признаки учебной неуспешности' : 'ШПУН',
        basis: 'письмо КОиПО ЛО от 10.10.2024 № 19-41000/2024',
        source: 'регион',
      })),
    );
  });

  it('a year given at the import wins over the title’s, with a warning', async () => {
    const report = await importOne(
      await xlsx([
        {
          title: ['Список ШПУН на 2022-2023 учебный год'],
          rows: [['Мгинская СОШ', 'ШПУН']],
          total: true,
        },
      ]),
      { year: '2023/24' },
    );
    expect(report.outcome).toBe('loaded');
    expect(report.years).toEqual([2024]);
    expect(texts(report, 'warning')).toBe(
      'лист «Приложения 2 и 3», строка 2; в заголовке над таблицей назван 2022/23 учебный год, а при загрузке указан 2023/24: список загружается за 2023/24',
    );
  });

  it('a title naming two school years is not taken for either', async () =>
    expectRejected(
      await xlsx([
        {
          title: ['Изменения в списке 2023/24 и 2024/25 учебных годов'],
          rows: [['Мгинская СОШ', 'ШПУН']],
          total: true,
        },
      ]),
      {},
      /не указан учебный год списка: в таблице нет столбца «Учебный год», в заголовке над таблицей названо несколько учебных годов \(2023\/24, 2024\/25\)/,
    ));
});

describe('cluster names', () => {
  it('a list in other words loads into the cluster’s code, the label kept', async () => {
    const report = await importOne(
      csv([
        ['Учебный год', 'Наименование ОО', 'Кластер'],
        ['2023/24', 'Путиловская ООШ', 'ШФСОР'],
        ['2023/24', 'Шумская СОШ', 'шфзр'],
        ['2023/24', 'Назиевская СОШ', '«ШФЗСОП»'],
        [
          '2023/24',
          'Суховская ООШ',
          'Школы,  функционирующие в зоне риска снижения образовательных результатов',
        ],
        ['2023/24', 'Лицей г. Отрадное', 'Школы – лидеры'],
      ]),
    );
    expect(report.outcome).toBe('loaded');
    expect(texts(report, 'warning')).toBe('');
    expect(
      await t.store.all(
        'SELECT school_id, cluster, label, source FROM raw_official_cluster ORDER BY school_id',
      ),
    ).toEqual([
      { school_id: 'sch1', cluster: 'ШФЗСОР', label: 'ШФСОР', source: 'регион' },
      { school_id: 'sch10', cluster: 'ШЛ', label: 'Школы – лидеры', source: 'регион' },
      { school_id: 'sch3', cluster: 'ШФЗСОР', label: 'шфзр', source: 'регион' },
      { school_id: 'sch4', cluster: 'ШФЗСОР', label: '«ШФЗСОП»', source: 'регион' },
      {
        school_id: 'sch5',
        cluster: 'ШФЗСОР',
        label: 'Школы, функционирующие в зоне риска снижения образовательных результатов',
        source: 'регион',
      },
    ]);
  });

  const unknown = () =>
    csv([
      ['Учебный год', 'Наименование ОО', 'Кластер'],
      ['2023/24', 'Путиловская ООШ', 'Школы особого внимания'],
      ['2023/24', 'Шумская СОШ', 'Школы особого внимания'],
      ['2023/24', 'Назиевская СОШ', 'ШНСУ'],
    ]);

  it('an unknown name is kept as its own cluster with a warning, and shown', async () => {
    const report = await importOne(unknown());
    expect(report.outcome).toBe('loaded');
    expect(texts(report, 'warning')).toBe(
      'строка 2; значение «Школы особого внимания»; кластера «Школы особого внимания» нет в таблице названий методики (строки 2, 3): загружен как отдельный кластер «Школы особого внимания». Известные названия: ШФЗСОР (ШФСОР, ШФЗР, ШФЗСОП), ШНОР, ШПУН, ШЛ (школы-лидеры), ШНСУ, 500+, Необъективность и их названия словами (страница «Методика», «Названия кластеров в списках»). Если это другое название известного кластера, добавьте его в таблицу названий и загрузите список заново',
    );
    expect(
      await t.store.all(
        'SELECT school_id, cluster, agreement FROM cluster_comparison ORDER BY school_id',
      ),
    ).toEqual([
      {
        school_id: 'sch1',
        cluster: 'Школы особого внимания',
        agreement: 'только в списке региона',
      },
      {
        school_id: 'sch3',
        cluster: 'Школы особого внимания',
        agreement: 'только в списке региона',
      },
      { school_id: 'sch4', cluster: 'ШНСУ', agreement: 'только в списке региона' },
    ]);
  });

  it('is rejected, naming it and the known names, when the methodology says so', async () => {
    const methodology = await currentMethodology(t.store);
    await refreshModels(t.store, {
      kind: 'methodology',
      methodology: {
        ...methodology,
        version: 'строгие названия',
        clusterNames: { ...methodology.clusterNames, unknown: 'reject' },
      },
      user: 'методист',
    });
    await expectRejected(
      unknown(),
      {},
      /^строка 2; значение «Школы особого внимания»; кластера «Школы особого внимания» нет в таблице названий методики \(строки 2, 3\): список не загружен\. Известные названия: ШФЗСОР \(ШФСОР, ШФЗР, ШФЗСОП\), ШНОР, ШПУН, ШЛ/,
    );
  });
});

describe('npm run import -- --year --basis', () => {
  it('loads the seed’s appendix with the year and basis given on the command line', async () => {
    const path = await xlsx(seedTables());
    const dbPath = join(t.dir, 'командная строка.duckdb');
    const store = await Store.open(dbPath);
    await importPaths(store, [await writeRegistryFile(t.dir, REGISTRY)]);
    store.close();
    const basis = 'распоряжение КО от 19.10.2023 № 356';
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'cli/import.ts', path, '--year', '2023/24', '--basis', basis],
      { cwd: ROOT, env: { ...process.env, DB_PATH: dbPath }, encoding: 'utf8' },
    );
    expect(result.stdout).toMatch(/\[1\/1\] списки-\d+\.xlsx: загружен — Списки кластеров/);
    expect(result.status).toBe(0);
    const after = await Store.open(dbPath);
    try {
      expect(
        await after.all(
          'SELECT year, basis, source, count(*)::INTEGER AS n FROM raw_official_cluster GROUP BY ALL',
        ),
      ).toEqual([{ year: 2024, basis, source: 'комитет', n: 10 }]);
    } finally {
      after.close();
    }
  });
});
