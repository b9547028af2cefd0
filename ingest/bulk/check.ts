/**
 * Checks a staged file (bulk_stage) field by field. Every distinct value of a field's columns
 * goes once through the field's own reader, the same code that reads a small file row by row;
 * SQL then finds the rows that hold a bad value, in row order, for the messages. The good
 * values are joined back into bulk_parsed: one row per record, named as the record's properties.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { Store } from '../../analytics/db.ts';
import type { ResultDataset } from '../datasets.ts';
import { ProblemList, type Problem } from '../../contract/imports/problems.ts';
import type { Cell } from '../read/table.ts';
import type { ParseContext } from '../formats/context.ts';
import type { Field, FieldValues } from '../formats/fields.ts';
import { readRows } from '../formats/row-reader.ts';
import { duplicateRow } from '../formats/rows.ts';
import {
  anyRepeatedSql,
  badRowsSql,
  distinctValuesSql,
  dropBadValuesSql,
  fieldTable,
  fieldTableSql,
  parsedSql,
  presentKeys,
  repeatedRowsSql,
  type StagedLayout,
} from './bulk-sql.ts';

export interface CheckSpec extends StagedLayout {
  headerRow: readonly Cell[];
  /** the dataset the records belong to (its scope expression makes their scope) */
  dataset: ResultDataset;
  /** spreadsheet row number of a staged record */
  rowNumber(record: number): number;
}

/** One distinct value of a field: its cells, and what the field's reader made of them. */
interface Checked {
  cells: (string | null)[];
  values: FieldValues | undefined;
  problems: Problem[];
}

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

async function checkField(
  store: Store,
  spec: CheckSpec,
  context: ParseContext,
  field: Field<string>,
  index: number,
): Promise<Checked[]> {
  const keys = presentKeys(spec, field);
  const tuples = await store.all<Record<string, string | null>>(distinctValuesSql(spec, field));
  const checked = readTuples(
    spec,
    context,
    field,
    tuples.map((t) => keys.map((key) => t[`k_${key}`] ?? null)),
  );
  const properties = Object.entries(field.types);
  await store.run(fieldTableSql(spec, index));
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

async function listBadRows(
  store: Store,
  spec: CheckSpec,
  context: ParseContext,
  checked: Checked[][],
): Promise<void> {
  const bad = spec.layout.fields.flatMap((_, index) =>
    checked[index]!.some((c) => c.problems.length > 0) ? [index] : [],
  );
  if (bad.length === 0) return;
  const rows = await store.all<{ record: number; field: number; tuple: number; total: number }>(
    badRowsSql(spec, bad),
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
  // The bad values leave their tables rather than being filtered in the joins: DuckDB takes
  // each filter for a fifth of the rows, misjudges the joins' size and builds a hash table on
  // the file's millions of rows instead of a field's few values (3 s more at 6 million rows).
  for (const index of spec.layout.fields.keys()) await store.run(dropBadValuesSql(index));
  const { sql, params } = parsedSql(spec, spec.dataset);
  await store.run(sql, params);
}

async function listDuplicates(store: Store, spec: CheckSpec, context: ParseContext): Promise<void> {
  // Grouping tells whether any key repeats, cheaper than numbering every row of a clean file.
  const repeated = await store.one(anyRepeatedSql(spec.layout));
  if (!repeated) return;
  const rows = await store.all<{ record: number; first: number; total: number }>(
    repeatedRowsSql(spec.layout),
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
