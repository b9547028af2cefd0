/**
 * npm start: build the dashboard if needed, open the store (demo on first start),
 * serve on HOST:PORT (127.0.0.1:8080), and close the store cleanly on Ctrl-C.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Store } from '../../analytics/db.ts';
import { createApp } from './app.ts';
import { prepareStore } from './bootstrap.ts';
import { buildDashboardIfNeeded } from './build-if-needed.ts';
import { distDir, host, port, storePath } from './config.ts';

async function main(): Promise<void> {
  await buildDashboardIfNeeded(distDir());
  const store = await Store.open(storePath());
  await prepareStore(store);
  const server = serve(
    { fetch: createApp({ store, distDir: distDir() }).fetch, hostname: host(), port: port() },
    (info) => {
      console.log(`Мониторинг качества образования: http://${info.address}:${info.port}/`);
    },
  );
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
