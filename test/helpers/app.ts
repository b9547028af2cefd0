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
import { TestClient } from './client.ts';
import type { Role } from '../../contract/access/roles.ts';

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
    /**
     * A client signed in as `login` with `role` (the user is added on first use, a school user
     * with `school`); throws when the sign-in fails.
     */
    async signIn(login: string, role: Role, school?: string): Promise<TestClient> {
      const password = `пароль-${login}-1`;
      if (!access!.users.find(login))
        await access!.users.add({ login, role, password, ...(school ? { school } : {}) });
      const client = new TestClient(app!);
      const response = await client.login(login, password);
      if (response.status !== 200) throw new Error(`${login}: вход не удался (${response.status})`);
      return client;
    },
  };
}
