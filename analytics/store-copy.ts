/**
 * A copy of the store in a new DuckDB file (for backups): DuckDB's own
 * `ATTACH '<file>' AS …; COPY FROM DATABASE <store> TO …; DETACH …`, which writes a real
 * store file the product opens as it is, read from one snapshot of the store.
 *
 * ATTACH takes the file as a literal, never as a bound parameter, and COPY FROM DATABASE takes
 * database names: these three statements are built here, by the two documented quoting
 * functions below; the file path comes from the backup command or the server, never from a request.
 */
import type { Store } from './db.ts';
import { statementRow, statementRows } from './statements.ts';

/** The copy's name while attached: one no store file is likely to be named after. */
const COPY_DB = 'mko_store_copy';

/**
 * A file path as an SQL string literal for ATTACH, which cannot bind it. A path with a quote
 * character, a backslash or a control character is refused rather than escaped: no escaping
 * rule to get wrong, and such a path is never one of ours.
 */
export function pathLiteral(path: string): string {
  if (/['"\\\u0000-\u001f]/.test(path))
    throw new Error(
      `Путь ${path} содержит кавычку, обратную косую черту или управляющий символ: выберите папку без них.`,
    );
  return `'${path}'`;
}

/** A database name (the store's, from current_database()) as a quoted SQL identifier. */
const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes a copy of `store` to `target` (a file that must not exist yet) and returns the row
 * count of each table, counted in the same transaction as the copy, so both describe one
 * snapshot. Run it where no write interleaves (the server's write queue).
 */
export async function copyStore(store: Store, target: string): Promise<Record<string, number>> {
  const { db } = (await statementRow<{ db: string }>(store, 'current_database'))!;
  await store.run(`ATTACH ${pathLiteral(target)} AS ${COPY_DB}`);
  try {
    return await store.transaction(async () => {
      await store.run(`COPY FROM DATABASE ${identifier(db)} TO ${COPY_DB}`);
      return tableRows(store);
    });
  } finally {
    await store.run(`DETACH ${COPY_DB}`);
  }
}

/** Each of the store's own tables with its row count, by table name. */
export async function tableRows(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table_name } of await statementRows<{ table_name: string }>(store, 'stored_tables'))
    counts[table_name] = (await statementRow<{ n: number }>(store, 'table_rows', {
      name: table_name,
    }))!.n;
  return counts;
}
