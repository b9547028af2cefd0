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
  /**
   * whole pupils above the low target: the fewest who would have to leave the low levels for the
   * target to be met, n_low − ⌊N · target⌋; 0 when it is met
   */
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
  /** whole pupils short of the high target: ⌈N · target⌉ − n_high, 0 when it is met */
  high_shortfall_pupils: number;
  /**
   * the school's whole pupils of the district's excess: the district's low_excess_pupils shared
   * over the schools above their own target by their excess, largest remainder; they add up to
   * the district's excess; 0 for a school within the target
   */
  low_gap_contribution_pupils: number;
  /** low_gap_contribution_pupils of the district's excess, %; null when the district has none */
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
  /** schools with a share of the district's excess (none when the district meets the target) */
  contributing: number;
  /** schools above their own low target */
  over_target: number;
  /** those schools' own pupils above the target, summed (the weights of the apportioning) */
  low_excess_pupils: number;
}
