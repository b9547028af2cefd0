/**
 * SQL models: one `.sql` file per table, named after it. Each declares what it reads; they are
 * built in dependency order (models built by year only for the changed years). Models take no
 * parameters except the methodology settings model. When to build them is decided by
 * analytics/rebuild.ts alone.
 */
import { createHash } from 'node:crypto';
import type { Store } from './db.ts';
import type { Methodology } from '../contract/methodology.ts';
import { MODELS, modelSql, type ModelSpec } from './model-specs.ts';
import { runStatement, statementRow, statementRows } from './statements.ts';
import * as rebuildSql from './rebuild-sql.ts';
import { faultPoint } from './fault-point.ts';

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
  await runStatement(store, 'create_cluster_rules');
  for (const [cluster, { title, versions }] of Object.entries(m.clusters))
    for (const [i, { rule, version, isDefault, effectiveFrom, ...params }] of versions.entries()) {
      const next = versions[i + 1];
      await runStatement(store, 'insert_cluster_rule', {
        cluster,
        title,
        rule,
        version,
        is_default: isDefault,
        from: endYear(effectiveFrom),
        until: next ? endYear(next.effectiveFrom) : null,
        params: JSON.stringify(params),
      });
    }
}

/** The status × change grid of the methodology as two small tables the models can join. */
async function writeGridSettings(store: Store, m: Methodology): Promise<void> {
  await runStatement(store, 'create_grid_settings');
  for (const [indicator, cuts] of Object.entries(m.statusChangeGrid.indicators))
    await runStatement(store, 'insert_grid_indicator', {
      indicator,
      status: `[${cuts.statusCutsPct.join(',')}]`,
      change: `[${cuts.changeCutsPp.join(',')}]`,
    });
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
  await store.run(modelSql('macros'));
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
  (await statementRow(store, 'table_exists', { name })) !== undefined;

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
  const { db } = (await statementRow<{ db: string }>(store, 'current_database'))!;
  if (model.years === 'earlier') {
    const from = Math.min(...years);
    await store.run(rebuildSql.deleteFromYearSql(db, model.name), { from });
    await store.run(rebuildSql.insertFromYearSql(db, model.name), { from });
    const rebuilt = await store.all<{ year: number }>(rebuildSql.yearsFromSql(db, model.name), {
      from,
    });
    return [...new Set([...years, ...rebuilt.map((r) => r.year)])].sort((a, b) => a - b);
  }
  const withYear = await statementRows<{ table_name: string }>(store, 'year_tables');
  const sources = withYear.map((t) => t.table_name).filter((t) => model.dependsOn.includes(t));
  await runStatement(store, 'create_rebuild_years');
  await store.append(
    'rebuild_years',
    years.map((year) => [year]),
  );
  try {
    for (const table of sources) await store.run(rebuildSql.yearViewSql(db, table));
    await store.run(rebuildSql.deleteYearsSql(db, model.name));
    await store.run(rebuildSql.insertYearsSql(db, model.name));
  } finally {
    for (const table of sources) await store.run(rebuildSql.dropYearViewSql(table));
  }
  return years;
}

/** The models that read any of `tables`, directly or through another model, in build order. */
export function modelsReading(tables: readonly string[]): ModelSpec[] {
  const changed = new Set(tables);
  return buildOrder().filter((model) => {
    if (!model.dependsOn.some((name) => changed.has(name))) return false;
    changed.add(model.name);
    return true;
  });
}

/**
 * Rebuilds, inside the caller's transaction, only the models that read `tables` (source tables
 * the caller changed in that transaction, such as the committee's list decisions): the rows and
 * the models built from them commit together.
 */
export async function writeModelsReading(store: Store, tables: readonly string[]): Promise<void> {
  await store.run(modelSql('macros'));
  for (const model of modelsReading(tables)) await store.run(modelSql(model.name));
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
  faultPoint('in-rebuild');
  await runStatement(store, 'write_model_build', { fingerprint: modelsFingerprint(methodology) });
  // Every pending change is in: the callers build at least the years the marks name.
  if (await statementRow(store, 'table_exists', { name: 'model_pending' }))
    await runStatement(store, 'clear_model_pending');
}

/** What the models are built from: their SQL and the methodology. Data changes rebuild on import. */
export const modelsFingerprint = (methodology: Methodology) => {
  const hash = createHash('sha256').update(modelSql('macros'));
  for (const model of buildOrder()) hash.update(model.name).update(modelSql(model.name));
  return hash.update(JSON.stringify(methodology)).digest('hex');
};
