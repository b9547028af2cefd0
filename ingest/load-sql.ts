/**
 * The loader's SQL builders. Each dataset has its own tables, so the statements that check and
 * replace a dataset's rows cannot be fixed `.sql` files: these functions build them, and
 * - take the table names only from the dataset definitions (DATASETS in datasets.ts), by the
 *   dataset's name, never from input;
 * - bind every value (`$id`, `$year`);
 * - are each run on a new store by test/analytics/named-queries.test.ts.
 */
import { DATASETS, type ResultDataset } from './datasets.ts';

/** The dataset's main table: the one whose rows carry the year and are counted. */
const mainTable = (dataset: ResultDataset) => DATASETS[dataset].tables[0]!.table;

/** The number of the dataset's rows in batch $id. */
export const batchRowsSql = (dataset: ResultDataset) =>
  `SELECT count(*)::INTEGER AS n FROM ${mainTable(dataset)} WHERE batch_id = $id`;

/** One row when the dataset has rows of year $year. */
export const yearStoredSql = (dataset: ResultDataset) =>
  `SELECT 1 FROM ${mainTable(dataset)} WHERE year = $year LIMIT 1`;

/** The earlier files with rows in the incoming scopes, with their number of such rows. */
export const overlappingFilesSql = (dataset: ResultDataset) =>
  `SELECT b.file_name, strftime(b.imported_at, '%d.%m.%Y %H:%M') AS imported_at, count(*)::INTEGER AS n
     FROM ${mainTable(dataset)} AS m JOIN import_batch b USING (batch_id)
     WHERE m.scope IN (SELECT scope FROM incoming_scope)
     GROUP BY ALL ORDER BY 1`;

/** The batches with rows in the incoming scopes. */
export const touchedBatchesSql = (dataset: ResultDataset) =>
  `SELECT DISTINCT batch_id FROM ${mainTable(dataset)} WHERE scope IN (SELECT scope FROM incoming_scope)`;

/** Removes the dataset's rows in the incoming scopes: one statement per table of the dataset. */
export const removeScopesSql = (dataset: ResultDataset) =>
  DATASETS[dataset].tables.map(
    ({ table }) => `DELETE FROM ${table} WHERE scope IN (SELECT scope FROM incoming_scope)`,
  );
