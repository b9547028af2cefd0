/**
 * Writes to the store (imports, mappings, methodology versions) run one at a time, each on its
 * own connection.
 */
import type { Store } from '../../analytics/db.ts';

/** Runs work on its own connection, after the writes queued before it. */
export type Queue = <T>(work: (session: Store) => Promise<T>) => Promise<T>;

/** A queue of the store's writes: each waits for the ones queued before it, failed or not. */
export function writeQueue(store: Store): Queue {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: (session: Store) => Promise<T>): Promise<T> => {
    const run = last.then(async () => {
      const session = await store.session();
      try {
        return await work(session);
      } finally {
        session.close();
      }
    });
    last = run.catch(() => undefined);
    return run;
  };
}
