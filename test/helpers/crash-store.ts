/**
 * What the crash tests share (test/analytics/crash.test.ts, test/fault/*): a small store of
 * synthetic schools, the file and the methodology a killed process was writing, and the check
 * that every model is what a full rebuild of the stored rows gives.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { MODELS } from '../../analytics/model-specs.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { loadMethodology } from '../../analytics/methodology-file.ts';
import { methodologyInForce } from '../../analytics/methodology-store.ts';
import { writeCsv } from '../../data/generator/files.ts';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { importPaths } from '../../ingest/import.ts';
import { ensureSchema } from '../../ingest/schema.ts';
import { VPR_TASK_HEADER } from './fixtures.ts';

/** The methodology a save brings: 40 participants at least instead of 10. */
export const NEW_METHODOLOGY = { ...loadMethodology(), version: 'новая-2026', minN: 40 };

export interface CrashFiles {
  /** a store of 6 synthetic schools over 3 years, models built */
  base: string;
  /** a corrected 2025/26 file for one school's mathematics, grade 5, task 1: 0 % instead */
  correction: string;
  /** NEW_METHODOLOGY as a file */
  methodology: string;
}

export async function writeCrashFiles(dir: string): Promise<CrashFiles> {
  const files = writeSynthetic(join(dir, 'files'), { schools: 6, years: 3 });
  const base = join(dir, 'base.duckdb');
  const store = await Store.open(base);
  await ensureSchema(store);
  await importPaths(store, [
    files.registry,
    ...files.years.flatMap((y) => [y.tasks.path, y.marks]),
  ]);
  store.close();
  const correction = join(dir, 'исправление.csv');
  writeCsv(correction, [
    VPR_TASK_HEADER,
    ['2025/26', 'syn000001', 5, 'Математика', '1', 1, 'Б', 30, 0],
  ]);
  const methodology = join(dir, 'методика.json');
  writeFileSync(methodology, JSON.stringify(NEW_METHODOLOGY));
  return { base, correction, methodology };
}

/** Every model's rows, in a stable order. */
export async function allModels(store: Store) {
  const models: Record<string, unknown[]> = {};
  for (const { name } of MODELS)
    models[name] = await store.all(`SELECT * FROM ${name} ORDER BY ALL`);
  return models;
}

/**
 * The models as a matcher: fractions to 6 decimals, -0 as 0 — a parallel sum of doubles may
 * differ in its last bits from one build to the next.
 */
export const approx = (models: Record<string, unknown[]>) =>
  Object.fromEntries(
    Object.entries(models).map(([name, rows]) => [
      name,
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row as object).map(([key, value]) => [
            key,
            typeof value === 'number' ? expect.closeTo(value, 6) : value,
          ]),
        ),
      ),
    ]),
  );

/** Every model as a full rebuild gives, no mark left, nothing more for a start to do. */
export async function expectModelsAsRebuilt(store: Store) {
  const models = await allModels(store);
  expect(await store.all('SELECT * FROM model_pending')).toEqual([]);
  expect(await refreshModels(store, { kind: 'read' })).toBe(false);
  await refreshModels(store, { kind: 'all' });
  expect(models).toEqual(approx(await allModels(store)));
}

/** The corrected task's row in the model (after the correction: 0 % of 30). */
export const correctedTask = (store: Store) =>
  store.one(
    `SELECT completion_pct, participants_count FROM vpr_task_deficits
     WHERE year = 2026 AND school_id = 'syn000001' AND subject = 'Математика' AND grade = 5 AND task = '1'`,
  );

/** The version in force, and the version and minimum the models were built with. */
export async function methodologyState(store: Store) {
  const inForce = await methodologyInForce(store);
  return {
    inForce: inForce.methodology.version,
    saved: inForce.revision?.version ?? null,
    models: await store.one('SELECT version, min_n FROM methodology_setting'),
  };
}

/** methodologyState before any save: the methodology file's version. */
export const OLD_METHODOLOGY_STATE = {
  inForce: '2026.2-по-умолчанию',
  saved: null,
  models: { version: '2026.2-по-умолчанию', min_n: 10 },
};
