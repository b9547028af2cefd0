/**
 * A store written by the previous release (15f8ca6, before schema versions) opens in this one
 * (issue 22, item 6). The fixture test/fixtures/store-15f8ca6/ is that release's store as text
 * (EXPORT DATABASE) and the files it was loaded from; test/fixtures/make-release-store.sh made
 * it with the release's own code. IMPORT DATABASE recreates the store; a start
 * (`prepareStore`, as `npm start` runs it) must bring it forward with nothing lost.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { MODELS } from '../../analytics/model-specs.ts';
import { modelsFingerprint } from '../../analytics/models.ts';
import { currentMethodology } from '../../analytics/methodology-store.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';
import { importPaths } from '../../ingest/import.ts';
import { writeVprCsv } from '../helpers/fixtures.ts';
import { ensureSchema, readMigrations, MIGRATIONS_DIR } from '../../ingest/schema.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/store-15f8ca6/', import.meta.url));
const DUMP = join(FIXTURE, 'dump');

let dir: string;
/** the release's store after one start of this version, and what that start printed */
let upgraded: Store;
let startLines: string[];
/** the same files imported into a new store by this version */
let fresh: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-release-'));
  const old = await Store.open(join(dir, 'release.duckdb'));
  // IMPORT DATABASE takes no parameters: the folder is the fixture's, known to the test.
  await old.run(`IMPORT DATABASE '${DUMP}'`);
  old.close();

  upgraded = await Store.open(join(dir, 'release.duckdb'));
  startLines = [];
  await prepareStore(upgraded, (line) => startLines.push(line), join(dir, 'demo'));

  fresh = await Store.open(join(dir, 'fresh.duckdb'));
  await ensureSchema(fresh);
  await importPaths(fresh, [join(FIXTURE, 'files', 'demo')], {
    isDemo: true,
    user: 'демонстрационные данные',
  });
  await importPaths(fresh, [join(FIXTURE, 'files', 'own')]);
}, 300_000);
afterAll(() => {
  upgraded?.close();
  fresh?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The rows of each table of the release's store: its CSV's lines less the header. */
function fixtureRowCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of readdirSync(DUMP).filter((f) => f.endsWith('.csv')))
    counts[file.replace(/\.csv$/, '')] =
      readFileSync(join(DUMP, file), 'utf8').trimEnd().split('\n').length - 1;
  return counts;
}

/** The tables the model build writes: the models, what they were built from, methodology tables. */
const BUILT = new Set([
  ...MODELS.map((m) => m.name),
  'model_build',
  'methodology_cluster_rule',
  'methodology_grid',
  'methodology_grid_color',
]);

