/** What the import tells about one file: the CLI prints it, the server sends it, the audit logs it. */
import type { Outcome } from './outcomes.ts';
import type { Problem } from './problems.ts';

/** The kinds of data a file can hold (ingest/datasets.ts describes each one's rows). */
export const DATASETS = [
  'registry',
  'vpr_marks',
  'vpr_journal',
  'vpr_tasks',
  'vpr_planned',
  'vpr_participants',
  'gia_participants',
  'gia_schools',
  'grading_scale',
  'fg_levels',
  'fg_participants',
  'teacher_diag',
  'network_pairs',
  'official_clusters',
  'custom_indicators',
  'roadmap',
] as const;
export type Dataset = (typeof DATASETS)[number];

/** What a write did (a dry run reports what it would do). */
export type LoadOutcome = 'loaded' | 'replaced' | 'unchanged';

export interface FileReport {
  file: string;
  format?: string;
  dataset?: Dataset;
  rows: number;
  years: number[];
  outcome: Outcome;
  problems: Problem[];
  /** problems beyond the cap, counted but not listed */
  moreProblems: number;
  /** for a dry run: what a real import would do */
  planned?: LoadOutcome;
  /** earlier files whose data this file would replace (it needs `replace`) */
  conflicts?: string[];
  /** no format knows the file's headers: a column mapping may be set for it */
  unrecognised?: boolean;
  /** schools the file added to the registry (with createSchools) */
  schoolsAdded?: number;
  /** what the load did beyond its rows, in Russian (a road map: measures, sections, statuses kept) */
  summary?: string;
}
