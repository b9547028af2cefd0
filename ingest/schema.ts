/**
 * The store's schema: numbered migrations (migrations/NNN-name.sql), applied in order at every
 * opening that writes (a start, an import, a read command) and recorded in schema_version. A
 * store made before versions were recorded is at version 0 and gets every migration, the
 * baseline (001) included, which is written to run on such a store. A store whose version is
 * higher than the code's is refused, never opened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Store } from '../analytics/db.ts';
import { seedGradingScales } from './reference/grading-scales.ts';
import { runStatement, statementRow } from './statements.ts';

export interface Migration {
  version: number;
  /** the file's name without its number and extension, e.g. "baseline" */
  name: string;
  sql: string;
}

/** What opening did to the store's schema. */
export interface SchemaUpgrade {
  from: number;
  to: number;
  /** the migrations applied now, in order (none when the store was up to date) */
  applied: Migration[];
  /** the store was made before schema versions were recorded (an earlier release) */
  unversioned: boolean;
}

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;

/** The migrations of `dir`, numbered 1, 2, 3… without a gap; any other file there is an error. */
export function readMigrations(dir: URL): Migration[] {
  const migrations = readdirSync(dir)
    .sort()
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new Error(`${file} in ${dir.pathname}: not a migration (NNN-name.sql)`);
      return {
        version: Number(match[1]),
        name: match[2]!,
        sql: readFileSync(new URL(file, dir), 'utf8'),
      };
    });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration ${m.version}-${m.name}: expected number ${i + 1}`);
  });
  return migrations;
}

const SHIPPED = readMigrations(MIGRATIONS_DIR);

/** The schema version this code writes: its last migration's number. */
export const SCHEMA_VERSION = SHIPPED.length;

/**
 * Brings the store's schema to the last of `migrations`: those it lacks run in order in one
 * transaction, each recorded in schema_version, so a failure leaves the store as it was.
 * Throws (with a Russian message) on a store of a newer version than `migrations` know.
 */
export async function migrateStore(
  store: Store,
  migrations: readonly Migration[] = SHIPPED,
): Promise<SchemaUpgrade> {
  const to = migrations.length;
  const state = (await statementRow<{ versioned: boolean; has_tables: boolean }>(
    store,
    'schema_state',
  ))!;
  const from = state.versioned ? await storedVersion(store) : 0;
  if (from > to) throw new Error(newerStoreMessage(store.path, from, to));
  const pending = migrations.slice(from);
  if (pending.length > 0)
    await store.transaction(async () => {
      await runStatement(store, 'create_schema_version');
      for (const migration of pending) {
        await store.run(migration.sql);
        await runStatement(store, 'record_migration', {
          version: migration.version,
          name: migration.name,
        });
      }
    });
  return { from, to, applied: pending, unversioned: !state.versioned && state.has_tables };
}

async function storedVersion(store: Store): Promise<number> {
  return (await statementRow<{ version: number }>(store, 'schema_version'))!.version;
}

function newerStoreMessage(path: string, stored: number, known: number): string {
  return (
    `Хранилище ${path} записано более новой версией программы (версия схемы данных ${stored}, ` +
    `эта версия программы знает версии до ${known}). Оно не открыто и не изменено: обновите ` +
    `программу или укажите другое хранилище (переменная DB_PATH).`
  );
}

/** The sentence a start prints about an upgrade; undefined when there was none to tell. */
export function describeUpgrade(upgrade: SchemaUpgrade): string | undefined {
  if (upgrade.applied.length === 0 || (upgrade.from === 0 && !upgrade.unversioned)) return;
  const names = upgrade.applied
    .map((m) => `${String(m.version).padStart(3, '0')}-${m.name}`)
    .join(', ');
  const what = upgrade.unversioned
    ? 'Хранилище записано прежней версией программы'
    : `Хранилище версии схемы ${upgrade.from}`;
  return `${what}: схема обновлена до версии ${upgrade.to} (миграции: ${names}).`;
}

/** Brings the schema up to date (see migrateStore) and rewrites the shipped grading scales. */
export async function ensureSchema(store: Store): Promise<SchemaUpgrade> {
  const upgrade = await migrateStore(store);
  await seedGradingScales(store);
  return upgrade;
}
