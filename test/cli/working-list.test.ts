/**
 * npm run working-list as a user runs it, on a small store with the region's ШНОР list of
 * 2025/26 (Лесная ООШ): a school included with its reason and excluded again, each decision in
 * the audit log, and Russian messages for what cannot be done.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { importPaths } from '../../ingest/import.ts';
import { writeCsv } from '../../data/generator/files.ts';
import { writeRegistryFile } from '../helpers/fixtures.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';

let t: TempStore;
let dbPath: string;
let auditPath: string;

beforeAll(async () => {
  t = await tempStore();
  const lists = join(t.dir, 'списки.csv');
  writeCsv(lists, [
    ['Учебный год', 'Наименование ОО', 'Кластер'],
    ['2025/26', 'Лесная ООШ', 'ШНОР'],
  ]);
  await importPaths(t.store, [await writeRegistryFile(t.dir), lists]);
  dbPath = join(t.dir, 'test.duckdb');
  auditPath = join(t.dir, 'журнал.jsonl');
  t.store.close();
});
afterAll(() => t.dispose());

function workingList(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/working-list.ts', ...args], {
    env: { ...process.env, DB_PATH: dbPath, AUDIT_PATH: auditPath },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const ADD = ['--year', '2025/26', '--school', 'sch000003', '--cluster', 'ШНОР'];

async function listed(): Promise<unknown[]> {
  const store = await Store.open(dbPath);
  try {
    return await store.all(
      'SELECT short_name, source, reason FROM working_list WHERE year = 2026 ORDER BY 1',
    );
  } finally {
    store.close();
  }
}

it('includes a school with its reason and excludes it again, each decision audited', async () => {
  const added = workingList(
    'add',
    ...ADD,
    '--reason',
    'низкие результаты',
    '--basis',
    'протокол № 7',
  );
  expect(added.stderr).toBe('');
  expect(added.stdout).toBe(
    'Решение записано: школа добавлена в ШНОР 2025/26: sch000003 — низкие результаты (основание: протокол № 7).\n',
  );
  expect(await listed()).toEqual([
    { short_name: 'Гимназия № 3', source: 'решение комитета', reason: 'низкие результаты' },
    { short_name: 'Лесная ООШ', source: 'регион', reason: null },
  ]);
  const again = workingList('add', ...ADD, '--reason', 'ещё раз');
  expect(again.status).toBe(1);
  expect(again.stderr).toBe('Школа уже есть в рабочем списке «ШНОР» на 2025/26 учебный год.\n');
  expect(workingList('remove', ...ADD, '--reason', 'ошибочно').status).toBe(0);
  expect(await listed()).toEqual([{ short_name: 'Лесная ООШ', source: 'регион', reason: null }]);
  const audit = readFileSync(auditPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { action: string; outcome: string; address: string });
  expect(audit.map((e) => [e.action, e.outcome, e.address])).toEqual([
    ['list_decision', 'ok', 'командная строка'],
    ['list_decision', 'failed', 'командная строка'],
    ['list_decision', 'ok', 'командная строка'],
  ]);
});

it('explains what is wrong in Russian and stores nothing', () => {
  const cases: [string[], string][] = [
    [
      ['add', '--year', '25-26', '--school', 'sch000003', '--cluster', 'ШНОР', '--reason', 'x'],
      'Учебный год «25-26» не понят: ожидалось, например, 2025/26 или 2026.',
    ],
    [['add', ...ADD], 'Использование: npm run working-list'],
    [
      [
        'remove',
        '--year',
        '2025/26',
        '--school',
        'нет_такой',
        '--cluster',
        'ШНОР',
        '--reason',
        'x',
      ],
      'Школа с логином «нет_такой» не найдена в реестре.',
    ],
  ];
  for (const [args, message] of cases) {
    const run = workingList(...args);
    expect(run.status, args.join(' ')).toBe(1);
    expect(run.stderr).toContain(message);
  }
});
