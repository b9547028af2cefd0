/** A source file layout: how to recognise it from its headers and how to read its rows. */
import type { ColumnSpec } from '../header.ts';
import type { Sheet } from '../read/table.ts';
import type { Dataset, ParsedRows } from '../datasets.ts';
import type { ParseContext } from './context.ts';
import type { RecordLayout } from './fields.ts';

export interface Format {
  id: string;
  /** Russian title shown in messages and in the list of known formats */
  title: string;
  dataset: Dataset;
  /** the columns a user must provide, for the «unknown format» message and templates */
  columns: readonly ColumnSpec[];
  /**
   * One example row in the order of `columns`; formats that have one are our canonical
   * templates, offered for download with an instructions sheet.
   */
  example?: readonly (string | number | null)[];
  /** Russian notes for the template's instructions sheet and docs/formats.md */
  notes?: readonly string[];
  /** true when the sheet is in this layout */
  detect(sheet: Sheet): boolean;
  /**
   * Field by field description of the rows, for formats whose large CSV files are read by
   * DuckDB and checked value by value (ingest/bulk); parse reads small files with the same fields.
   */
  layout?: RecordLayout<string>;
  parse(context: ParseContext): ParsedRows;
}
