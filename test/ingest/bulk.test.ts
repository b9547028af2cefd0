/**
 * The bulk path (large CSV files read by DuckDB, checked value by value) against the JS path
 * (every row read in JS): the same files must give the same stored rows, the same report and
 * the same problems, word for word. Plus what only the bulk path meets: unreadable CSV,
 * empty lines, and the size at which it is taken.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCsv, type CellValue } from '../../data/generator/files.ts';
import { VPR_TEMPLATE_HEADER } from '../../data/generator/write-vpr.ts';
import { importFile, importPaths } from '../../ingest/import.ts';
import { type ImportOptions } from '../../ingest/import-rows.ts';
import { type FileReport } from '../../contract/imports/report.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import { rowNumber, scanCsv } from '../../ingest/bulk/csv-file.ts';
import { contentHash, tempStore, type TempStore } from '../helpers/store.ts';
import { VPR_TASK_HEADER, writeRegistryFile } from '../helpers/fixtures.ts';

const BULK: ImportOptions = { bulkMinBytes: 0 };
const JS: ImportOptions = { bulkMinBytes: Number.POSITIVE_INFINITY };

/** Two stores with the same registry: one imports through the JS path, one through bulk. */
let js: TempStore;
let bulk: TempStore;
beforeEach(async () => {
  [js, bulk] = await Promise.all([tempStore(), tempStore()]);
  for (const t of [js, bulk]) await importPaths(t.store, [await writeRegistryFile(t.dir)]);
});
afterEach(() => {
  js.dispose();
  bulk.dispose();
});

let fileNumber = 0;
function csv(rows: CellValue[][]): string {
  const path = join(js.dir, `задания-${++fileNumber}.csv`);
  writeCsv(path, rows);
  return path;
}

const TASK_ROWS = `SELECT year, subject, grade, level, school_id, group_name, participants, task, max_score,
  difficulty, completion_pct, scope FROM raw_vpr_tasks ORDER BY ALL`;

/** What a user sees of a report: outcome, counts, years and every problem as a sentence. */
const seen = (report: FileReport) => ({
  outcome: report.outcome,
  format: report.format,
  rows: report.rows,
  years: report.years,
  moreProblems: report.moreProblems,
  conflicts: report.conflicts,
  problems: report.problems.map((p) => `${p.severity}: ${describeProblem(p)}`),
});

/** Imports the file through both paths; the two reports must be identical. */
async function importBoth(path: string, options: ImportOptions = {}): Promise<FileReport> {
  const [viaJs] = await importPaths(js.store, [path], { ...options, ...JS });
  const [viaBulk] = await importPaths(bulk.store, [path], { ...options, ...BULK });
  expect(seen(viaBulk!)).toEqual(seen(viaJs!));
  return viaBulk!;
}

const row = (school: string, task: string, completion: CellValue = 50): CellValue[] => [
  '2025/26',
  school,
  5,
  'Математика',
  task,
  1,
  'Б',
  40,
  completion,
];

