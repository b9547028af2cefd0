/**
 * npm start: build the dashboard if needed, open the store (demo on first start),
 * serve on HOST:PORT (127.0.0.1:8080), and close the store cleanly on Ctrl-C.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Store } from '../analytics/db.ts';
import { createApp } from '../dashboard/server/app.ts';
import { prepareStore } from '../dashboard/server/bootstrap.ts';
import { buildDashboardIfNeeded } from '../dashboard/server/build-if-needed.ts';
import {
  auditPath,
  distDir,
  host,
  port,
  secureCookies,
  sessionHours,
  storePath,
  memoryLimit,
  unlocksPath,
  usersPath,
} from '../dashboard/server/config.ts';
import { AccessControl, isLoopback } from '../dashboard/server/auth/control.ts';
import { AuditLog } from '../dashboard/server/auth/audit.ts';
import { UserDirectory } from '../dashboard/server/auth/users.ts';
import { ownerOnlyFiles } from './run.ts';

/** Refuses to serve the network before an administrator exists: nobody could sign in to manage it. */
function accessControl(): AccessControl {
  const users = new UserDirectory(usersPath());
  const network = !isLoopback(host());
  if (network && !users.hasAdmin())
    throw new Error(
      [
        `Сервер не запущен: он открыт для сети (HOST=${host()}), но ни одного администратора ещё нет.`,
        'Создайте администратора и запустите сервер снова:',
        '  npm run users -- add <логин> --role admin',
        `(пользователи хранятся в ${usersPath()}). Для работы только на этом компьютере уберите HOST или задайте HOST=127.0.0.1.`,
      ].join('\n'),
    );
  return new AccessControl({
    users,
    audit: new AuditLog(auditPath()),
    unlocksPath: unlocksPath(),
    network,
    sessionTtlMs: sessionHours() * 3600_000,
    secureCookies: secureCookies(),
  });
}

/** More than the cores (2 here) lets one query plan while another waits for its rows. */
const READ_CONNECTIONS = 3;

async function main(): Promise<void> {
  const access = accessControl();
  await buildDashboardIfNeeded(distDir());
  ownerOnlyFiles();
  const store = await Store.open(storePath(), { memoryLimit: memoryLimit() });
  await prepareStore(store);
  // Reads on connections of their own: a page's queries run side by side.
  await store.addReaders(READ_CONNECTIONS);
  const app = createApp({ store, distDir: distDir(), access });
  const server = serve({ fetch: app.fetch, hostname: host(), port: port() }, (info) => {
    console.log(`Мониторинг качества образования: http://${info.address}:${info.port}/`);
    console.log(
      access.signInRequired()
        ? 'Вход по логину и паролю (пользователи: npm run users -- list).'
        : 'Вход не требуется: панель открыта только на этом компьютере.',
    );
  });
  const stop = () => {
    server.close(() => {
      store.close();
      console.log('Сервер остановлен, хранилище закрыто.');
      process.exit(0);
    });
    // Open keep-alive connections must not hold the process.
    (server as Server).closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