/** Every column of the store's tables except those the model build writes, in order. */
async function tableColumns(store: Store) {
  const rows = await store.all<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM duckdb_columns()
     WHERE database_name = current_database() ORDER BY table_name, column_index`,
  );
  return rows.filter((r) => !BUILT.has(r.table_name));
}

/** Every model's rows; fractions to 6 decimals (a parallel sum may differ in its last bits). */
async function models(store: Store, approximate: boolean) {
  const all: Record<string, unknown[]> = {};
  for (const { name } of MODELS) {
    const rows = await store.all(`SELECT * FROM ${name} ORDER BY ALL`);
    all[name] = approximate
      ? rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([key, value]) => [
              key,
              typeof value === 'number' ? expect.closeTo(value, 6) : value,
            ]),
          ),
        )
      : rows;
  }
  return all;
}

const count = async (store: Store, table: string) =>
  (await store.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;

it('the release store is what the fixture says: 7 files, 6 of them the demo', async () => {
  expect(
    await upgraded.all(
      'SELECT is_demo, count(*)::INTEGER AS n FROM import_batch GROUP BY 1 ORDER BY 1',
    ),
  ).toEqual([
    { is_demo: false, n: 1 },
    { is_demo: true, n: 6 },
  ]);
});

it('is brought to the current schema version, every migration recorded', async () => {
  const names = readMigrations(MIGRATIONS_DIR).map((m) => m.name);
  expect(await upgraded.all('SELECT version, name FROM schema_version ORDER BY version')).toEqual(
    names.map((name, i) => ({ version: i + 1, name })),
  );
  expect(names).toHaveLength(5);
});

it('has every table and column of the current schema, as a new store has them', async () => {
  expect(await tableColumns(upgraded)).toEqual(await tableColumns(fresh));
});

it('keeps every row of the release tables', async () => {
  const before = fixtureRowCounts();
  expect(before).toMatchObject({
    import_batch: 7,
    school: 18,
    raw_vpr_tasks: 294,
    raw_gia_school: 75,
  });
  // Every table but those the model build writes (the models are compared below) and the shipped
  // grading scales, rewritten from this version's file at every start.
  const kept = Object.keys(before).filter((t) => !BUILT.has(t) && t !== 'seed_grading_scale');
  expect(kept).toHaveLength(22);
  const after: Record<string, number> = {};
  for (const table of kept) after[table] = await count(upgraded, table);
  expect(after).toEqual(Object.fromEntries(kept.map((t) => [t, before[t]])));
});

it('rebuilt its models: they are what this version builds from the same files', async () => {
  expect(await upgraded.all('SELECT * FROM model_pending')).toEqual([]);
  expect(await models(upgraded, false)).toEqual(await models(fresh, true));
  expect(await count(upgraded, 'vpr_task_deficits')).toBeGreaterThan(0);
});

it('the start told of the upgrade and the rebuild, and did not load the demo again', async () => {
  expect(startLines).toEqual([
    `Хранилище записано прежней версией программы: схема обновлена до версии 5 (миграции: 001-baseline, 002-official-list-basis, 003-committee-list-decisions, 004-roadmap, 005-network-pair-register).`,
    'Показатели пересчитаны: изменились данные, модели или методика.',
  ]);
  expect(await upgraded.all('SELECT * FROM demo_load')).toEqual([{ finished: true }]);
  expect(await count(upgraded, 'import_batch')).toBe(7);
});

it('the next start has nothing to do', async () => {
  const lines: string[] = [];
  await prepareStore(upgraded, (line) => lines.push(line), join(dir, 'demo'));
  expect(lines).toEqual([]);
  expect(await count(upgraded, 'schema_version')).toBe(5);
});

it('then imports as usual: a file it holds is unchanged, a new one is the next batch', async () => {
  const [again] = await importPaths(upgraded, [join(FIXTURE, 'files', 'own')]);
  expect(again!.outcome).toBe('unchanged');
  const file = writeVprCsv(dir, [
    ['2024/25', 'sch470101', 'Гимназия № 1', 5, 'Математика', 10, 1, 3, 4, 2],
  ]);
  const [loaded] = await importPaths(upgraded, [file]);
  expect(loaded!.outcome).toBe('loaded');
  expect(await upgraded.one('SELECT max(batch_id) AS id FROM import_batch')).toEqual({ id: 8 });
  expect(
    await upgraded.one(
      `SELECT participants_count, dolya2_pct FROM ind_vpr WHERE year = 2025 AND school_id = 'sch470101' AND subject = 'Математика'`,
    ),
  ).toEqual({ participants_count: 10, dolya2_pct: 10 });
});

it('rebuilds the models of a release store once even when model_build says they are current', async () => {
  // A release store whose import was killed before its rebuild (issue 22), opened by a version
  // whose model SQL is the same: the fingerprint matches, the models lack the rows.
  const stale = await Store.open(join(dir, 'stale.duckdb'));
  try {
    await stale.run(`IMPORT DATABASE '${DUMP}'`);
    await stale.run('DELETE FROM vpr_task_deficits');
    await stale.run('UPDATE model_build SET fingerprint = $fingerprint', {
      fingerprint: modelsFingerprint(await currentMethodology(stale)),
    });
    await prepareStore(stale, () => {}, join(dir, 'demo'));
    expect(await count(stale, 'vpr_task_deficits')).toBe(await count(fresh, 'vpr_task_deficits'));
    expect(await models(stale, false)).toEqual(await models(fresh, true));
  } finally {
    stale.close();
  }
});
