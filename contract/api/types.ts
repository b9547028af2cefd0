/** Row types shared by the server and the browser. Shares are in per cent (0–100). */
import type { SchoolPairRow } from './pairs-types.ts';
import type { SchoolClusterYear, WorkingListRow } from './cluster-types.ts';
import type { FgDistrictRow } from './fg-types.ts';
export interface Health {
  ok: true;
  schoolsCount: number;
  years: number[];
  isDemo: boolean;
  dataDate: string | null;
  methodologyVersion: string;
  minN: number;
}

export type Procedure = 'ВПР' | 'ОГЭ' | 'ЕГЭ';

export interface ResultsFilterOption {
  procedure: Procedure;
  year: number;
  subject: string;
  /** ВПР only */
  grade: number | null;
}

export type Level = 'school' | 'district' | 'region' | 'country';

/** One procedure × subject × grade result: marks (ВПР, ОГЭ) or test scores (ЕГЭ). */
export interface ResultIndicators {
  participants_count: number;
  uspevaemost_pct: number | null;
  kachestvo_pct: number | null;
  avg_mark: number | null;
  dolya2_pct: number | null;
  avg_test_score: number | null;
  below_min_pct: number | null;
  high_band_pct: number | null;
  /**
   * pupils with «2» (ВПР, ОГЭ) or below the minimum score (ЕГЭ), and their share; the share is
   * null for ЕГЭ in a year without a grading scale (contract/results.ts formatKeyShare says so)
   */
  key_count: number;
  key_pct: number;
  is_small_n: boolean;
}

export interface DistrictResultRow extends ResultIndicators {
  level: Level;
  school_id: string | null;
  short_name: string | null;
  school_type: string | null;
  is_rural: boolean | null;
  dolya5_pct: number | null;
  score_100_count: number | null;
  prev_key_pct: number | null;
  prev_participants_count: number | null;
  history: { year: number; pct: number; n: number }[];
  clusters: string[];
}

export interface DistrictResults {
  year: number;
  procedure: Procedure;
  subject: string;
  grade?: number;
  /** the schools asked for (a page, or all), then the district / region / RF rows */
  rows: DistrictResultRow[];
  /** schools found: all the selection's schools, or those the search matched */
  total: number;
}

/** Schools whose key share falls in [band_from, band_from + 5) per cent (the last band: to 100). */
export interface KeyShareBand {
  band_from: number;
  schools: number;
  /** schools under the small-n threshold, drawn apart */
  small_schools: number;
}

export interface ClusterChange {
  school_id: string;
  short_name: string;
  cluster: string;
  cluster_title: string;
  this_year: boolean;
  last_year: boolean;
  change: 'новый' | 'сохраняется' | 'снят';
  /** null when the region published no list of that cluster for the year */
  official: boolean | null;
  explanation: string;
  /** the cluster's schools flagged this year, last year, and removed since (all, not only listed) */
  now_count: number;
  last_year_count: number;
  removed_count: number;
}

export interface ClusterComparisonRow {
  year: number;
  school_id: string;
  short_name: string;
  cluster: string;
  computed: boolean;
  official: boolean;
  agreement: 'совпадает' | 'только по расчёту' | 'только в списке региона';
}

export interface DistrictChange {
  indicator: string;
  title: string;
  topic: string;
  grade: number | null;
  higher_is_better: boolean;
  year: number;
  n: number;
  pct: number;
  prev_year: number;
  prev_pct: number;
  change_pp: number;
  change_significant: boolean;
}

/**
 * A school on a cluster card of the district overview: on the year's working list (in_list), or
 * only suggested by the calculation; each row carries its cluster's counts.
 */
export interface ClusterCardRow extends WorkingListRow {
  /** on the cluster's working list the year before */
  last_year: boolean;
  /** schools on the cluster's working list this year (all, not only the rows sent) */
  list_count: number;
  /** schools the calculation suggests and the list does not have */
  suggested_count: number;
  /** schools on the cluster's list last year; null when last year has no working list */
  last_year_count: number | null;
  /** on the list last year, not this year */
  left_names: string[];
}

export interface DistrictOverview {
  year: number;
  /** ФГ targets per direction, all grades pooled */
  fg: FgDistrictRow[];
  /** the working list of the year by cluster, up to 30 schools per cluster and kind */
  clusters: ClusterCardRow[];
  /** schools on the working list of at least one risk cluster this year */
  riskSchools: number;
  changes: DistrictChange[];
}

