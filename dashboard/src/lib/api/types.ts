/** Row types shared by the server and the browser. Shares are in per cent (0–100). */
export interface Health {
  ok: true;
  schoolsCount: number;
  years: number[];
  isDemo: boolean;
  dataDate: string | null;
  methodologyVersion: string;
  minN: number;
}

export interface VprFilterOption {
  year: number;
  subject: string;
  grade: number;
}

export interface VprIndicators {
  participants_count: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  uspevaemost_pct: number;
  kachestvo_pct: number;
  dolya2_pct: number;
  dolya5_pct: number;
  avg_mark: number;
  sou_pct: number;
}

export interface VprSchoolRow extends VprIndicators {
  school_id: string;
  short_name: string;
  school_type: string;
  is_rural: boolean | null;
  is_small_n: boolean;
  prev_dolya2_pct: number | null;
  prev_participants_count: number | null;
}

export type BenchmarkLevel = 'district' | 'region' | 'country';

export interface VprBenchmarkRow extends VprIndicators {
  level: BenchmarkLevel;
}

export interface VprDistrict {
  year: number;
  subject: string;
  grade: number;
  schools: VprSchoolRow[];
  benchmarks: VprBenchmarkRow[];
}

export interface SchoolListItem {
  school_id: string;
  short_name: string;
  school_type: string;
  is_rural: boolean | null;
}

export interface SchoolCard extends SchoolListItem {
  full_name: string;
  aliases: string[] | null;
}

export interface SchoolVprRow {
  year: number;
  subject: string;
  grade: number;
  participants_count: number;
  uspevaemost_pct: number;
  kachestvo_pct: number;
  dolya2_pct: number;
  dolya5_pct: number;
  avg_mark: number;
  is_small_n: boolean;
  district_participants_count: number;
  district_uspevaemost_pct: number;
  district_kachestvo_pct: number;
  district_dolya2_pct: number;
  region_dolya2_pct: number | null;
  country_dolya2_pct: number | null;
}

export interface SchoolPage {
  school: SchoolCard;
  vpr: SchoolVprRow[];
  custom: CustomIndicatorValue[];
}

export interface ApiError {
  error: string;
}

// Import reports and mappings are the importer's own types, shared as they are.
export type { Outcome as ImportOutcome } from '../../../../ingest/outcomes.ts';
export type { Problem as ImportProblem } from '../../../../ingest/problems.ts';
export type { FileReport as ImportReport } from '../../../../ingest/import.ts';
export type { MappingProposal } from '../../../../ingest/custom/propose.ts';
export type { CustomMapping } from '../../../../ingest/custom/mapping.ts';
import type { Outcome as ImportOutcome } from '../../../../ingest/outcomes.ts';

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