describe('bulk import of ВПР task results', () => {
  it('stores the same rows as the JS reader, with the same history', async () => {
    const path = csv([
      VPR_TASK_HEADER,
      ['2025/26', 'sch000001', 5, 'Математика', '1', 1, 'Б', 40, '72,5'],
      ['2025/26', 'sch000001', 5, 'Математика', '9.1', 2, 'п', 40, 31],
      ['2025/26', 'sch000003', 5, 'Математика', '1', 1, '', 12, 58.33],
      ['2024/2025', ' sch000003 ', 6, 'Русский язык', '2', 3, 'В', 11, '0'],
    ]);
    const report = await importBoth(path);
    expect(report).toMatchObject({ outcome: 'loaded', rows: 4, years: [2025, 2026] });
    const stored = await bulk.store.all(TASK_ROWS);
    expect(stored).toHaveLength(4);
    expect(stored).toEqual(await js.store.all(TASK_ROWS));
    expect(stored[0]).toEqual({
      year: 2025,
      subject: 'Русский язык',
      grade: 6,
      level: 'school',
      school_id: 'sch000003',
      group_name: 'sch000003',
      participants: 11,
      task: '2',
      max_score: 3,
      difficulty: 'В',
      completion_pct: 0,
      scope: '2025|Русский язык|6|sch000003|2',
    });
    const history = `SELECT dataset, format, file_name, years, rows_count FROM import_batch WHERE dataset = 'vpr_tasks'`;
    expect(await bulk.store.all(history)).toEqual(await js.store.all(history));
    expect(await importBoth(path)).toMatchObject({ outcome: 'unchanged' });
  });

  it('rejects bad cells, unknown schools and repeated rows with the same messages, leaving the store as it was', async () => {
    const before = await contentHash(bulk.store);
    const report = await importBoth(
      csv([
        ['Выгрузка ВПР 2026'],
        [],
        VPR_TASK_HEADER,
        ['2025/26', 'sch000001', 5, 'Математика', '1', 0, 'Б', 40, 50],
        ['2025/26', 'sch000001', 5, 'Математика', '2', 1, 'С', 40, 50],
        [null, null, null, null, null, null, null, null, null],
        ['2025/26', 'sch000001', 5, 'Математика', '3', 1, 'Б', 40, 101],
        ['2025/26', 'sch000001', 5, 'Математика', '', 1, 'Б', 40, 50],
        ['2040/41', 'sch000001', 4, 'Химия', '4', 1, 'Б', 'сорок', 50],
        ['2025/26', 'sch999999', 9, 'История', '5', 1, 'Б', 40, 50],
        ['2025/26', 'sch000003', 5, 'Математика', '5', 1, 'б', 40, 50],
        ['2025/2026', 'sch000003', 5, 'Математика', '5', 1, 'Б', 40, 60],
        ['2025/26', 'sch000001', 5, 'Математика', '1', 1, 'Б', 40, 'Х'],
      ]),
    );
    expect(report.outcome).toBe('rejected');
    expect(report.problems.map((p) => describeProblem(p, false))).toEqual([
      'строка 4, столбец «Макс. балл»; значение «0»; ожидалось: целое число не меньше 1',
      'строка 5, столбец «Уровень сложности»; значение «С»; ожидалось: Б, П или В (или пусто)',
      'строка 7, столбец «Выполнение, %»; значение «101»; ожидалось: число от 0 до 100',
      'строка 8, столбец «Задание»; значение «(пусто)»; ожидалось: непустой текст',
      expect.stringMatching(
        /^строка 9, столбец «Учебный год»; значение «2040\/41»; ожидалось: учебный год/,
      ),
      'строка 9, столбец «Класс»; значение «4»; ожидалось: класс, в котором пишут ВПР по предмету «Химия»: 8, 10',
      'строка 9, столбец «Кол-во участников»; значение «сорок»; ожидалось: целое число не меньше 1',
      'строка 10, столбец «Класс»; значение «9»; ожидалось: класс, в котором пишут ВПР по предмету «История»: 5, 6, 7, 8, 10',
      expect.stringMatching(
        /^строка 10, столбец «Логин ОО»; значение «sch999999»; ожидалось: школа из реестра ОО/,
      ),
      'строка 13, столбец «Выполнение, %»; значение «Х»; ожидалось: число от 0 до 100',
      'строка 12; строка повторяет строку 11 (учебный год, ОО, предмет, класс и задание); в файле должна быть одна строка на каждое сочетание',
    ]);
    expect(await contentHash(bulk.store)).toBe(before);
  });

  it('counts the problems beyond the listed ones, as the JS reader does', async () => {
    const rows = Array.from({ length: 260 }, (_, i) => row('sch000001', String(i + 1), 150));
    const report = await importBoth(csv([VPR_TASK_HEADER, ...rows, ...rows.slice(0, 5)]));
    expect(report.problems).toHaveLength(200);
    expect(report.moreProblems).toBe(265 - 200);
  });

  it('asks before replacing rows of another file, and replaces them when told', async () => {
    const first = csv([VPR_TASK_HEADER, row('sch000001', '1', 40), row('sch000001', '2', 45)]);
    await importBoth(first);
    const fixed = csv([VPR_TASK_HEADER, row('sch000001', '1', 41)]);
    const refused = await importBoth(fixed);
    expect(refused.outcome).toBe('rejected');
    expect(refused.conflicts).toEqual([basename(first)]);
    expect(await importBoth(fixed, { replace: true })).toMatchObject({ outcome: 'replaced' });
    expect(await bulk.store.all(TASK_ROWS)).toEqual(await js.store.all(TASK_ROWS));
    expect(
      await bulk.store.all(`SELECT task, completion_pct FROM raw_vpr_tasks ORDER BY task`),
    ).toEqual([
      { task: '1', completion_pct: 41 },
      { task: '2', completion_pct: 45 },
    ]);
  });

  it('adds unknown schools to the registry when asked, as the JS reader does', async () => {
    const path = csv([
      VPR_TASK_HEADER,
      row('sch470555', '1'),
      row('sch470556', '1'),
      row('sch470555', '2'),
    ]);
    const report = await importBoth(path, { createSchools: true });
    expect(report.outcome).toBe('loaded');
    const schools = `SELECT school_id, full_name FROM school ORDER BY 1`;
    expect(await bulk.store.all(schools)).toEqual(await js.store.all(schools));
    expect(await bulk.store.all(TASK_ROWS)).toEqual(await js.store.all(TASK_ROWS));
  });

  it('checks a dry run without writing anything', async () => {
    const before = await contentHash(bulk.store);
    const report = await importBoth(csv([VPR_TASK_HEADER, row('sch000001', '1')]), {
      dryRun: true,
    });
    expect(report).toMatchObject({ outcome: 'checked', planned: 'loaded', rows: 1 });
    expect(await contentHash(bulk.store)).toBe(before);
  });

  it('numbers rows as a spreadsheet does across empty lines', async () => {
    const path = csv([VPR_TASK_HEADER, row('sch000001', '1')]);
    appendFileSync(
      path,
      '\r\n\r\n' +
        ['2025/26', 'sch000001', 5, 'Математика', '2', 1, 'Б', 40, 'сто'].join(';') +
        '\r\n',
    );
    const report = await importBoth(path);
    expect(report.problems.map((p) => describeProblem(p, false))).toEqual([
      'строка 5, столбец «Выполнение, %»; значение «сто»; ожидалось: число от 0 до 100',
    ]);
  });

  it('rejects a file DuckDB cannot read as CSV, naming the file and line', async () => {
    const path = join(bulk.dir, 'битый.csv');
    // Bad bytes after the first 256 KB, which the bulk path reads to recognise the file.
    const rows = Array.from({ length: 6000 }, (_, i) => row('sch000001', String(i)).join(';'));
    const good = [VPR_TASK_HEADER.join(';'), ...rows].join('\n') + '\n';
    writeFileSync(path, Buffer.concat([Buffer.from(good), Buffer.from([0xff, 0xfe, 0x0a])]));
    const before = await contentHash(bulk.store);
    const [report] = await importPaths(bulk.store, [path], BULK);
    expect(report!.outcome).toBe('rejected');
    expect(describeProblem(report!.problems[0]!)).toMatch(
      /^файл «битый\.csv», строка 6002; файл не читается как таблица CSV: в строке есть байты не в кодировке UTF-8 — сохраните файл как «CSV UTF-8»$/,
    );
    expect(await contentHash(bulk.store)).toBe(before);
  });
  it('takes the bulk path for a large upload too, under the name the user gave', async () => {
    const path = csv([VPR_TASK_HEADER, row('sch000001', '1', 40), row('sch000003', '1', 60)]);
    const reported: number[] = [];
    const report = await importFile(bulk.store, 'Задания района.csv', readFileSync(path), {
      ...BULK,
      onProgress: (_, done, total) => reported.push((100 * done) / total),
    });
    const [viaJs] = await importPaths(js.store, [path], JS);
    expect(seen(report)).toEqual(seen(viaJs!));
    expect(report.file).toBe('Задания района.csv');
    expect(await bulk.store.all(TASK_ROWS)).toEqual(await js.store.all(TASK_ROWS));
    // The bulk path reports per cent of the whole: rising to 100.
    expect(reported.at(-1)).toBe(100);
    expect([...reported].sort((a, b) => a - b)).toEqual(reported);
  });
});

