/** What a format's reader is given: the sheet, where to report problems, the registry and reference data. */
import type { ProblemList } from '../../contract/imports/problems.ts';
import type { Sheet, SourceFile } from '../read/table.ts';
import type { SchoolMatcher } from '../schools.ts';
import type { LevelMappings } from '../reference/levels.ts';
import type { ScaleBook } from '../reference/grading-scales.ts';

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
