/**
 * The bulk path's SQL builders. Its statements cannot be fixed `.sql` files: a file's temp
 * tables have one column per layout column the file has, one table per field, and the rows go
 * to the dataset's own table. So these functions build the SQL, under three rules:
 * - identifiers come only from allow-lists: the layouts of BULK_FORMATS (code constants in
 *   ingest/formats, never a file's captions: the header is matched to their keys), the tables
 *   and SQL expressions of the dataset definitions (ingest/datasets.ts), and the temp table
 *   names below; a layout or column key outside them throws;
 * - values are always bound parameters (`$path`, `$c0`, `$batch` …);
 * - each builder is run on a new store by test/analytics/named-queries.test.ts.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { Params } from '../../analytics/db.ts';
import { DATASETS, type ResultDataset } from '../datasets.ts';
import type { HeaderMatch } from '../header.ts';
import type { Format } from '../formats/format.ts';
import type { Field, RecordLayout } from '../formats/fields.ts';
import { FORMATS } from '../formats/index.ts';
import { MAX_LINE_CHARS } from '../read/limits.ts';

/** The formats whose files the bulk path takes: a layout, and a dataset with bulk SQL. */
export const BULK_FORMATS: readonly Format[] = FORMATS.filter(
  (format) =>
    format.layout !== undefined &&
    format.dataset !== 'registry' &&
    format.dataset !== 'roadmap' &&
    DATASETS[format.dataset].sql !== undefined,
);

const LAYOUTS = new Set(BULK_FORMATS.map((format) => format.layout!));
const KEYS = new Set([...LAYOUTS].flatMap((layout) => layout.columns.map((c) => c.key)));

/** The layout itself, when it is one of the bulk formats'; otherwise it throws. */
function allowedLayout<L extends RecordLayout<string>>(layout: L): L {
  if (!LAYOUTS.has(layout))
    throw new Error('bulk SQL is built only for the layouts of BULK_FORMATS');
  return layout;
}

/** The staged file's columns: a layout's keys, each at its index in the file. */
function allowedColumns(columns: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  for (const [key, index] of columns)
    if (!KEYS.has(key) || !Number.isInteger(index))
      throw new Error(`bulk SQL is built only for layout columns, not «${key}»`);
  return columns;
}

/** The rows fetched for messages: the problem list keeps no more than this anyway. */
const LISTED_ROWS = 200;

/** The temp tables of one bulk import, besides the field tables. */
const TEMP_TABLES = ['bulk_stage', 'bulk_parsed', 'incoming_scope'];

/** The staged column of a layout key in bulk_stage and the field tables. */
export const stageColumn = (key: string) => `"k_${key}"`;
const quote = (name: string) => `"${name}"`;
export const fieldTable = (index: number) => `bulk_f${index}`;

/** What the builders over a staged file need: its layout and the columns the file has. */
export interface StagedLayout {
  layout: RecordLayout<string>;
  header: HeaderMatch<string>;
}

/** The columns of a field that the file has (an optional one may be absent). */
export const presentKeys = (staged: StagedLayout, field: Field<string>) =>
  field.keys.filter((key) => allowedColumns(staged.header.columns).has(key));

/** DuckDB counts bytes: a Cyrillic character takes two in UTF-8. */
const MAX_LINE_BYTES = 2 * MAX_LINE_CHARS;

/**
 * Reads the CSV file ($path, $delim, $skip) into bulk_stage: one text column per layout column
 * the file has (`columns`: key → index), and `blank` for rows with no cell at all. `parallel`
 * is the reader's mode (a literal: DuckDB takes no parameter there).
 */
