/**
 * The one owner of the model rebuild. Whatever changes what the models are built from — an
 * import, a new methodology version, a new version of the product's model SQL — asks
 * `refreshModels`, which decides what to rebuild: nothing when the models are up to date, the
 * changed years when only results of some years changed, else everything. Read-only work
 * (exports, briefings, the flags list) asks with `{ kind: 'read' }` and rebuilds nothing on an
 * up-to-date store — but first finishes a rebuild a crash interrupted (the marks in
 * model_pending, written in the same transaction as the rows; a rebuild clears them).
 */
import type { Store } from './db.ts';
import { buildModels, modelsFingerprint, writeModelsBuilt, writeModelsReading } from './models.ts';
import { currentMethodology, storeRevision } from './methodology-store.ts';
import { statementRow, statementRows } from './statements.ts';
import { faultPoint } from './fault-point.ts';
import type { Methodology } from '../contract/methodology.ts';
import type { FileReport } from '../contract/imports/report.ts';

export type ModelChange =
  /** a start or a read-only command: rebuild only what a new product version or methodology made stale */
  | { kind: 'read' }
  /** files were imported; their reports tell which years and which kind of data changed */
  | {
      kind: 'import';
      reports: readonly Pick<FileReport, 'outcome' | 'dataset' | 'years' | 'schoolsAdded'>[];
    }
  /** a new methodology version, stored and applied in one transaction */
  | { kind: 'methodology'; methodology: Methodology; user: string }
  /**
   * source tables the caller changed in its open transaction (the committee's list decisions):
   * the models reading them are rebuilt in that transaction, so rows and models commit together
   */
  | { kind: 'tables'; tables: readonly string[] }
  /** everything, whatever is stored (tests and benchmarks measure a full rebuild) */
  | { kind: 'all' };

/** Brings the models up to date after `change`; true when anything was rebuilt. */
export async function refreshModels(store: Store, change: ModelChange): Promise<boolean> {
  switch (change.kind) {
    case 'read':
      return finishPending(store, []);
    case 'import': {
      const loaded = change.reports.filter(
        (r) => r.outcome === 'loaded' || r.outcome === 'replaced',
      );
      return finishPending(store, loaded.length === 0 ? [] : changedYears(loaded));
    }
    case 'tables':
      await writeModelsReading(store, change.tables);
      return true;
    case 'all':
      await buildModels(store, await currentMethodology(store));
      return true;
    case 'methodology':
      await store.transaction(async () => {
        await storeRevision(store, change.methodology, change.user);
        faultPoint('after-methodology-stored');
        await writeModelsBuilt(store, change.methodology);
      });
      return true;
  }
}

/**
 * Rebuilds what the pending marks (written with the rows, see ingest/load.ts) and `changed` (the
 * years the caller changed; undefined: every year) call for; a crash between a load and its
 * rebuild leaves marks, so the next start or command finishes that rebuild here.
 */
async function finishPending(
  store: Store,
  changed: readonly number[] | undefined,
): Promise<boolean> {
  const methodology = await currentMethodology(store);
  const pending = await pendingYears(store);
  // Stale models (a new product version) cannot be patched year by year.
  if (!(await upToDate(store, methodology))) {
    await buildModels(store, methodology);
    return true;
  }
  const years =
    pending === undefined || changed === undefined ? undefined : union(pending, changed);
  if (years?.length === 0) return false;
  await buildModels(store, methodology, years);
  return true;
}

/** The years the pending marks name; undefined when one says every year. */
async function pendingYears(store: Store): Promise<number[] | undefined> {
  const rows = await statementRows<{ year: number | null }>(store, 'model_pending').catch(() => []);
  return rows.some((r) => r.year === null) ? undefined : rows.map((r) => r.year!);
}

const union = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])];

async function upToDate(store: Store, methodology: Methodology): Promise<boolean> {
  const built = await statementRow<{ fingerprint: string }>(store, 'model_build').catch(
    () => undefined,
  );
  return built?.fingerprint === modelsFingerprint(methodology);
}

/**
 * The years whose results the loaded files changed, when that is all they changed; undefined
 * when every model must be rebuilt (the registry or reference data changed, or new schools).
 */
export function changedYears(
  loaded: readonly Pick<FileReport, 'dataset' | 'years' | 'schoolsAdded'>[],
): number[] | undefined {
  const resultsOnly = loaded.every(
    (r) => !REFERENCE_DATASETS.has(r.dataset) && r.years.length > 0 && !r.schoolsAdded,
  );
  return resultsOnly ? [...new Set(loaded.flatMap((r) => r.years))] : undefined;
}

/** Data every model may read whatever the year: a change to it rebuilds everything. */
const REFERENCE_DATASETS = new Set<FileReport['dataset']>(['registry', 'grading_scale']);
