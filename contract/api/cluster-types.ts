/** The working lists and their history on the wire (GET /api/clusters, /api/working-list). */

/** One cluster in one school year of the working list, against the year before. */
export interface ClusterHistoryRow {
  cluster: string;
  cluster_title: string;
  year: number;
  /** the previous year with lists; null in the first year of the series */
  prev_year: number | null;
  schools: number;
  /** null in the first year of the series (also entered, left_count, stayed, exit_pct) */
  prev_schools: number | null;
  entered: number | null;
  left_count: number | null;
  stayed: number | null;
  /** left of those on the list the year before, %; null when there were none */
  exit_pct: number | null;
  entered_names: string[];
  left_names: string[];
  stayed_names: string[];
}

/** One cluster's working list in year `from` against year `to`. */
export interface ClusterSpanRow {
  cluster: string;
  cluster_title: string;
  from_schools: number;
  to_schools: number;
  /** of `from`'s schools, still on the list in `to` */
  still: number;
  left_count: number;
  entered: number;
  /** left of `from`'s schools, %; null when there were none */
  exit_pct: number | null;
  still_names: string[];
  left_names: string[];
  entered_names: string[];
}

export type ListSource = 'регион' | 'решение комитета' | 'расчёт по методике';
export type ListAgreement =
  'совпадает' | 'только в списке' | 'только по расчёту' | 'нет правила в методике';

/** A school's cluster in a year of the working list. */
export interface SchoolClusterYear {
  school_id: string;
  short_name: string;
  year: number;
  cluster: string;
  source: ListSource;
}

/** GET /api/clusters: the series, the span between two years and every school's clusters. */
export interface ClusterHistoryPage {
  /** the years with lists, ascending */
  years: number[];
  history: ClusterHistoryRow[];
  span: { from: number; to: number; rows: ClusterSpanRow[] } | null;
  schools: SchoolClusterYear[];
}

/** A row of the working list beside the computed flags. */
export interface WorkingListRow {
  year: number;
  cluster: string;
  cluster_title: string;
  school_id: string;
  short_name: string | null;
  /** on the working list (false: computed only, a suggestion) */
  in_list: boolean;
  computed: boolean;
  source: ListSource | null;
  basis: string | null;
  /** ISO date the entry was listed or decided */
  listed_on: string | null;
  reason: string | null;
  agreement: ListAgreement;
  /** the computed flag's explanation */
  explanation: string | null;
}

/** A decision of the committee on its working list. */
export interface ListDecisionRow {
  decision_id: number;
  year: number;
  cluster: string;
  school_id: string;
  short_name: string | null;
  action: 'add' | 'remove';
  reason: string;
  basis: string | null;
  decided_by: string;
  decided_at: string;
}

/** GET /api/working-list?year=: the year's working list, the suggestions and the decisions. */
export interface WorkingListPage {
  year: number | null;
  /** years with a list or computed flags, ascending */
  years: number[];
  rows: WorkingListRow[];
  decisions: ListDecisionRow[];
}

/** POST /api/working-list: add a school to a cluster's list of a year, or remove it. */
export interface ListDecisionRequest {
  year: number;
  schoolId: string;
  cluster: string;
  action: 'add' | 'remove';
  reason: string;
  basis?: string | null;
}
