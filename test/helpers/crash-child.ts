/**
 * The process the crash tests kill (test/analytics/crash.test.ts), run as
 * `node --import tsx crash-child.ts <store> import|bulk <files…>` (bulk: every CSV in a bulk
 * layout read by DuckDB, however small) or `… <store> demo <demo folder>`;
 * FAULT_AT (analytics/fault-point.ts) chooses where it dies.
 */
import { Store } from '../../analytics/db.ts';
import { importPaths } from '../../ingest/import.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';

const [storePath, mode, ...rest] = process.argv.slice(2);
const store = await Store.open(storePath!);
if (mode === 'demo') await prepareStore(store, () => {}, rest[0]);
else
  await importPaths(store, rest, { replace: true, bulkMinBytes: mode === 'bulk' ? 0 : undefined });
store.close();
