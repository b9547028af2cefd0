/** What a format's reader is given: the sheet, where to report problems, the registry and reference data. */
import type { ProblemList } from '../../contract/imports/problems.ts';
import type { Sheet, SourceFile } from '../read/table.ts';
import type { SchoolMatcher } from '../schools.ts';
import type { LevelMappings } from '../reference/levels.ts';
import type { ScaleBook } from '../reference/grading-scales.ts';
import type { ClusterNameBook } from '../reference/cluster-names.ts';

/** Reference data a format may need while reading rows. */
export interface Reference {
  levels: LevelMappings;
  scales: ScaleBook;
  /** the key for teacher hashes; made on first use only */
  teacherSalt(): string;
  /** the methodology's cluster names, for the lists */
  clusterNames: ClusterNameBook;
}

/**
 * What the person importing says of the file as a whole (`--year`, `--basis`, the upload page's
 * fields), for files that do not say it themselves: a list without a year column.
 */
export interface GivenValues {
  /** a school year as typed: 2023/24, 2023-2024, 2024 */
  year?: string;
  /** the document that approved the list, e.g. «распоряжение КО от 19.10.2023 № 356» */
  basis?: string;
}

export interface ParseContext {
  file: SourceFile;
  sheet: Sheet;
  problems: ProblemList;
  schools: SchoolMatcher;
  reference: Reference;
  given?: GivenValues;
  /** called now and then while rows are read, for a progress bar */
  progress?(done: number, total: number): void;
}
