/**
 * Layouts described field by field. A field reads a few columns of a row into a part of the
 * record, or records problems. Because a field sees nothing but its own columns, the same
 * code checks every row of a small file (readRecords) and every distinct value of a large
 * one (ingest/bulk), so both paths accept and reject exactly the same cells.
 */
import type { z } from 'zod';
import type { ColumnSpec } from '../header.ts';
import { findHeader } from '../header.ts';
import type { ParseContext } from './context.ts';
import { readRows, type RowReader } from './row-reader.ts';
import { checkDuplicates } from './rows.ts';

export type FieldValue = string | number | null;
export type FieldValues = Record<string, FieldValue>;

export interface Field<K extends string> {
  /** the columns the field reads */
  keys: readonly K[];
  /** the SQL type of each record property the field gives, in order */
  types: Record<string, 'INTEGER' | 'DOUBLE' | 'VARCHAR'>;
  /** the field's record properties, or undefined with problems recorded on the row */
  read(row: RowReader<K>): FieldValues | undefined;
}

export interface RecordLayout<K extends string> {
  columns: readonly ColumnSpec<K>[];
  fields: readonly Field<K>[];
  /** properties every record has, whatever its row says */
  constants: FieldValues;
  /** the record properties that identify a row (one row per key), and their Russian title */
  unique: { keys: readonly string[]; title: string };
}

/** Reads every data row under the header into records; rows with a problem give none. */
export function readRecords<K extends string>(
  context: ParseContext,
  layout: RecordLayout<K>,
): FieldValues[] {
  const header = findHeader(context.sheet, layout.columns)!;
  const records: FieldValues[] = [];
  const keys: { row: number; key: string }[] = [];
  readRows(context, header, (row) => {
    const parts = layout.fields.map((field) => field.read(row));
    if (parts.some((part) => part === undefined)) return;
    const record = Object.assign({ ...layout.constants }, ...parts) as FieldValues;
    records.push(record);
    keys.push({ row: row.number, key: layout.unique.keys.map((k) => record[k]).join('|') });
  });
  checkDuplicates(keys, layout.unique.title, context);
  return records;
}

/** A field of one required cell read by a schema into one record property. */
export function cellField<K extends string, T extends FieldValue>(
  key: K,
  property: string,
  type: Field<K>['types'][string],
  schema: z.ZodType<T>,
  expected: string,
): Field<K> {
  return {
    keys: [key],
    types: { [property]: type },
    read(row) {
      const value = row.get(key, schema, expected);
      return value === undefined ? undefined : { [property]: value };
    },
  };
}
