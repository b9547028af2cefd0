/** What the command-line tools share: the exit code, errors as their Russian message, the store. */
import { Store } from '../analytics/db.ts';
import { buildModels } from '../analytics/models.ts';
import type { Methodology } from '../contract/methodology.ts';
import { storePath } from '../dashboard/server/config.ts';

/** Runs a tool's `main` and sets the exit code; an error prints its message, not a stack. */
export async function runCli(main: () => Promise<number>): Promise<void> {
  process.exitCode = await main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  });
}

/** Opens the store, rebuilds the models (under `methodology`, else the one in force), runs `work`. */
export async function withBuiltStore<T>(
  work: (store: Store) => Promise<T>,
  methodology?: Methodology,
): Promise<T> {
  const store = await Store.open(storePath());
  try {
    await buildModels(store, methodology);
    return await work(store);
  } finally {
    store.close();
  }
}
