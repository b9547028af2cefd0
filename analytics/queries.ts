/**
 * Named queries: the only SQL the API runs. Each is a `.sql` file in queries/ with
 * `$named` parameters bound by the driver; no route accepts SQL text.
 */
import type { Params, Row, Store } from './db.ts';
import { sqlFiles } from './sql-files.ts';

export const QUERY_NAMES = [
  'health',
  'district_filters',
  'district_results',
  'district_distribution',
  'district_changes',
  'cluster_changes',
  'cluster_history',
  'cluster_span',
  'school_cluster_years',
  'working_list',
  'list_decisions',
  'working_list_entry',
  'working_list_years',
  'district_working_list',
  'school_working_list',
  'roadmap_years',
  'roadmap_measures',
  'roadmap_measure',
  'roadmap_clusters',
  'roadmap_schools',
  'school_roadmap',
  'risk_school_count',
  'school_card',
  'school_results',
  'school_task_deficits',
  'school_fg',
  'school_teachers',
  'school_list',
  'import_history',
  'store_contents',
  'school_custom',
  'risk_flags',
  'cluster_comparison',
  'triggered_flags',
  'compare_options',
  'compare_years',
  'compare_grid',
  'compare_grid_schools',
  'compare_grid_outside',
  'deficits_vpr_options',
  'deficits_teacher_years',
  'deficits_vpr_tasks',
  'deficits_vpr_schools',
  'deficits_teachers',
  'fg_filters',
  'fg_district',
  'fg_schools',
  'fg_schools_summary',
  'fg_trend',
  'briefing_measured',
  'briefing_sources',
  'briefing_district_shares',
  'briefing_changes',
  'briefing_recurring_tasks',
  'briefing_school_focus',
  'briefing_school_fg',
  'briefing_school_tasks',
  'briefing_years',
  'briefing_schools',
  'decision_lists',
  'effect_years',
  'support_effects',
  'support_effect_summary',
  'pair_effects',
  'list_proposal',
  'briefing_school_roadmap',
  'briefing_pairs_year',
  'pairs',
  'pair_years',
  'school_pairs',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

/** The text of a named query, from queries/<name>.sql. */
export const querySql = sqlFiles<QueryName>(new URL('./queries/', import.meta.url));

export function runQuery<T = Row>(store: Store, name: QueryName, params?: Params): Promise<T[]> {
  return store.all<T>(querySql(name), params);
}
