/**
 * The migration runner (ingest/schema.ts): numbered migrations applied in order in one
 * transaction, each recorded; nothing to do the second time; a failure changes nothing; a store
 * of a newer version is refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';
import {
  MIGRATIONS_DIR,
  SCHEMA_VERSION,
  describeUpgrade,
  ensureSchema,
  migrateStore,
  readMigrations,
} from '../../ingest/schema.ts';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-schema-'));
  store = await Store.open(join(dir, 'store.duckdb'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A folder of migration files (name → SQL), read as the runner reads the shipped ones. */
function migrations(files: Record<string, string>) {
  const folder = join(dir, `migrations-${Object.keys(files).length}-${Math.random()}`);
  mkdirSync(folder);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(folder, name), sql);
  return readMigrations(pathToFileURL(`${folder}/`));
}

const FIRST = { '001-pupils.sql': 'CREATE TABLE pupil (code VARCHAR PRIMARY KEY);' };
const SECOND = {
  ...FIRST,
  '002-pupil-grade.sql':
    "ALTER TABLE pupil ADD COLUMN grade INTEGER; INSERT INTO pupil VALUES ('а1', 5);",
};
const THIRD = { ...SECOND, '003-pupil-class.sql': 'ALTER TABLE pupil ADD COLUMN class VARCHAR;' };

const recorded = () =>
  store.all('SELECT version, name FROM schema_version ORDER BY version') as Promise<unknown[]>;
const columns = async (table: string) =>
  (
    await store.all<{ name: string }>(
      'SELECT column_name AS name FROM duckdb_columns() WHERE table_name = $table ORDER BY column_index',
      { table },
    )
  ).map((c) => c.name);

it('applies the migrations in order and records each', async () => {
  const upgrade = await migrateStore(store, migrations(THIRD));
  expect(upgrade).toMatchObject({ from: 0, to: 3, unversioned: false });
  expect(upgrade.applied.map((m) => m.name)).toEqual(['pupils', 'pupil-grade', 'pupil-class']);
  expect(await recorded()).toEqual([
    { version: 1, name: 'pupils' },
    { version: 2, name: 'pupil-grade' },
    { version: 3, name: 'pupil-class' },
  ]);
  expect(await columns('pupil')).toEqual(['code', 'grade', 'class']);
  expect(await store.all('SELECT * FROM pupil')).toEqual([{ code: 'а1', grade: 5, class: null }]);
});

it('does nothing on a second opening; a later migration is the only one applied', async () => {
  expect(describeUpgrade(await migrateStore(store, migrations(SECOND)))).toBeUndefined();
  const again = await migrateStore(store, migrations(SECOND));
  expect(again).toMatchObject({ from: 2, to: 2, applied: [] });
  expect(describeUpgrade(again)).toBeUndefined();
  // The insert of migration 2 ran once.
  expect(await store.all('SELECT * FROM pupil')).toEqual([{ code: 'а1', grade: 5 }]);

  const later = await migrateStore(store, migrations(THIRD));
  expect(later.from).toBe(2);
  expect(later.applied.map((m) => m.version)).toEqual([3]);
  expect(describeUpgrade(later)).toBe(
    'Хранилище версии схемы 2: схема обновлена до версии 3 (миграции: 003-pupil-class).',
  );
  expect(await columns('pupil')).toEqual(['code', 'grade', 'class']);
});

it('a failing migration leaves the store as it was, the migrations before it included', async () => {
  await migrateStore(store, migrations(FIRST));
  const failing = migrations({
    ...SECOND,
    '003-broken.sql': 'ALTER TABLE pupil ADD COLUMN class VARCHAR; SELECT * FROM no_such_table;',
  });
  await expect(migrateStore(store, failing)).rejects.toThrow(/no_such_table/);
  expect(await recorded()).toEqual([{ version: 1, name: 'pupils' }]);
  expect(await columns('pupil')).toEqual(['code']);
  expect(await store.all('SELECT * FROM pupil')).toEqual([]);
});

it('a failing first migration leaves a new store without even the version table', async () => {
  await expect(
    migrateStore(store, migrations({ '001-broken.sql': 'SELECT * FROM no_such_table;' })),
  ).rejects.toThrow(/no_such_table/);
  expect(
    await store.all("SELECT table_name FROM duckdb_tables() WHERE database_name = 'store'"),
  ).toEqual([]);
});

it('refuses a store of a newer version, in Russian, and changes nothing', async () => {
  await migrateStore(store, migrations(THIRD));
  const message =
    `Хранилище ${join(dir, 'store.duckdb')} записано более новой версией программы (версия схемы данных 3, ` +
    'эта версия программы знает версии до 2). Оно не открыто и не изменено: обновите программу или ' +
    'укажите другое хранилище (переменная DB_PATH).';
  await expect(migrateStore(store, migrations(SECOND))).rejects.toThrow(message);
  expect(await recorded()).toHaveLength(3);
});

it('a start refuses a store written by a newer version of the product', async () => {
  await ensureSchema(store);
  await store.run(
    "INSERT INTO schema_version VALUES (CAST($version AS INTEGER), 'из будущего', now()::TIMESTAMP)",
    { version: SCHEMA_VERSION + 1 },
  );
  const lines: string[] = [];
  await expect(prepareStore(store, (line) => lines.push(line), join(dir, 'demo'))).rejects.toThrow(
    `записано более новой версией программы (версия схемы данных ${SCHEMA_VERSION + 1}, эта версия программы знает версии до ${SCHEMA_VERSION})`,
  );
  expect(lines).toEqual([]);
  expect(await store.one('SELECT count(*)::INTEGER AS n FROM import_batch')).toEqual({ n: 0 });
});

it('reads migration files numbered without a gap, and nothing else', () => {
  expect(() => migrations({ '001-a.sql': '', '003-c.sql': '' })).toThrow(
    'Migration 3-c: expected number 2',
  );
  expect(() => migrations({ '001-a.sql': '', 'заметки.txt': '' })).toThrow(
    /заметки\.txt .*: not a migration \(NNN-name\.sql\)/,
  );
});

it('the shipped migrations start with the baseline; a new store gets them all, as a new store', async () => {
  const shipped = readMigrations(MIGRATIONS_DIR);
  expect(shipped[0]!.name).toBe('baseline');
  expect(SCHEMA_VERSION).toBe(shipped.length);
  const upgrade = await ensureSchema(store);
  expect(upgrade).toMatchObject({ from: 0, to: SCHEMA_VERSION, unversioned: false });
  expect(await store.one('SELECT max(version) AS v FROM schema_version')).toEqual({
    v: SCHEMA_VERSION,
  });
  // A new store has no demo load to finish and no models to rebuild.
  expect(await store.all('SELECT * FROM demo_load')).toEqual([]);
  expect(await store.all('SELECT * FROM model_pending')).toEqual([]);
});
