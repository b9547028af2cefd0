/**
 * Rows of the briefing queries (analytics/queries/briefing_*.sql); the rows of queries the
 * dashboard reads too are the dashboard's own API types.
 */
export type {
  ClusterChange,
  ClusterComparisonRow,
  SchoolFlag,
  SchoolTeacherRow,
} from '../contract/api/types.ts';
export type { TeacherDeficitRow } from '../contract/api/deficits-types.ts';

export interface MeasuredRow {
  procedure: string;
  schools_count: number;
  works_count: number;
  subjects: string[] | null;
  grades: number[] | null;
  /** ЕГЭ subjects with scores but no grading scale for the year (below the minimum unknown) */
  unknown_scale_subjects: string[] | null;
}

export interface SourceRow {
  dataset: string;
  files_count: number;
  file_names: string[];
  imported_on: string;
  is_demo: boolean;
}

/** A key share in a year beside its previous year (trend_shares). */
export interface ShareRow {
  indicator: string;
  title: string;
  higher_is_better: boolean;
  topic: string;
  grade: number | null;
  prev_year: number | null;
  prev_pct: number | null;
  prev_n: number | null;
  year: number;
  pct: number;
  count: number;
  n: number;
  change_pp: number | null;
  change_significant: boolean;
  /** «улучшение» / «ухудшение» only for a significant change; null without the year before */
  direction: 'улучшение' | 'ухудшение' | 'без изменений' | 'в пределах случайных колебаний' | null;
}

export interface SchoolShareRow extends ShareRow {
  school_id: string;
  short_name: string;
  district_pct: number | null;
  district_n: number | null;
  is_small_n: boolean;
  /** flagged «Необъективность» that year: marked wherever the school is ranked */
  is_nonobjective: boolean;
}

export interface RecurringTaskRow {
  subject: string;
  grade: number;
  task: string;
  skill: string | null;
  district_pct: number;
  district_n: number;
  schools_count: number;
  insufficient_schools_count: number;
  schools: string[];
  recurring_deficit_schools_pct: number;
}

export interface FocusTask {
  subject: string;
  grade: number;
  task: string;
  skill: string | null;
  completion_pct: number;
  district_pct: number;
  vs_district_pp: number;
  n: number;
}

export interface SchoolFocus {
  partners: {
    short_name: string;
    role: string;
    kind: string;
    year: number;
    /** the partner's clusters on the working list of the pair's year */
    clusters: string[];
  }[];
  tasks: FocusTask[];
  teacher_areas: {
    year: number;
    area: string;
    deficit_count: number;
    teachers_count: number;
    deficit_pct: number;
  }[];
}
