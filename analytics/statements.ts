/**
 * The analytics' fixed SQL outside the models and the named queries: the methodology tables the
 * models join, the saved methodology versions, what the models were built from, and the fixed
 * steps of a rebuild of some years. Each statement is a `.sql` file in sql/, loaded by name, with
 * `$named` parameters bound by the driver. The statements a rebuild of some years builds from
 * model names are made by the documented builders of rebuild-sql.ts.
 */
import { namedStatements } from './sql-files.ts';

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
  'model_pending',
  'clear_model_pending',
  'stored_tables',
  'table_rows',
  'insert_list_decision',
  'roadmap_section_end',
  'shift_roadmap_positions',
  'insert_roadmap_measure',
  'update_roadmap_measure',
  'set_roadmap_status',
  'delete_roadmap_measure',
] as const;

export type StatementName = (typeof STATEMENT_NAMES)[number];

/** The statements of sql/: their text (`statementSql`) and how to run one. */
export const {
  sql: statementSql,
  run: runStatement,
  rows: statementRows,
  row: statementRow,
} = namedStatements<StatementName>(new URL('./sql/', import.meta.url));
