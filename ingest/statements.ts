/**
 * The import path's fixed SQL: each statement is a `.sql` file in sql/, loaded by name, with
 * `$named` parameters bound by the driver. The statements whose table or column names depend on
 * the dataset or the file's layout are built instead, by the documented builders of
 * load-sql.ts and bulk/bulk-sql.ts, from allow-listed names only.
 */
import { namedStatements } from '../analytics/sql-files.ts';

/** In the order a test can run them on a new store: a staging table before its readers. */
export const STATEMENT_NAMES = [
  'registry_schools',
  'log_import',
  'custom_mappings',
  'save_custom_mapping',
  'clear_seed_scales',
  'grading_scales',
  'insert_batch',
  'batch_of_file',
  'set_batch_rows',
  'delete_batch',
  'batch_count',
  'stage_registry_schools',
  'upsert_schools',
  'clear_school_aliases',
  'stage_enrolment',
  'clear_enrolment',
  'insert_enrolment',
  'drop_registry_staging',
  'stage_scopes',
  'progress_bar_on',
  'parsed_facts',
  'parsed_scopes',
  'school_short_name',
  'mark_models_pending',
  'mark_demo_load',
  'demo_load_unfinished',
  'schema_state',
  'create_schema_version',
  'schema_version',
  'record_migration',
  'roadmap_imported',
  'roadmap_page_measures',
  'roadmap_delete_imported',
  'roadmap_insert_measure',
  'roadmap_batch_rows',
  'roadmap_drop_empty_batches',
] as const;

export type StatementName = (typeof STATEMENT_NAMES)[number];

/** The statements of sql/: their text (`statementSql`) and how to run one. */
export const {
  sql: statementSql,
  run: runStatement,
  rows: statementRows,
  row: statementRow,
} = namedStatements<StatementName>(new URL('./sql/', import.meta.url));
