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
  /** |z| > 1,96 */
  is_significant: boolean;
  direction: 'улучшение' | 'ухудшение' | 'без изменений' | null;
  is_small_n_a: boolean | null;
  is_small_n_b: boolean | null;
}

export interface GridSchool {
  school_id: string;
  short_name: string;
  pct: number;
  n: number;
  change_pp: number;
  change_significant: boolean;
}

/** One cell of the status × change grid; levels 1 (worst) … 5 (best). */
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
  schools: GridSchool[];
  is_district_cell: boolean;
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
  /** every school with data in A or B for the selection */
  schools: ComparePair[];
  /** the grid of the selection in year B, against the previous year of the series */
  grid: GridCell[];
}
