/** What the command-line tools share: the exit code, errors as their Russian message, the store. */
import { existsSync } from 'node:fs';
import { Store } from '../analytics/db.ts';
import { refreshModels } from '../analytics/rebuild.ts';
import { memoryLimit, storePath } from '../dashboard/server/config.ts';
import { describeUpgrade, migrateStore } from '../ingest/schema.ts';

/**
 * Files this process creates are its owner's only (umask 077): the store's write-ahead log and
 * spill folder, which DuckDB makes during writes, hold pupils' results like the store (600).
 * For the commands that open the store: runCli and npm start.
 */
export const ownerOnlyFiles = () => process.umask(0o077);

/**
 * Runs a tool's `main` (with ownerOnlyFiles) and sets the exit code; an error prints its
 * message, not a stack.
 */
export async function runCli(main: () => Promise<number>): Promise<void> {
  ownerOnlyFiles();
  process.exitCode = await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  });
}

/**
 * Opens the store, brings its schema (a store of an earlier version) and the models up to date
 * (nothing to do on an up-to-date store, the usual case), runs `work`.
 */
export async function withBuiltStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const path = storePath();
  if (!existsSync(path))
    throw new Error(
      `Хранилища ${path} нет: сначала загрузите данные (npm run import -- файлы) или запустите npm start, который создаст демонстрационный район. Другое хранилище задаётся переменной DB_PATH.`,
    );
  const store = await Store.open(path, { memoryLimit: memoryLimit() });
  try {
    const upgrade = describeUpgrade(await migrateStore(store));
    if (upgrade) console.error(upgrade);
    if (await refreshModels(store, { kind: 'read' }))
      console.error('Показатели пересчитаны: изменились данные, модели или методика.');
    return await work(store);
  } finally {
    store.close();
  }
}
