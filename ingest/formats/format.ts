/** A source file layout: how to recognise it from its headers and how to read its rows. */
import type { ColumnSpec } from '../header.ts';
import type { ProblemList } from '../problems.ts';
import type { Sheet, SourceFile } from '../read/table.ts';
import type { SchoolMatcher } from '../schools.ts';
import type { Dataset, ParsedRows } from '../datasets.ts';

export interface ParseContext {
  file: SourceFile;
  sheet: Sheet;
  problems: ProblemList;
  schools: SchoolMatcher;
}

export interface Format {
  id: string;
  /** Russian title shown in messages and in the list of known formats */
  title: string;
  dataset: Dataset;
  /** the columns a user must provide, for the «unknown format» message and templates */
  columns: readonly ColumnSpec[];
  /** true when the sheet is in this layout */
  detect(sheet: Sheet): boolean;
  parse(context: ParseContext): ParsedRows;
}
