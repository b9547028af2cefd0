/**
 * Loads the `.sql` files of one folder by name, each read once and kept. The named queries
 * (queries/), the analytics statements (sql/) and the import path's statements (ingest/sql/)
 * all load their SQL text through it.
 */
import { readFileSync } from 'node:fs';
import type { Params, Row, Store } from './db.ts';

/** The loader of `dir` (a folder URL ending in `/`): `name` → the text of `dir/name.sql`. */
export function sqlFiles<Name extends string>(dir: URL): (name: Name) => string {
  const cache = new Map<Name, string>();
  return (name) => {
    let sql = cache.get(name);
    if (sql === undefined) {
      sql = readFileSync(new URL(`${name}.sql`, dir), 'utf8');
      cache.set(name, sql);
    }
    return sql;
  };
}

/** A folder of named statements: their text, and running one for nothing, its rows or its first row. */
export function namedStatements<Name extends string>(dir: URL) {
  const sql = sqlFiles<Name>(dir);
  return {
    sql,
    run: (store: Store, name: Name, params?: Params) => store.run(sql(name), params),
    rows: <T = Row>(store: Store, name: Name, params?: Params) => store.all<T>(sql(name), params),
    row: <T = Row>(store: Store, name: Name, params?: Params) => store.one<T>(sql(name), params),
  };
}