describe('bulk import of ВПР marks', () => {
  const MARK_ROWS = `SELECT year, subject, grade, level, school_id, group_name, schools_count,
    participants, n2, n3, n4, n5, scope FROM raw_vpr_marks ORDER BY ALL`;

  it('stores the same rows as the JS reader, with the same small-group warning', async () => {
    const report = await importBoth(
      csv([
        VPR_TEMPLATE_HEADER,
        ['2025/26', 'sch000001', 'Первая школа', 5, 'Математика', 40, 4, 16, 12, 8],
        ['2025/26', 'sch000003', null, 5, 'Математика', 8, 1, 3, 3, 1],
        ['2024/25', 'sch000003', null, 4, 'Русский язык', 30, 0, 10, 10, 10],
      ]),
    );
    expect(report).toMatchObject({ outcome: 'loaded', rows: 3, years: [2025, 2026] });
    expect(report.problems.map((p) => describeProblem(p, false))).toEqual([
      'строка 3, столбец «Кол-во участников»; значение «8»; мало участников: доли будут помечены «мало данных»',
    ]);
    const stored = await bulk.store.all(MARK_ROWS);
    expect(stored).toEqual(await js.store.all(MARK_ROWS));
    expect(stored[1]).toEqual({
      year: 2026,
      subject: 'Математика',
      grade: 5,
      level: 'school',
      school_id: 'sch000001',
      group_name: 'Первая школа',
      schools_count: 1,
      participants: 40,
      n2: 4,
      n3: 16,
      n4: 12,
      n5: 8,
      scope: '2026|Математика|5|sch000001',
    });
  });

  it('rejects marks that do not add up, bad counts and repeated rows with the same messages', async () => {
    const before = await contentHash(bulk.store);
    const report = await importBoth(
      csv([
        VPR_TEMPLATE_HEADER,
        ['2025/26', 'sch000001', null, 5, 'Математика', 40, 4, 16, 12, 9],
        ['2025/26', 'sch000001', null, 6, 'Математика', 40, -1, 16, 12, 13],
        ['2025/26', 'sch999999', null, 5, 'Русский язык', 40, 4, 16, 12, 8],
        ['2025/26', 'sch000003', null, 5, 'Математика', 20, 5, 5, 5, 5],
        ['2025/26', 'sch000003', null, 5, 'Математика', 20, 4, 6, 5, 5],
      ]),
    );
    expect(report.outcome).toBe('rejected');
    expect(report.problems.map((p) => describeProblem(p, false))).toEqual([
      'строка 2, столбец «Кол-во участников»; значение «40»; ожидалось: сумма отметок «2»–«5» (4 + 16 + 12 + 9 = 41) равна числу участников',
      'строка 3, столбец «Кол-во «2»»; значение «-1»; ожидалось: целое неотрицательное число',
      expect.stringMatching(
        /^строка 4, столбец «Логин ОО»; значение «sch999999»; ожидалось: школа из реестра ОО/,
      ),
      'строка 6; строка повторяет строку 5 (учебный год, ОО, предмет и класс); в файле должна быть одна строка на каждое сочетание',
    ]);
    expect(await contentHash(bulk.store)).toBe(before);
  });
});

describe('row numbers of the bulk path', () => {
  it('finds empty lines, with or without carriage returns', async () => {
    const path = join(js.dir, 'пустые.csv');
    writeFileSync(path, 'a;b\r\n\r\n1;2\n\n\n3;4\r\n');
    expect((await scanCsv(path)).emptyLines).toEqual([1, 3, 4]);
    // After the header (skip 1): record 0 is line 3, record 1 is line 6.
    expect(rowNumber(0, 1, [1, 3, 4])).toBe(3);
    expect(rowNumber(1, 1, [1, 3, 4])).toBe(6);
  });
});
