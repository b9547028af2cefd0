/** Types of «Сравнение лет» (/api/compare): shares in per cent (0–100), changes in п.п. */

export const COMPARE_INDICATORS = [
  'vpr_dolya2',
  'vpr_kachestvo',
  'oge_dolya2',
  'ege_below_min',
  'fg_low',
  'fg_high',
] as const;

export type CompareIndicator = (typeof COMPARE_INDICATORS)[number];

/** One series of the district that can be compared: indicator × topic × grade. */
export interface CompareOption {
  indicator: CompareIndicator;
  title: string;
  higher_is_better: boolean;
  /** subject, or ФГ direction */
  topic: string;
  /** null for ОГЭ / ЕГЭ and for ФГ over all grades */
  grade: number | null;
  years: number[];
}

export interface CompareOptions {
  /** every year with data, ascending */
  years: number[];
  /** shares on fewer participants are «мало данных» */
  minN: number;
  options: CompareOption[];
}

/** One series (district, or one school) in years A and B, with the test of the change. */
export interface ComparePair {
  indicator: CompareIndicator;
  title: string;
  higher_is_better: boolean;
  topic: string;
  grade: number | null;
  level: 'school' | 'district';
  school_id: string | null;
  short_name: string | null;
  count_a: number | null;
  n_a: number | null;
  pct_a: number | null;
  ci_low_a: number | null;
  ci_high_a: number | null;
  count_b: number | null;
  n_b: number | null;
  pct_b: number | null;
  ci_low_b: number | null;
  ci_high_b: number | null;
  /** B − A, п.п. */
  change_pp: number | null;
  /** two-proportion z (pooled share); null when it cannot be computed (0 % or 100 % in both years) */
  z_score: number | null;
  /** |z| > 1,96 with at least min_n participants in both years (a small group is never significant) */
  is_significant: boolean;
  /**
   * «улучшение» / «ухудшение» only for a significant change, «мало данных» when a year has fewer
   * than min_n, else «в пределах случайных колебаний» (or «без изменений»); null without both years
   */
  direction: CompareDirection | null;
  is_small_n_a: boolean | null;
  is_small_n_b: boolean | null;
  /** the years of A and B in which the school is flagged for signs of non-objective results */
  nonobjective_years?: number[];
}

export type CompareDirection =
  'улучшение' | 'ухудшение' | 'без изменений' | 'в пределах случайных колебаний' | 'мало данных';

export interface GridSchool {
  school_id: string;
  short_name: string;
  pct: number;
  n: number;
  change_pp: number;
  change_significant: boolean;
  /** the years (the grid's year and the one before) in which the school is flagged for signs of non-objective results */
  nonobjective_years: number[];
}

/**
 * One cell of the status × change grid; levels 1 (worst) … 5 (best). A change within chance is
 * in change level 3 («без значимых изменений») whatever its size.
 */
export interface GridCell {
  status_level: number;
  change_level: number;
  color_level: number;
  color: 'красный' | 'оранжевый' | 'жёлтый' | 'зелёный' | 'синий';
  /** the share interval of the row: from (inclusive) … to (exclusive); null = open */
  status_from_pct: number | null;
  status_to_pct: number | null;
  /** the change interval of the column, п.п. */
  change_from_pp: number | null;
  change_to_pp: number | null;
  schools_count: number;
  /** the first schools of the cell by name (a country's cell holds thousands) */
  schools: GridSchool[];
  is_district_cell: boolean;
}

/** A school of the grid with its cell (the grid's table). */
export interface GridSchoolRow extends GridSchool {
  status_level: number;
  change_level: number;
  color_level: number;
  color: GridCell['color'];
}

/** The schools of the chosen series, counted over all of them (not one page). */
export interface CompareSchoolsSummary {
  /** schools with data in A or B */
  schools: number;
  /** significant changes for the worse / for the better */
  worse: number;
  better: number;
  /** the least and the most participants of a school in B */
  n_b_min: number | null;
  n_b_max: number | null;
}

export interface CompareSelection {
  indicator: CompareIndicator;
  topic: string;
  grade: number | null;
}

export interface CompareResult {
  yearA: number;
  yearB: number;
  selection: CompareSelection;
  /** every indicator × topic × grade of the district */
  district: ComparePair[];
  /**
   * Schools with data in A or B for the selection: with `limit`, the first page in the table's
   * first order (largest change first); without, all of them.
   */
  schools: ComparePair[];
  schoolsTotal: number;
  summary: CompareSchoolsSummary;
  /** the arrow chart's schools: all of a small list, else the largest changes (significant first) */
  chart: ComparePair[];
}

/**
 * The status × change grid of a series in one year, against the year before (year − 1)
 * (/api/compare/grid): it does not depend on year A.
 */
export interface CompareGrid {
  year: number;
  selection: CompareSelection;
  /** all 25 cells, each naming its first schools by name */
  cells: GridCell[];
  /** the grid's schools: with `limit`, the first page by colour; without, all of them */
  schools: GridSchoolRow[];
  total: number;
  /** schools with a share in the year left out of the grid (n < min_n, or no previous year): the first ones by name */
  outside: { rows: { school_id: string; short_name: string; n: number }[]; total: number };
}
