/** Response of GET /api/fg: ФГ targets of the district, school contributions and the trend. */

/** What district and school rows share: participants, both levels against their targets, coverage. */
export interface FgLevels {
  participants_count: number;
  low_count: number;
  high_count: number;
  low_share_pct: number;
  high_share_pct: number;
  low_target_pct: number;
  high_target_pct: number;
  low_met: boolean;
  high_met: boolean;
  /** low share − target, п.п. (positive: above the allowed maximum) */
  low_gap_pp: number;
  /** target − high share, п.п. (positive: below the required minimum) */
  high_gap_pp: number;
  /** pupils above the low target: N · (low share − target), 0 when the target is met */
  low_excess_pupils: number;
  enrolled_count: number | null;
  coverage_pct: number | null;
  is_small_n: boolean;
}

/** One row of fg_targets for the district (grade null: all grades pooled). */
export interface FgDistrictRow extends FgLevels {
  year: number;
  direction: string;
  grade: number | null;
  high_shortfall_pupils: number;
}

/** One school's result for the chosen year × direction × grade. */
export interface FgSchoolRow extends FgLevels {
  school_id: string;
  short_name: string;
  school_type: string;
  /** pupils short of the high target: N · (target − high share), 0 when the target is met */
  high_shortfall_pupils: number;
  /** share of all schools' excess pupils, %; null when no school exceeds the target */
  low_gap_contribution_pct: number | null;
}

/** The district's low (fg_low) or high (fg_high) share in one year with its interval. */
export interface FgTrendRow {
  indicator: 'fg_low' | 'fg_high';
  year: number;
  count: number;
  n: number;
  pct: number;
  ci_low_pct: number;
  ci_high_pct: number;
  prev_year: number | null;
  prev_pct: number | null;
  change_pp: number | null;
  change_significant: boolean;
  direction_5y: string | null;
  is_small_n: boolean;
}

export interface FgTargets {
  low_target_pct: number;
  high_target_pct: number;
}

export interface FgPage {
  /** the selection actually shown (defaults resolved by the server) */
  year: number | null;
  grade: number | null;
  direction: string | null;
  /** what can be chosen */
  years: number[];
  grades: number[];
  directions: string[];
  /** the configured targets, as stored with the results; null when there are none */
  targets: FgTargets | null;
  /** district rows of the year: every direction × grade and all grades pooled */
  district: FgDistrictRow[];
  /** the schools asked for: all, or a page (`limit`) in the order asked for */
  schools: FgSchoolRow[];
  /** over all the schools of the selection, however many came */
  summary: FgSchoolsSummary;
  trend: FgTrendRow[];
}

export interface FgSchoolsSummary {
  schools: number;
  /** schools above the low target: those that add to the district's gap */
  contributing: number;
  /** their pupils above the target, summed */
  low_excess_pupils: number;
}
