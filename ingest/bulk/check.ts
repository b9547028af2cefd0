/**
 * Checks a staged file (bulk_stage) field by field. Every distinct value of a field's columns
 * goes once through the field's own reader, the same code that reads a small file row by row;
 * SQL then finds the rows that hold a bad value, in row order, for the messages. The good
 * values are joined back into bulk_parsed: one row per record, named as the record's properties.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { Store } from '../../analytics/db.ts';
import type { HeaderMatch } from '../header.ts';
import { ProblemList, type Problem } from '../../contract/imports/problems.ts';
import type { Cell } from '../read/table.ts';
import type { ParseContext } from '../formats/context.ts';
import type { Field, FieldValues, RecordLayout } from '../formats/fields.ts';
import { readRows } from '../formats/row-reader.ts';
import { duplicateRow } from '../formats/rows.ts';
import { stageColumn } from './stage.ts';

/** The rows fetched for messages: the problem list keeps no more than this anyway. */
const LISTED_ROWS = 200;

export interface CheckSpec {
  layout: RecordLayout<string>;
  header: HeaderMatch<string>;
  headerRow: readonly Cell[];
  /** the record properties' SQL scope expression (DatasetSpec.sql.scope) */
  scope: string;
  /** spreadsheet row number of a staged record */
  rowNumber(record: number): number;
}

/** One distinct value of a field: its cells, and what the field's reader made of them. */
interface Checked {
  cells: (string | null)[];
  values: FieldValues | undefined;
  problems: Problem[];
}

const quote = (name: string) => `"${name}"`;
const fieldTable = (index: number) => `bulk_f${index}`;

/** Checks every field, lists the problems in row order, and builds bulk_parsed. */
export async function checkStaged(
  store: Store,
  spec: CheckSpec,
  context: ParseContext,
): Promise<void> {
  const checked: Checked[][] = [];
  for (const [index, field] of spec.layout.fields.entries())
    checked.push(await checkField(store, spec, context, field, index));
  await listBadRows(store, spec, context, checked);
  await buildParsed(store, spec);
  await listDuplicates(store, spec, context);
}

/** The columns of a field that the file has (an optional one may be absent). */
const presentKeys = (spec: CheckSpec, field: Field<string>) =>
  field.keys.filter((key) => spec.header.columns.has(key));

async function checkField(
  store: Store,
  spec: CheckSpec,
  context: ParseContext,
  field: Field<string>,
  index: number,
): Promise<Checked[]> {
  const keys = presentKeys(spec, field);
  const columns = keys.map(stageColumn);
  const tuples = await store.all<Record<string, string | null>>(
    `SELECT ${[...columns, 'min(rowid) AS first'].join(', ')} FROM bulk_stage WHERE NOT blank
     ${columns.length ? 'GROUP BY ALL' : 'HAVING count(*) > 0'} ORDER BY first`,
  );
  const checked = readTuples(
    spec,
    context,
    field,
    tuples.map((t) => keys.map((key) => t[`k_${key}`] ?? null)),
  );
  const properties = Object.entries(field.types);
  await store.run(
    `CREATE OR REPLACE TEMP TABLE ${fieldTable(index)} (${[
      ...columns.map((c) => `${c} VARCHAR`),
      'tuple INTEGER',
      'ok BOOLEAN',
      'problems INTEGER',
      ...properties.map(([name, type]) => `${quote(name)} ${type}`),
    ].join(', ')})`,
  );
  await store.append(
    fieldTable(index),
    checked.map((c, tuple) => [
      ...c.cells,
      tuple,
      c.values !== undefined,
      c.problems.length,
      ...properties.map(([name]) => (c.values?.[name] ?? null) as DuckDBValue),
    ]),
  );
  return checked;
}

/**
 * Runs the field's reader over its distinct cells, laid out as rows under the file's own
 * header, so captions and messages are those of the file.
 */
function readTuples(
  spec: CheckSpec,
  context: ParseContext,
  field: Field<string>,
  tuples: (string | null)[][],
): Checked[] {
  const keys = presentKeys(spec, field);
  const width = spec.headerRow.length;
  const rows = tuples.map((cells) => {
    const row: Cell[] = Array.from({ length: width + 1 }, () => null);
    // Blank cells read as empty, as the JS reader makes them.
    keys.forEach(
      (key, i) => (row[spec.header.columns.get(key)!] = cells[i]?.trim() ? cells[i]! : null),
    );
    row[width] = '·'; // a row of empty cells is still a row to check, not a blank line
    return row;
  });
  const checked: Checked[] = tuples.map((cells) => ({ cells, values: undefined, problems: [] }));
  const problems = new ProblemList(Number.POSITIVE_INFINITY);
  const collected = problems.items;
  readRows(
    {
      ...context,
      sheet: { name: context.sheet.name, rows: [[...spec.headerRow], ...rows] },
      problems,
    },
    { rowIndex: 0, columns: spec.header.columns },
    (row) => {
      const tuple = checked[row.number - 2]!;
      const before = collected.length;
      tuple.values = field.read(row);
      tuple.problems = collected.slice(before);
    },
  );
  return checked;
}

