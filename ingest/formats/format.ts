/** A source file layout: how to recognise it from its headers and how to read its rows. */
import type { ColumnSpec } from '../header.ts';
import type { ProblemList } from '../../contract/imports/problems.ts';
import type { Sheet, SourceFile } from '../read/table.ts';
import type { SchoolMatcher } from '../schools.ts';
import type { Dataset, ParsedRows } from '../datasets.ts';
import type { LevelMappings } from '../reference/levels.ts';
import type { ScaleBook } from '../reference/grading-scales.ts';
import type { RecordLayout } from './fields.ts';

/** Reference data a format may need while reading rows. */
export interface Reference {
  levels: LevelMappings;
  scales: ScaleBook;
  /** the key for teacher hashes; made on first use only */
  teacherSalt(): string;
}

export interface ParseContext {
  file: SourceFile;
  sheet: Sheet;
  problems: ProblemList;
  schools: SchoolMatcher;
  reference: Reference;
  /** called now and then while rows are read, for a progress bar */
  progress?(done: number, total: number): void;
}

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
