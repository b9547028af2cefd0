/**
 * SQL models: one `.sql` file per table, named after it. Each declares what it reads; they are
 * built in dependency order (models built by year only for the changed years). Models take no
 * parameters except the methodology settings model. When to build them is decided by
 * analytics/rebuild.ts alone.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Store } from './db.ts';
import type { Methodology } from '../contract/methodology.ts';

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
    dependsOn: ['risk_flags', 'raw_official_cluster', 'methodology_cluster_rule', 'school'],
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
];

export const modelSql = (name: string) =>
  readFileSync(new URL(`./models/${name}.sql`, import.meta.url), 'utf8');

/** Models in an order where every model comes after what it reads. */
export function buildOrder(models: readonly ModelSpec[] = MODELS): ModelSpec[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const ordered: ModelSpec[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (model: ModelSpec) => {
    if (state.get(model.name) === 'done') return;
    if (state.get(model.name) === 'visiting')
      throw new Error(`Цикл зависимостей моделей: ${model.name}`);
    state.set(model.name, 'visiting');
    for (const dep of model.dependsOn) {
      const upstream = byName.get(dep);
      if (upstream) visit(upstream);
    }
    state.set(model.name, 'done');
    ordered.push(model);
  };
  models.forEach(visit);
  return ordered;
}

const methodologyParams = (m: Methodology) => ({
  min_n: m.minN,
  version: m.version,
  ege_high_from: m.egeHighFrom,
  basic_sufficient_from: m.taskThresholds.basic.sufficientFrom,
  basic_insufficient_below: m.taskThresholds.basic.insufficientBelow,
  advanced_sufficient_from: m.taskThresholds.advanced.sufficientFrom,
  advanced_insufficient_below: m.taskThresholds.advanced.insufficientBelow,
  trend_slope_pp: m.trendSlopePp,
  significance_z: m.significanceZ,
  recurring_deficit_schools_pct: m.recurringDeficitSchoolsPct,
  fg_low_max_pct: m.fgTargets.lowMaxPct,
  fg_high_min_pct: m.fgTargets.highMinPct,
});

/** The school year «2024/25» as the year it ends in, the form years are stored in. */
const endYear = (schoolYear: string) => Number(schoolYear.slice(0, 4)) + 1;

/**
 * The cluster rules of the methodology as a table the flag models join: one row per rule
 * version with the years it is in force and its own parameters as JSON.
 */
async function writeClusterRules(store: Store, m: Methodology): Promise<void> {
  await store.run(
    `CREATE OR REPLACE TABLE methodology_cluster_rule (cluster VARCHAR, title VARCHAR, rule VARCHAR,
       version VARCHAR, is_default BOOLEAN, effective_from INTEGER, effective_until INTEGER, params JSON)`,
  );
  for (const [cluster, { title, versions }] of Object.entries(m.clusters))
    for (const [i, { rule, version, isDefault, effectiveFrom, ...params }] of versions.entries()) {
      const next = versions[i + 1];
      await store.run(
        `INSERT INTO methodology_cluster_rule VALUES ($cluster, $title, $rule, $version, $is_default,
           $from, $until, $params::JSON)`,
        {
          cluster,
          title,
          rule,
          version,
          is_default: isDefault,
          from: endYear(effectiveFrom),
          until: next ? endYear(next.effectiveFrom) : null,
          params: JSON.stringify(params),
        },
      );
    }
}

/** The status × change grid of the methodology as two small tables the models can join. */
async function writeGridSettings(store: Store, m: Methodology): Promise<void> {
  await store.run(
    `CREATE OR REPLACE TABLE methodology_grid (indicator VARCHAR, status_cuts DOUBLE[], change_cuts DOUBLE[]);
     CREATE OR REPLACE TABLE methodology_grid_color (status_level INTEGER, change_level INTEGER, color_level INTEGER)`,
  );
  for (const [indicator, cuts] of Object.entries(m.statusChangeGrid.indicators))
    await store.run(
      'INSERT INTO methodology_grid VALUES ($indicator, $status::DOUBLE[], $change::DOUBLE[])',
      {
        indicator,
        status: `[${cuts.statusCutsPct.join(',')}]`,
        change: `[${cuts.changeCutsPp.join(',')}]`,
      },
    );
  await store.append(
    'methodology_grid_color',
    m.statusChangeGrid.colors.flatMap((row, s) => row.map((color, c) => [s + 1, c + 1, color])),
  );
}

/**
 * Writes the methodology tables, the SQL helpers and every model, outside any transaction.
 * With `years`, models built by year are rebuilt for those years only.
 */
export async function writeModels(
  store: Store,
  methodology: Methodology,
  years?: readonly number[],
): Promise<void> {
  await store.run(readFileSync(new URL('./models/macros.sql', import.meta.url), 'utf8'));
  await writeGridSettings(store, methodology);
  await writeClusterRules(store, methodology);
  // the years each model rebuilt by year changed
  const changed = new Map<string, readonly number[]>();
  for (const model of buildOrder()) {
    const params =
      model.name === 'methodology_setting' ? methodologyParams(methodology) : undefined;
    try {
      const affected =
        years && model.years && (await tableExists(store, model.name))
          ? affectedYears(model, years, changed)
          : undefined;
      if (affected) changed.set(model.name, await rebuildYears(store, model, affected));
      else await store.run(modelSql(model.name), params);
    } catch (error) {
      throw new Error(`Модель ${model.name} не построена: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}

const tableExists = async (store: Store, name: string) =>
  (await store.one(
    `SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary AND table_name = $name`,
    { name },
  )) !== undefined;

/**
 * The years of a model's rows that an import of `years` can change: those years and the ones its
 * by-year models changed; undefined when one of those was rebuilt whole.
 */
function affectedYears(
  model: ModelSpec,
  years: readonly number[],
  changed: ReadonlyMap<string, readonly number[]>,
): number[] | undefined {
  const found = new Set(years);
  for (const name of model.dependsOn) {
    if (!MODELS.some((m) => m.name === name && m.years)) continue;
    const upstream = changed.get(name);
    if (!upstream) return undefined;
    upstream.forEach((year) => found.add(year));
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Rebuilds a by-year model's rows of some years with the model's own SQL, turned into an insert:
 * - 'same': the tables it reads are shadowed by temp views holding those years only (and rows
 *   of no year, such as enrolment given for every year);
 * - 'earlier': it reads everything, and its rows from the first of those years on are replaced.
 * Returns the years whose rows it replaced.
 */
async function rebuildYears(
  store: Store,
  model: ModelSpec,
  years: readonly number[],
): Promise<readonly number[]> {
  const { db } = (await store.one<{ db: string }>('SELECT current_database() AS db'))!;
  const stored = (table: string) => `"${db.replace(/"/g, '""')}".main.${table}`;
  const select = modelSql(model.name)
    .trim()
    .replace(/;$/, '')
    .replace(/CREATE OR REPLACE TABLE \w+ AS/, '');
  if (model.years === 'earlier') {
    const from = Math.min(...years);
    await store.run(`DELETE FROM ${stored(model.name)} WHERE year >= $from`, { from });
    await store.run(
      `INSERT INTO ${stored(model.name)} SELECT * FROM (${select}\n) WHERE year >= $from`,
      { from },
    );
    const rebuilt = await store.all<{ year: number }>(
      `SELECT DISTINCT year FROM ${stored(model.name)} WHERE year >= $from`,
      { from },
    );
    return [...new Set([...years, ...rebuilt.map((r) => r.year)])].sort((a, b) => a - b);
  }
  const withYear = await store.all<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM duckdb_columns()
     WHERE database_name = current_database() AND column_name = 'year'`,
  );
  const sources = withYear.map((t) => t.table_name).filter((t) => model.dependsOn.includes(t));
  await store.run('CREATE OR REPLACE TEMP TABLE rebuild_years (year INTEGER)');
  await store.append(
    'rebuild_years',
    years.map((year) => [year]),
  );
  const inYears = 'year IN (SELECT year FROM temp.rebuild_years)';
  try {
    for (const table of sources)
      await store.run(
        `CREATE OR REPLACE TEMP VIEW ${table} AS
         SELECT * FROM ${stored(table)} WHERE ${inYears} OR year IS NULL`,
      );
    await store.run(`DELETE FROM ${stored(model.name)} WHERE ${inYears}`);
    await store.run(`INSERT INTO ${stored(model.name)} ${select}`);
  } finally {
    for (const table of sources) await store.run(`DROP VIEW IF EXISTS temp.${table}`);
  }
  return years;
}

/**
 * Builds the models in one transaction, so readers never see a half-built set. `years`: only
 * these years' data changed, so models built by year rebuild just them.
 */
export async function buildModels(
  store: Store,
  methodology: Methodology,
  years?: readonly number[],
): Promise<void> {
  await store.transaction(() => writeModelsBuilt(store, methodology, years));
}

/** Writes the models and what they were built from, inside the caller's transaction. */
export async function writeModelsBuilt(
  store: Store,
  methodology: Methodology,
  years?: readonly number[],
): Promise<void> {
  await writeModels(store, methodology, years);
  await store.run(
    'CREATE OR REPLACE TABLE model_build AS SELECT $fingerprint AS fingerprint, now()::TIMESTAMP AS built_at',
    { fingerprint: modelsFingerprint(methodology) },
  );
}

/** What the models are built from: their SQL and the methodology. Data changes rebuild on import. */
export const modelsFingerprint = (methodology: Methodology) => {
  const hash = createHash('sha256').update(
    readFileSync(new URL('./models/macros.sql', import.meta.url)),
  );
  for (const model of buildOrder()) hash.update(model.name).update(modelSql(model.name));
  return hash.update(JSON.stringify(methodology)).digest('hex');
};
