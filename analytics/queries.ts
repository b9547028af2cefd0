/**
 * Named queries: the only SQL the API runs. Each is a `.sql` file in queries/ with
 * `$named` parameters bound by the driver; no route accepts SQL text.
 */
import { readFileSync } from 'node:fs';
import type { Params, Row, Store } from './db.ts';

export const QUERY_NAMES = [
  'health',
  'vpr_filters',
  'vpr_district_schools',
  'vpr_benchmarks',
  'school_card',
  'school_vpr',
  'school_list',
  'import_history',
  'store_contents',
  'school_custom',
  'risk_flags',
  'cluster_comparison',
  'triggered_flags',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

const cache = new Map<QueryName, string>();

export function querySql(name: QueryName): string {
  let sql = cache.get(name);
  if (sql === undefined) {
    sql = readFileSync(new URL(`./queries/${name}.sql`, import.meta.url), 'utf8');
    cache.set(name, sql);
  }
  return sql;
}

export function runQuery<T = Row>(store: Store, name: QueryName, params?: Params): Promise<T[]> {
  return store.all<T>(querySql(name), params);
}
