/**
 * The analytics' fixed SQL outside the models and the named queries: the methodology tables the
 * models join, the saved methodology versions, what the models were built from, and the fixed
 * steps of a rebuild of some years. Each statement is a `.sql` file in sql/, loaded by name, with
 * `$named` parameters bound by the driver. The statements a rebuild of some years builds from
 * model names are made by the documented builders of rebuild-sql.ts.
 */
import type { Params, Row, Store } from './db.ts';
import { sqlFiles } from './sql-files.ts';

/** In the order a test can run them on a store with the schema. */
export const STATEMENT_NAMES = [
  'methodology_in_force',
  'methodology_revisions',
  'store_methodology_revision',
  'create_cluster_rules',
  'insert_cluster_rule',
  'create_grid_settings',
  'insert_grid_indicator',
  'table_exists',
  'write_model_build',
  'model_build',
  'current_database',
  'year_tables',
  'create_rebuild_years',
] as const;

export type StatementName = (typeof STATEMENT_NAMES)[number];

/** The text of a statement, from sql/<name>.sql. */
export const statementSql = sqlFiles<StatementName>(new URL('./sql/', import.meta.url));

/** Runs a statement that returns nothing. */
export const runStatement = (store: Store, name: StatementName, params?: Params) =>
  store.run(statementSql(name), params);

/** Runs a statement and returns its rows. */
export const statementRows = <T = Row>(store: Store, name: StatementName, params?: Params) =>
  store.all<T>(statementSql(name), params);

/** Runs a statement and returns its first row, if any. */
export const statementRow = <T = Row>(store: Store, name: StatementName, params?: Params) =>
  store.one<T>(statementSql(name), params);
