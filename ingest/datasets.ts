/**
 * Datasets: what the store keeps, per kind of source. Each parsed file yields rows of one
 * dataset; `conflictKey` says which rows of an earlier batch the file would replace.
 */
export type Dataset = 'registry' | 'vpr_marks';

export interface RegistryRow {
  schoolId: string;
  fullName: string;
  shortName: string;
  aliases: string[];
  schoolType: string;
  isRural: boolean | null;
}

export type BenchmarkLevel = 'school' | 'municipality' | 'region' | 'country';

export interface VprMarksRow {
  year: number;
  subject: string;
  grade: number;
  level: BenchmarkLevel;
  schoolId: string | null;
  groupName: string;
  schoolsCount: number | null;
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

export type ParsedRows =
  { dataset: 'registry'; rows: RegistryRow[] } | { dataset: 'vpr_marks'; rows: VprMarksRow[] };

/** Years present in the rows, for the import log. */
export function yearsOf(parsed: ParsedRows): number[] {
  if (parsed.dataset === 'registry') return [];
  return [...new Set(parsed.rows.map((r) => r.year))].sort();
}
