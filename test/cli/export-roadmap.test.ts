/**
 * npm run export -- roadmap --year 2023/24 --format xlsx as a user runs it, on a store with the
 * seed's road map: one sheet in the layout of the распоряжение, six sections, 33 measures.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPaths } from '../../ingest/import.ts';
import { readXlsx } from '../../ingest/read/xlsx.ts';
import { SEED_ROADMAP_FIXTURE } from '../helpers/seed-roadmap.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';

let t: TempStore;
let dbPath: string;

beforeAll(async () => {
  t = await tempStore();
  const [report] = await importPaths(t.store, [SEED_ROADMAP_FIXTURE], { year: '2023/24' });
  expect(report!.outcome).toBe('loaded');
  dbPath = join(t.dir, 'test.duckdb');
  t.store.close();
});
afterAll(() => t.dispose());

it('writes the year’s road map as XLSX in the document’s layout', async () => {
  const out = join(t.dir, 'дорожная карта.xlsx');
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'cli/export.ts',
      'roadmap',
      '--year',
      '2023/24',
      '--format',
      'xlsx',
      '--out',
      out,
    ],
    { env: { ...process.env, DB_PATH: dbPath }, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout.trim()).toBe(`Записано строк: 33 → ${out}`);
  const [sheet, ...more] = await readXlsx(readFileSync(out));
  expect(more).toEqual([]);
  expect(sheet!.name).toBe('Дорожная карта 2023-24');
  expect(sheet!.rows.slice(0, 2).map((r) => r[0])).toEqual([
    'МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА',
    'на 2023-2024 учебный год',
  ]);
  const body = sheet!.rows.slice(4);
  const sections = body.filter((r) => r.length === 10 && new Set(r).size === 1);
  expect(sections.map((r) => String(r[0]).slice(0, 40))).toEqual([
    'Организационное обеспечение адресной под',
    'Повышение квалификации педагогических и ',
    'Информационно-консультативная поддержка',
    'Распространение лучших практик, способст',
    'Методические семинары для учителей-предм',
    'Формирование и организация работы партнё',
  ]);
  expect(body.length - sections.length).toBe(33);
});
