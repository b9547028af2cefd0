/** The API app (createApp) of one test file, on a temporary store with hand-made files imported. */
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../analytics/db.ts';
import { join } from 'node:path';
import { createApp } from '../../dashboard/server/app.ts';
import { AccessControl, type AccessOptions } from '../../dashboard/server/auth/control.ts';
import { AuditLog } from '../../dashboard/server/auth/audit.ts';
import { UserDirectory } from '../../dashboard/server/auth/users.ts';
import { importPaths } from '../../ingest/import.ts';
import { writeRegistryFile, writeVprCsv } from './fixtures.ts';
import { tempStore, type TempStore } from './store.ts';

type App = ReturnType<typeof createApp>;
type RequestInput = Parameters<App['request']>[0];
type RequestInit = Parameters<App['request']>[1];

/** Access control on files in `dir`: no users (the local single-user mode) unless `options` add them. */
export const testAccess = (dir: string, options: Partial<AccessOptions> = {}) =>
  new AccessControl({
    users: new UserDirectory(join(dir, 'users.json')),
    audit: new AuditLog(join(dir, 'audit.jsonl'), options.now),
    unlocksPath: join(dir, 'unlocks.jsonl'),
    ...options,
  });

/** The registry and the small ВПР file of fixtures.ts. */
const registryAndVpr = async (dir: string) => [await writeRegistryFile(dir), writeVprCsv(dir)];

/**
 * Registers the file's beforeAll (a new store, the files `write` puts into its folder imported,
 * the app on it) and afterAll (the store removed). The returned `request` and `store` work in
 * the tests, once beforeAll has run.
 */
export function useApp(
  write: (dir: string) => Promise<string[]> = registryAndVpr,
  accessOptions: Partial<AccessOptions> = {},
) {
  let t: TempStore | undefined;
  let app: App | undefined;
  let access: AccessControl | undefined;
  let csrf = '';
  beforeAll(async () => {
    t = await tempStore();
    await importPaths(t.store, await write(t.dir));
    access = testAccess(t.dir, accessOptions);
    app = createApp({ store: t.store, access });
    csrf = ((await (await app.request('/api/session')).json()) as { csrf: string }).csrf;
  });
  afterAll(() => t?.dispose());
  return {
    /** app.request, with the page's CSRF token on state-changing requests as the dashboard sends it */
    request: (input: RequestInput, init: RequestInit = {}) =>
      app!.request(input, {
        ...init,
        headers: { 'x-csrf-token': csrf, ...(init.headers as Record<string, string>) },
      }),
    get store(): Store {
      return t!.store;
    },
    get app(): App {
      return app!;
    },
    get access(): AccessControl {
      return access!;
    },
  };
}