/**
 * The matching of a staged row `s` to its value row in a field table. A required cell of a
 * good value is never empty, so plain equality (a faster join) does for good values.
 */
const joinOn = (spec: CheckSpec, field: Field<string>, alias: string, good: boolean) =>
  presentKeys(spec, field).map((key) => {
    const column = stageColumn(key);
    const required = spec.layout.columns.find((c) => c.key === key)?.required;
    return `s.${column} ${good && required ? '=' : 'IS NOT DISTINCT FROM'} ${alias}.${column}`;
  });

async function listBadRows(
  store: Store,
  spec: CheckSpec,
  context: ParseContext,
  checked: Checked[][],
): Promise<void> {
  const bad = spec.layout.fields.flatMap((field, index) =>
    checked[index]!.some((c) => c.problems.length > 0)
      ? [
          `SELECT s.rowid AS record, ${index} AS field, f.tuple, f.problems
           FROM bulk_stage s JOIN ${fieldTable(index)} f
             ON ${['f.problems > 0', ...joinOn(spec, field, 'f', false)].join(' AND ')}
           WHERE NOT s.blank`,
        ]
      : [],
  );
  if (bad.length === 0) return;
  const rows = await store.all<{ record: number; field: number; tuple: number; total: number }>(
    `SELECT record::INTEGER AS record, field, tuple, (sum(problems) OVER ())::INTEGER AS total
     FROM (${bad.join(' UNION ALL ')}) ORDER BY record, field LIMIT ${LISTED_ROWS}`,
  );
  let listed = 0;
  for (const { record, field, tuple } of rows)
    for (const problem of checked[field]![tuple]!.problems) {
      context.problems.add({ ...problem, row: spec.rowNumber(record) });
      listed++;
    }
  const errors = checked.some((field) =>
    field.some((c) => c.problems.some((p) => p.severity === 'error')),
  );
  context.problems.addUnlisted(rows[0]!.total - listed, errors ? 1 : 0);
}

async function buildParsed(store: Store, spec: CheckSpec): Promise<void> {
  const { fields, constants } = spec.layout;
  const values = fields.flatMap((field, index) =>
    Object.keys(field.types).map((name) => `f${index}.${quote(name)}`),
  );
  // The bad values leave their tables rather than being filtered in the joins: DuckDB takes
  // each filter for a fifth of the rows, misjudges the joins' size and builds a hash table on
  // the file's millions of rows instead of a field's few values (3 s more at 6 million rows).
  for (const index of fields.keys())
    await store.run(`DELETE FROM ${fieldTable(index)} WHERE NOT ok`);
  const joins = fields.map(
    (field, index) =>
      `JOIN ${fieldTable(index)} f${index} ON ${joinOn(spec, field, `f${index}`, true).join(' AND ')}`,
  );
  const params = Object.fromEntries(
    Object.entries(constants).map(([name, value], i) => [`c${i}`, value as DuckDBValue]),
  );
  const fixed = Object.keys(constants).map((name, i) => `$c${i} AS ${quote(name)}`);
  await store.run(
    `CREATE OR REPLACE TEMP TABLE bulk_parsed AS
     SELECT *, ${spec.scope} AS scope FROM (
       SELECT s.rowid AS record, ${[...values, ...fixed].join(', ')}
       FROM bulk_stage s ${joins.join(' ')}
       WHERE NOT s.blank)`,
    params,
  );
}

async function listDuplicates(store: Store, spec: CheckSpec, context: ParseContext): Promise<void> {
  const key = spec.layout.unique.keys.map(quote).join(', ');
  // Grouping tells whether any key repeats, cheaper than numbering every row of a clean file.
  const repeated = await store.one(
    `SELECT 1 FROM bulk_parsed GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`,
  );
  if (!repeated) return;
  const rows = await store.all<{ record: number; first: number; total: number }>(
    `SELECT record::INTEGER AS record, first::INTEGER AS first, (count(*) OVER ())::INTEGER AS total
     FROM (SELECT record, min(record) OVER (PARTITION BY ${key}) AS first FROM bulk_parsed)
     WHERE record <> first ORDER BY record LIMIT ${LISTED_ROWS}`,
  );
  for (const { record, first } of rows)
    context.problems.add(
      duplicateRow(
        spec.rowNumber(record),
        spec.rowNumber(first),
        spec.layout.unique.title,
        context,
      ),
    );
  if (rows.length > 0) context.problems.addUnlisted(rows[0]!.total - rows.length, 0);
}