export function stageSql(
  spec: { width: number; columns: ReadonlyMap<string, number> },
  parallel: boolean,
): string {
  const raw = Array.from({ length: spec.width }, (_, i) => `c${i}`);
  const keys = [...allowedColumns(spec.columns)].map(
    ([key, index]) => `c${index} AS ${stageColumn(key)}`,
  );
  const types = raw.map((name) => `'${name}': 'VARCHAR'`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE bulk_stage AS
       SELECT ${keys.join(', ')}, coalesce(${raw.join(', ')}) IS NULL AS blank
       FROM read_csv($path, columns = {${types}}, delim = $delim, quote = '"', escape = '"',
         header = false, skip = $skip, auto_detect = false, null_padding = true,
         strict_mode = false, parallel = ${parallel}, max_line_size = ${MAX_LINE_BYTES})`;
}

/** The distinct cells of a field's columns in bulk_stage, each with the first row that has them. */
export function distinctValuesSql(staged: StagedLayout, field: Field<string>): string {
  const columns = presentKeys(staged, field).map(stageColumn);
  return `SELECT ${[...columns, 'min(rowid) AS first'].join(', ')} FROM bulk_stage WHERE NOT blank
     ${columns.length ? 'GROUP BY ALL' : 'HAVING count(*) > 0'} ORDER BY first`;
}

/** The field table of field `index`: its cells, whether they read, and the values read. */
export function fieldTableSql(staged: StagedLayout, index: number): string {
  const field = allowedLayout(staged.layout).fields[index]!;
  const properties = Object.entries(field.types);
  return `CREATE OR REPLACE TEMP TABLE ${fieldTable(index)} (${[
    ...presentKeys(staged, field).map((key) => `${stageColumn(key)} VARCHAR`),
    'tuple INTEGER',
    'ok BOOLEAN',
    'problems INTEGER',
    ...properties.map(([name, type]) => `${quote(name)} ${type}`),
  ].join(', ')})`;
}

/**
 * The matching of a staged row `s` to its value row in a field table. A required cell of a
 * good value is never empty, so plain equality (a faster join) does for good values.
 */
const joinOn = (staged: StagedLayout, field: Field<string>, alias: string, good: boolean) =>
  presentKeys(staged, field).map((key) => {
    const column = stageColumn(key);
    const required = staged.layout.columns.find((c) => c.key === key)?.required;
    return `s.${column} ${good && required ? '=' : 'IS NOT DISTINCT FROM'} ${alias}.${column}`;
  });

/** The first rows (in row order) that hold a bad value of one of the fields `indexes`. */
export function badRowsSql(staged: StagedLayout, indexes: readonly number[]): string {
  const { fields } = allowedLayout(staged.layout);
  const bad = indexes.map(
    (index) =>
      `SELECT s.rowid AS record, ${index} AS field, f.tuple, f.problems
           FROM bulk_stage s JOIN ${fieldTable(index)} f
             ON ${['f.problems > 0', ...joinOn(staged, fields[index]!, 'f', false)].join(' AND ')}
           WHERE NOT s.blank`,
  );
  return `SELECT record::INTEGER AS record, field, tuple, (sum(problems) OVER ())::INTEGER AS total
     FROM (${bad.join(' UNION ALL ')}) ORDER BY record, field LIMIT ${LISTED_ROWS}`;
}

/** Removes the bad values of field `index` from its table. */
export const dropBadValuesSql = (index: number) => `DELETE FROM ${fieldTable(index)} WHERE NOT ok`;

/**
 * bulk_parsed: every good staged row as the record's properties, with the layout's constants
 * (bound as $c0, $c1 …) and the dataset's scope expression.
 */
export function parsedSql(
  staged: StagedLayout,
  dataset: ResultDataset,
): { sql: string; params: Params } {
  const { fields, constants } = allowedLayout(staged.layout);
  const values = fields.flatMap((field, index) =>
    Object.keys(field.types).map((name) => `f${index}.${quote(name)}`),
  );
  const joins = fields.map(
    (field, index) =>
      `JOIN ${fieldTable(index)} f${index} ON ${joinOn(staged, field, `f${index}`, true).join(' AND ')}`,
  );
  const params = Object.fromEntries(
    Object.entries(constants).map(([, value], i) => [`c${i}`, value as DuckDBValue]),
  );
  const fixed = Object.keys(constants).map((name, i) => `$c${i} AS ${quote(name)}`);
  const sql = `CREATE OR REPLACE TEMP TABLE bulk_parsed AS
     SELECT *, ${DATASETS[dataset].sql!.scope} AS scope FROM (
       SELECT s.rowid AS record, ${[...values, ...fixed].join(', ')}
       FROM bulk_stage s ${joins.join(' ')}
       WHERE NOT s.blank)`;
  return { sql, params };
}

const uniqueKey = (layout: RecordLayout<string>) =>
  allowedLayout(layout).unique.keys.map(quote).join(', ');

/** One row when a unique key repeats in bulk_parsed: cheaper than numbering every row. */
export const anyRepeatedSql = (layout: RecordLayout<string>) =>
  `SELECT 1 FROM bulk_parsed GROUP BY ${uniqueKey(layout)} HAVING count(*) > 1 LIMIT 1`;

/** The first rows that repeat a unique key, each with the row that has it first. */
export const repeatedRowsSql = (layout: RecordLayout<string>) =>
  `SELECT record::INTEGER AS record, first::INTEGER AS first, (count(*) OVER ())::INTEGER AS total
     FROM (SELECT record, min(record) OVER (PARTITION BY ${uniqueKey(layout)}) AS first FROM bulk_parsed)
     WHERE record <> first ORDER BY record LIMIT ${LISTED_ROWS}`;

/** Appends bulk_parsed to the dataset's table under batch $batch. */
export function insertParsedSql(dataset: ResultDataset): string {
  const spec = DATASETS[dataset];
  return `INSERT INTO ${spec.tables[0]!.table} SELECT $batch, ${spec.sql!.values}, scope FROM bulk_parsed`;
}

/** Drops the temp tables of a bulk import of this layout, one statement each. */
export const dropTempTablesSql = (layout: RecordLayout<string>) =>
  [...TEMP_TABLES, ...allowedLayout(layout).fields.map((_, index) => fieldTable(index))].map(
    (table) => `DROP TABLE IF EXISTS temp.${table}`,
  );
