/** Test stores in temporary files, and a fingerprint of their content to prove "unchanged". */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../analytics/db.ts';
import { afterAll, beforeAll } from 'vitest';
import { ensureSchema } from '../../ingest/schema.ts';

export interface TempStore {
  store: Store;
  dir: string;
  dispose: () => void;
}

/** A store file in a new temporary folder; `prepare` may put a file there before it opens. */
async function openInTempDir(prepare: (path: string) => void = () => {}): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'mko-test-'));
  const path = join(dir, 'test.duckdb');
  prepare(path);
  const store = await Store.open(path);
  return {
    store,
    dir,
    dispose: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An empty store with the schema. */
export async function tempStore(): Promise<TempStore> {
  const t = await openInTempDir();
  await ensureSchema(t.store);
  return t;
}

/** A copy of a built store (the browser tests' demo), read without locking the shared original. */
export const storeCopy = (template: string): Promise<TempStore> =>
  openInTempDir((path) => copyFileSync(template, path));

/** storeCopy for a whole test file: made in its beforeAll, removed in its afterAll. */
export function useStoreCopy(template: string): { readonly store: Store } {
  let copy: TempStore | undefined;
  beforeAll(async () => {
    copy = await storeCopy(template);
  });
  afterAll(() => copy?.dispose());
  return {
    get store() {
      return copy!.store;
    },
  };
}

/** Every stored table; the import journal is left out on purpose: it records every attempt. */
async function dumpTables(store: Store): Promise<string[]> {
  const tables = await store.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND table_name <> 'import_log' ORDER BY 1`,
  );
  const dumps: string[] = [];
  for (const { table_name } of tables) {
    const rows = await store.all(`SELECT * FROM ${table_name} ORDER BY ALL`);
    dumps.push(
      table_name + JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? String(v) : v)),
    );
  }
  return dumps;
}

export async function contentHash(store: Store): Promise<string> {
  const hash = createHash('sha256');
  for (const dump of await dumpTables(store)) hash.update(dump);
  return hash.digest('hex');
}

/** All stored values as one text, to prove that something (a name) is not in the store. */
export const storeText = async (store: Store) => (await dumpTables(store)).join('\n');

/** Inserts hand-made rows into a raw table (columns by name), for testing a model on its own. */
export async function insertRows(
  store: Store,
  table: string,
  rows: Record<string, string | number | boolean | null>[],
): Promise<void> {
  const known = new Set(
    (
      await store.all<{ name: string }>(
        'SELECT column_name AS name FROM duckdb_columns() WHERE table_name = $table',
        { table },
      )
    ).map((k) => k.name),
  );
  for (const row of rows) {
    // Tables that have them need a batch and a scope; the rest ignore these two.
    const values: Record<string, string | number | boolean | null> = {
      batch_id: 1,
      scope: 'тест',
      ...row,
    };
    const columns = Object.keys(values).filter((n) => known.has(n));
    await store.run(
      `INSERT INTO ${table} BY NAME SELECT ${columns.map((c) => `$${c} AS ${c}`).join(', ')}`,
      Object.fromEntries(columns.map((c) => [c, values[c]!])),
    );
  }
}