export interface SchoolListItem {
  school_id: string;
  short_name: string;
  school_type: string;
  is_rural: boolean | null;
}

export interface SchoolListRow extends SchoolListItem {
  full_name: string;
  flags_year: number | null;
  clusters: string[];
}

export interface SchoolCard extends SchoolListItem {
  full_name: string;
  aliases: string[] | null;
  /** the school's whole history of network pairs, both roles, newest year first */
  partners: SchoolPairRow[];
}

export interface SchoolResultRow extends ResultIndicators {
  procedure: Procedure;
  year: number;
  subject: string;
  grade: number | null;
  district_key_pct: number | null;
  district_participants_count: number | null;
  district_kachestvo_pct: number | null;
  region_key_pct: number | null;
  country_key_pct: number | null;
}

export interface FlagEvidence {
  indicator: string;
  year: number;
  value: number | null;
  n: number | null;
  threshold: number | null;
  baseline: number | null;
  baseline_label: string | null;
  met: boolean;
}

export interface SchoolFlag {
  year: number;
  school_id: string;
  short_name: string;
  cluster: string;
  cluster_title: string;
  triggered: boolean;
  rule_id: string;
  rule_version: string;
  rule_is_default: boolean;
  methodology_version: string;
  evidence: FlagEvidence[];
  explanation: string;
  clears_when: string;
}

export interface SchoolTaskRow {
  year: number;
  subject: string;
  grade: number;
  task: string;
  skill: string | null;
  difficulty: string | null;
  participants_count: number;
  completion_pct: number;
  status: string;
  district_pct: number | null;
  region_pct: number | null;
  country_pct: number | null;
  vs_district_pp: number | null;
  is_small_n: boolean;
}

export interface SchoolFgRow {
  year: number;
  direction: string;
  grade: number;
  participants_count: number;
  low_count: number;
  low_share_pct: number;
  low_target_pct: number;
  low_met: boolean;
  high_count: number;
  high_share_pct: number;
  high_target_pct: number;
  high_met: boolean;
  is_small_n: boolean;
  district_low_share_pct: number | null;
  district_high_share_pct: number | null;
  district_participants_count: number | null;
}

export interface SchoolTeacherRow {
  year: number;
  /** null: all areas together */
  area: string | null;
  teachers_count: number;
  deficit_count: number;
  deficit_pct: number;
  change_pp: number | null;
  is_small_n: boolean;
  district_deficit_pct: number | null;
  district_teachers_count: number | null;
}

export interface SchoolPage {
  school: SchoolCard;
  results: SchoolResultRow[];
  flags: SchoolFlag[];
  tasks: SchoolTaskRow[];
  fg: SchoolFgRow[];
  teachers: SchoolTeacherRow[];
  custom: CustomIndicatorValue[];
  /** the school's clusters on the committee's working lists, by year */
  clusters: SchoolClusterYear[];
  /** the school on the latest working list (year null: no list and no flags yet) */
  workingList: { year: number | null; rows: WorkingListRow[] };
}

// Import reports and mappings are the importer's own types, shared as they are.
export type { Outcome as ImportOutcome } from '../imports/outcomes.ts';
export type { Problem as ImportProblem } from '../imports/problems.ts';
export type { FileReport as ImportReport } from '../imports/report.ts';
export type { MappingProposal } from '../imports/custom-mapping.ts';
export type { CustomMapping } from '../imports/custom-mapping.ts';
import type { Outcome as ImportOutcome } from '../imports/outcomes.ts';

export interface ImportLogRow {
  log_id: number;
  file_name: string;
  file_sha256: string;
  dataset: string | null;
  outcome: ImportOutcome;
  rows_count: number;
  message: string | null;
  imported_by: string;
  imported_at: string;
}

export interface StoreContentsRow {
  dataset: string;
  files_count: number;
  rows_count: number;
  years: string[] | null;
  last_imported_at: string;
}

export interface ImportHistory {
  history: ImportLogRow[];
  contents: StoreContentsRow[];
}

export interface TemplateInfo {
  id: string;
  title: string;
  dataset: string;
  required: string[];
  optional: string[];
}

export interface CustomIndicatorValue {
  set_name: string;
  indicator: string;
  year: number;
  value: number | null;
}
