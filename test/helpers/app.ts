/** The API app (createApp) of one test file, on a temporary store with hand-made files imported. */
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../analytics/db.ts';
import { createApp } from '../../dashboard/server/app.ts';
import { importPaths } from '../../ingest/import.ts';
import { writeRegistryFile, writeVprCsv } from './fixtures.ts';
import { tempStore, type TempStore } from './store.ts';

type App = ReturnType<typeof createApp>;

/** The registry and the small ВПР file of fixtures.ts. */
const registryAndVpr = async (dir: string) => [await writeRegistryFile(dir), writeVprCsv(dir)];

/**
 * Registers the file's beforeAll (a new store, the files `write` puts into its folder imported,
 * the app on it) and afterAll (the store removed). The returned `request` and `store` work in
 * the tests, once beforeAll has run.
 */
export function useApp(write: (dir: string) => Promise<string[]> = registryAndVpr) {
  let t: TempStore | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    t = await tempStore();
    await importPaths(t.store, await write(t.dir));
    app = createApp({ store: t.store });
  });
  afterAll(() => t?.dispose());
  return {
    request: ((...args: Parameters<App['request']>) => app!.request(...args)) as App['request'],
    get store(): Store {
      return t!.store;
    },
  };
}
