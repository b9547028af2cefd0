/** The effect of support on the wire (GET /api/effects, POST /api/working-list/proposal). */

/** The change of a key indicator in words: a direction only when it is significant. */
export type EffectVerdict =
  | 'улучшение'
  | 'без значимых изменений'
  | 'ухудшение'
  | 'мало данных'
  | 'нет данных до начала'
  | 'нет повторного измерения';

/** Where a listed school is the next year: out of the cluster, still in it, or in a worse one. */
export type EffectOutcome = 'вышла' | 'осталась' | 'хуже';

export interface EffectYear {
  year: number;
  count: number;
  n: number;
  pct: number;
}

/** One school of a risk cluster's working list of `list_year`, before and after the support year. */
export interface SupportEffectRow {
  list_year: number;
  /** the year the list was drawn from: list_year − 1 */
  base_year: number;
  cluster: string;
  cluster_title: string;
  school_id: string;
  short_name: string;
  source: string;
  indicator_title: string;
  /** the key indicator is a share of «4» and «5» (more is better), not of «2» */
  higher_is_better: boolean;
  base_count: number | null;
  base_n: number | null;
  base_pct: number | null;
  /** the support year's (list_year's) results */
  count: number | null;
  n: number | null;
  pct: number | null;
  change_pp: number | null;
  change_significant: boolean;
  verdict: EffectVerdict;
  /** the years after the support year */
  later: EffectYear[];
  /** the mentor schools of its network pairs in the support year; null without a pair */
  mentors: string[] | null;
  outcome: EffectOutcome | null;
  /** «список следующего года» or «расчёт по результатам года поддержки»; null before any results */
  outcome_basis: string | null;
  next_clusters: string[] | null;
}

/** Whole schools of one group (a cluster, or with / without a network pair) by effect and outcome. */
export interface EffectSummaryRow {
  grouping: 'cluster' | 'support' | 'section';
  label: string;
  schools: number;
  improved: number;
  unchanged: number;
  worsened: number;
  /** small groups, no base year, no re-measurement */
  not_measured: number;
  left_count: number;
  stayed: number;
  worse_cluster: number;
  outcome_unknown: number;
}

/** A mentee school before and after its network pair began, beside schools without a pair. */
export interface PairEffectRow {
  school_id: string;
  short_name: string;
  began: number;
  before_year: number;
  after_year: number;
  mentors: string[];
  cluster: string | null;
  indicator_title: string;
  higher_is_better: boolean;
  before_count: number | null;
  before_n: number | null;
  before_pct: number | null;
  after_count: number | null;
  after_n: number | null;
  after_pct: number | null;
  change_pp: number | null;
  significant: boolean | null;
  verdict: EffectVerdict;
  peer_schools: number;
  peer_before_count: number | null;
  peer_before_n: number | null;
  peer_before_pct: number | null;
  peer_after_count: number | null;
  peer_after_n: number | null;
  peer_after_pct: number | null;
  peer_change_pp: number | null;
  peer_significant: boolean | null;
  peer_verdict: EffectVerdict | 'нет школ для сравнения';
  /** the mentee's change minus the peers' change, п.п. */
  difference_pp: number | null;
}

/** One row of the proposed list of the next year. */
export interface ProposalRow {
  cluster: string;
  cluster_title: string;
  school_id: string;
  short_name: string;
  proposal: 'исключить' | 'оставить' | 'включить';
  reason: string;
  /** the next year's working list has it already */
  in_next_list: boolean;
}

export interface EffectsPage {
  /** list years with effects, newest first */
  years: number[];
  year: number | null;
  effects: SupportEffectRow[];
  summary: EffectSummaryRow[];
  /** pairs that began in the year */
  pairs: PairEffectRow[];
  /** the proposal for the list of year + 1 */
  proposal: ProposalRow[];
}

/** What accepting the proposal did to the next year's working list. */
export interface ProposalAccepted {
  year: number;
  added: number;
  removed: number;
  /** rows the next list already matched */
  unchanged: number;
}
