/**
 * npm run export -- lists / cluster-history as a user runs them, on a store with the region's
 * lists of two years written by hand:
 * - 2024/25: ШНОР — Лесная ООШ, СОШ № 1; ШЛ — Гимназия № 3;
 * - 2025/26: ШНОР — Лесная ООШ; ШЛ — Гимназия № 3; and the committee's addition of СОШ № 1 to
 *   ШПУН with a reason that starts like a formula (neutralised in the CSV).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPaths } from '../../ingest/import.ts';
import { writeCsv } from '../../data/generator/files.ts';
import { recordListDecision } from '../../analytics/list-decisions.ts';
import { exportTable } from '../../analytics/export.ts';
import { writeRegistryFile } from '../helpers/fixtures.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';

let t: TempStore;
let dbPath: string;

beforeAll(async () => {
  t = await tempStore();
  const lists = join(t.dir, 'списки.csv');
  writeCsv(lists, [
    ['Учебный год', 'Наименование ОО', 'Кластер'],
    ['2024/25', 'Лесная ООШ', 'ШНОР'],
    ['2024/25', 'СОШ № 1', 'ШНОР'],
    ['2024/25', 'Гимназия № 3', 'ШЛ'],
    ['2025/26', 'Лесная ООШ', 'ШНОР'],
    ['2025/26', 'Гимназия № 3', 'ШЛ'],
  ]);
  await importPaths(t.store, [await writeRegistryFile(t.dir), lists]);
  const problem = await recordListDecision(t.store, {
    year: 2026,
    schoolId: 'sch000001',
    cluster: 'ШПУН',
    action: 'add',
    reason: '=СУММ(1;2) доля «2» выше 30 %',
    basis: 'протокол № 7',
    user: 'admin',
  });
  expect(problem).toBeUndefined();
  dbPath = join(t.dir, 'test.duckdb');
  t.store.close();
});
afterAll(() => t.dispose());

function exportCli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/export.ts', ...args], {
    env: { ...process.env, DB_PATH: dbPath },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The CSV's lines without the byte-order mark. */
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n');

it('writes the working list of a year: login, names, cluster, source, basis, date', () => {
  const out = join(t.dir, 'списки.csv');
  const run = exportCli('lists', '--year', '2025/26', '--out', out);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(`Записано строк: 3 → ${out}\n`);
  const [header, ...rows] = lines(out);
  expect(header).toBe(
    'Учебный год;Логин ОО;ОО;Полное наименование ОО;Кластер;Источник;Основание;Дата включения;Причина',
  );
  const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('.');
  expect(rows.map((r) => r.replace(today, 'СЕГОДНЯ'))).toEqual([
    '2025/26;sch000003;Гимназия № 3;Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 3»;ШЛ;регион;;СЕГОДНЯ;',
    '2025/26;sch000002;Лесная ООШ;Муниципальное казённое общеобразовательное учреждение «Лесная основная общеобразовательная школа»;ШНОР;регион;;СЕГОДНЯ;',
    // the committee's addition; its reason starts like a formula and is kept as text
    '2025/26;sch000001;СОШ № 1;Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»;ШПУН;решение комитета;протокол № 7;СЕГОДНЯ;"\'=СУММ(1;2) доля «2» выше 30 %"',
    '',
  ]);
});

it('writes the history of every cluster: count, entered, left, exit rate', () => {
  const out = join(t.dir, 'история.csv');
  expect(exportCli('cluster-history', '--out', out).status).toBe(0);
  expect(lines(out)).toEqual([
    'Кластер;Учебный год;Школ в списке;Прошлый год;Школ в списке прошлого года;Вошли;Вышли;Остались;Доля вышедших, %',
    // ШЛ: the same school both years
    'ШЛ;2024/25;1;;;;;;',
    'ШЛ;2025/26;1;2024/25;1;0;0;1;0',
    // ШНОР: 2 → 1, СОШ № 1 left: 1 of 2, 50 %
    'ШНОР;2024/25;2;;;;;;',
    'ШНОР;2025/26;1;2024/25;2;0;1;1;50',
    // ШПУН: first listed in 2025/26, the year before had lists (of other clusters): 1 entered
    'ШПУН;2025/26;1;2024/25;0;1;0;0;',
    '',
  ]);
});

it('gives a school user its own entries and not the district’s history', async () => {
  const { Store } = await import('../../analytics/db.ts');
  const store = await Store.open(dbPath);
  try {
    const own = await exportTable(store, 'lists', { school: 'sch000002' });
    expect(own.rows.map((r) => `${r[0]} ${r[4]}`)).toEqual(['2024/25 ШНОР', '2025/26 ШНОР']);
    expect((await exportTable(store, 'cluster-history', { school: 'sch000002' })).rows).toEqual([]);
  } finally {
    store.close();
  }
});
