/** Test stores in temporary files, and a fingerprint of their content to prove "unchanged". */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../analytics/db.ts';
import { ensureSchema } from '../../ingest/schema.ts';

export interface TempStore {
  store: Store;
  dir: string;
  dispose: () => void;
}

export async function tempStore(): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'mko-test-'));
  const store = await Store.open(join(dir, 'test.duckdb'));
  await ensureSchema(store);
  return {
    store,
    dir,
    dispose: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Data tables; the import journal is left out on purpose: it records every attempt. */
const DATA_TABLES = ['import_batch', 'school', 'school_alias', 'raw_vpr_marks'];

export async function contentHash(store: Store): Promise<string> {
  const hash = createHash('sha256');
  for (const table of DATA_TABLES) {
    const rows = await store.all(`SELECT * FROM ${table} ORDER BY ALL`);
    hash.update(table + JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return hash.digest('hex');
}
