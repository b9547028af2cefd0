/**
 * The models and the tables they read: one `.sql` file per model in models/, named after it,
 * with what it reads and how it is rebuilt by year. analytics/models.ts builds them; these
 * names are also the allow-list of the SQL builders of rebuild-sql.ts.
 */
import { sqlFiles } from './sql-files.ts';

export interface ModelSpec {
  name: string;
  /** tables and models this model reads */
  dependsOn: readonly string[];
  /**
   * What a year's rows are made of, so that an import of some years' results rebuilds only the
   * rows it can change (at a country's size, a minute less):
   * - 'same': rows of that year alone, of everything the model reads;
   * - 'earlier': rows of that year and of any year before it (a change since the previous year,
   *   a trend), so the rows from the first changed year on are rebuilt.
   * Models without it are rebuilt whole. A model with it reads no model without it that has a
   * year column (test/analytics/incremental.test.ts checks).
   */
  years?: 'same' | 'earlier';
}

/** Tables the models read: written by the importer, and the methodology grid the runner writes. */
export const SOURCE_TABLES = [
  'school',
  'school_alias',
  'raw_vpr_marks',
  'raw_vpr_participant',
  'raw_vpr_journal',
  'raw_vpr_tasks',
  'raw_vpr_planned',
  'raw_vpr_participant_task',
  'raw_fg_levels',
  'raw_fg_participant',
  'raw_teacher_diag',
  'school_enrolment',
  'raw_gia_participant',
  'raw_gia_school',
  'raw_grading_scale',
  'seed_grading_scale',
  'import_batch',
  'methodology_grid',
  'methodology_grid_color',
  'methodology_cluster_rule',
  'raw_official_cluster',
  'committee_list_decision',
  'raw_network_pair',
  'roadmap_measure',
] as const;

export const MODELS: readonly ModelSpec[] = [
  { name: 'methodology_setting', dependsOn: [] },
  {
    name: 'stg_vpr_marks',
    years: 'same',
    dependsOn: ['raw_vpr_marks', 'raw_vpr_participant', 'school'],
  },
  { name: 'ind_vpr', years: 'same', dependsOn: ['stg_vpr_marks', 'methodology_setting'] },
  {
    name: 'ind_vpr_journal',
    dependsOn: ['raw_vpr_journal', 'raw_vpr_participant', 'school', 'methodology_setting'],
  },
  {
    name: 'vpr_task_deficits',
    years: 'same',
    dependsOn: [
      'raw_vpr_planned',
      'raw_vpr_tasks',
      'raw_vpr_participant_task',
      'school',
      'methodology_setting',
    ],
  },
  {
    name: 'teacher_deficits',
    dependsOn: ['raw_teacher_diag', 'school', 'methodology_setting'],
  },
  {
    name: 'trend_shares',
    years: 'earlier',
    dependsOn: ['ind_vpr', 'ind_gia', 'fg_targets', 'methodology_setting'],
  },
  {
    name: 'status_change_grid',
    years: 'same',
    dependsOn: ['trend_shares', 'methodology_grid', 'methodology_grid_color'],
  },
  {
    name: 'stg_procedure_results',
    years: 'same',
    dependsOn: ['ind_vpr', 'ind_gia'],
  },
  {
    name: 'flags_fail_share',
    dependsOn: ['stg_procedure_results', 'methodology_cluster_rule', 'methodology_setting'],
  },
  {
    name: 'flags_objectivity',
    dependsOn: [
      'ind_vpr',
      'ind_vpr_journal',
      'ind_gia',
      'vpr_task_deficits',
      'raw_vpr_participant',
      'ref_grading_scale',
      'school',
      'methodology_cluster_rule',
      'methodology_setting',
    ],
  },
  {
    name: 'flags_rank_band',
    dependsOn: [
      'stg_procedure_results',
      'flags_objectivity',
      'methodology_cluster_rule',
      'methodology_setting',
    ],
  },
  {
    name: 'flags_decline',
    dependsOn: [
      'stg_procedure_results',
      'flags_fail_share',
      'flags_objectivity',
      'flags_rank_band',
      'methodology_cluster_rule',
      'methodology_setting',
    ],
  },
  {
    name: 'risk_flags',
    dependsOn: [
      'flags_fail_share',
      'flags_objectivity',
      'flags_rank_band',
      'flags_decline',
      'methodology_setting',
    ],
  },
  {
    name: 'cluster_comparison',
    dependsOn: ['risk_flags', 'raw_official_cluster', 'school'],
  },
  {
    name: 'ref_grading_scale',
    years: 'same',
    dependsOn: ['raw_grading_scale', 'seed_grading_scale'],
  },
  {
    name: 'ind_gia',
    years: 'same',
    dependsOn: [
      'raw_gia_participant',
      'raw_gia_school',
      'ref_grading_scale',
      'school',
      'methodology_setting',
    ],
  },
  { name: 'ind_results', dependsOn: ['ind_vpr', 'ind_gia'] },
  {
    name: 'stg_fg_levels',
    years: 'same',
    dependsOn: ['raw_fg_levels', 'raw_fg_participant', 'school'],
  },
  {
    name: 'fg_targets',
    years: 'same',
    dependsOn: ['stg_fg_levels', 'school_enrolment', 'methodology_setting'],
  },
  // The committee's working lists and their history (built after the flags they are checked against).
  {
    name: 'working_list',
    dependsOn: [
      'risk_flags',
      'raw_official_cluster',
      'import_batch',
      'committee_list_decision',
      'methodology_cluster_rule',
      'school',
    ],
  },
  { name: 'working_list_check', dependsOn: ['working_list', 'risk_flags', 'school'] },
  { name: 'cluster_history', dependsOn: ['working_list'] },
  // The register of network pairs, each school with its clusters of the pair's year.
  { name: 'network_pairs', dependsOn: ['raw_network_pair', 'working_list', 'school'] },
  // The effect of support: re-measurement of the listed schools and of network pairs' mentees.
  { name: 'effect_scope', dependsOn: ['methodology_cluster_rule'] },
  {
    name: 'support_effects',
    dependsOn: [
      'working_list',
      'effect_scope',
      'stg_procedure_results',
      'risk_flags',
      'network_pairs',
      'methodology_cluster_rule',
      'methodology_setting',
    ],
  },
  {
    name: 'pair_effects',
    dependsOn: [
      'network_pairs',
      'working_list',
      'effect_scope',
      'stg_procedure_results',
      'methodology_setting',
      'school',
    ],
  },
  { name: 'roadmap_reach', dependsOn: ['roadmap_measure', 'working_list'] },
];

/** The SQL of a model, from models/<name>.sql. */
/** A model's SQL, read once: the fingerprint of every refresh and each build read it again. */
export const modelSql = sqlFiles<string>(new URL('./models/', import.meta.url));
