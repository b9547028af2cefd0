/**
 * The process the crash tests kill (test/analytics/crash.test.ts), run as
 * `node --import tsx crash-child.ts <store> import|bulk <files…>` (bulk: every CSV in a bulk
 * layout read by DuckDB, however small), `… <store> demo <demo folder>` or
 * `… <store> methodology <methodology JSON>` (saved as the dashboard saves a new version);
 * FAULT_AT (analytics/fault-point.ts) chooses where it dies.
 */
import { readFileSync } from 'node:fs';
import { Store } from '../../analytics/db.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { methodologySchema } from '../../contract/methodology.ts';
import { importPaths } from '../../ingest/import.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';

const [storePath, mode, ...rest] = process.argv.slice(2);
const store = await Store.open(storePath!);
if (mode === 'demo') await prepareStore(store, () => {}, rest[0]);
else if (mode === 'methodology') {
  const methodology = methodologySchema.parse(JSON.parse(readFileSync(rest[0]!, 'utf8')));
  await refreshModels(store, { kind: 'methodology', methodology, user: 'тест' });
} else
  await importPaths(store, rest, { replace: true, bulkMinBytes: mode === 'bulk' ? 0 : undefined });
store.close();
