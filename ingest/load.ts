/**
 * Writes one parsed file into the store in one transaction: the batch row, its rows, and
 * the removal of the rows it replaces. Re-importing the same file changes nothing; a file
 * that overlaps an earlier batch is rejected unless replacement was asked for.
 */
import type { LoadOutcome } from '../contract/imports/report.ts';
import type { DuckDBValue } from '@duckdb/node-api';
import type { Store } from '../analytics/db.ts';
import type { Dataset, RegistryRow, ResultDataset, RoadmapRow } from './datasets.ts';
import { DATASETS } from './datasets.ts';
import type { Prepared, PreparedResults } from './prepared.ts';
import { ImportRejected } from '../contract/imports/problems.ts';
import type { Format } from './formats/format.ts';
import type { SourceFile } from './read/table.ts';
import { runStatement, statementRow, statementRows } from './statements.ts';
import { roadmapLoadText, writeRoadmap } from './roadmap-load.ts';
import { changedYears } from '../analytics/rebuild.ts';
import { faultPoint } from '../analytics/fault-point.ts';
import {
  batchRowsSql,
  overlappingFilesSql,
  removeScopesSql,
  touchedBatchesSql,
  yearStoredSql,
} from './load-sql.ts';

export interface LoadOptions {
  replace: boolean;
  /** run everything, then roll back: tells what the import would do */
  dryRun: boolean;
  isDemo: boolean;
  user: string;
  /** told in Russian what the load did, when a dataset says more than its rows (the road map) */
  onSummary?(text: string): void;
}

/** The file as the store's history knows it. */
type FileIdentity = Pick<SourceFile, 'name' | 'sha256'>;

/** The result rows a file brings, however they were read (in JS or by DuckDB). */
export interface Incoming {
  dataset: ResultDataset;
  rows: number;
  years: number[];
  /** fills the temp table incoming_scope with the rows' scopes; `owned`: without shared rows */
  fillScopes(owned: boolean): Promise<void>;
  /** appends the rows under the batch */
  write(batchId: number): Promise<void>;
}

async function inTransaction<T>(store: Store, options: LoadOptions, work: () => Promise<T>) {
  if (options.dryRun) return store.trial(work);
  const result = await store.transaction(work);
  faultPoint('after-rows-committed');
  return result;
}

/**
 * Marks, inside the load's transaction, the models the rows change (analytics/rebuild.ts
 * clears the mark when its rebuild commits): a crash before the rebuild leaves the mark, and
 * the next start finishes the rebuild.
 */
async function markModelsPending(store: Store, years: readonly number[] | undefined) {
  for (const year of years ?? [null]) await runStatement(store, 'mark_models_pending', { year });
}

export async function loadPrepared(
  store: Store,
  file: FileIdentity,
  format: Format,
  prepared: Prepared,
  createdSchools: readonly RegistryRow[],
  options: LoadOptions,
): Promise<LoadOutcome> {
  if (prepared.dataset === 'roadmap')
    return loadRoadmap(store, file, format, prepared.rows, createdSchools, options);
  if (prepared.dataset !== 'registry')
    return loadIncoming(
      store,
      file,
      format,
      preparedIncoming(store, prepared),
      createdSchools,
      options,
    );
  return inTransaction(store, options, async () => {
    const facts = { dataset: prepared.dataset, rows: prepared.rows.length, years: [] };
    if (await stillStored(store, file, facts)) return 'unchanged';
    const batchId = await insertBatch(store, file, format, facts, options);
    await upsertRegistry(store, batchId, [...createdSchools, ...prepared.rows]);
    await markModelsPending(store, undefined);
    return 'loaded';
  });
}

/** Result rows in one transaction: the batch, new schools, replaced rows out, the rows in. */
export async function loadIncoming(
  store: Store,
  file: FileIdentity,
  format: Format,
  incoming: Incoming,
  createdSchools: readonly RegistryRow[],
  options: LoadOptions,
): Promise<LoadOutcome> {
  const { dataset } = incoming;
  return inTransaction(store, options, async () => {
    if (await stillStored(store, file, incoming)) return 'unchanged';
    const batchId = await insertBatch(store, file, format, incoming, options);
    if (createdSchools.length > 0) await upsertRegistry(store, batchId, createdSchools);
    let replaced = false;
    if (await storedInYears(store, dataset, incoming.years)) {
      await incoming.fillScopes(true);
      replaced = await removeReplaced(store, file, dataset, options.replace);
      await incoming.fillScopes(false);
      await removeScopes(store, dataset);
    }
    await incoming.write(batchId);
    const changed = { dataset, years: incoming.years, schoolsAdded: createdSchools.length };
    await markModelsPending(store, changedYears([changed]));
    return replaced ? 'replaced' : 'loaded';
  });
}

/** A road map in one transaction: the batch, then the year's measures as its new version. */
function loadRoadmap(
  store: Store,
  file: FileIdentity,
  format: Format,
  rows: readonly RoadmapRow[],
  createdSchools: readonly RegistryRow[],
  options: LoadOptions,
): Promise<LoadOutcome> {
  const facts = { dataset: 'roadmap' as const, rows: rows.length, years: yearsOfRows(rows) };
  return inTransaction(store, options, async () => {
    if (await stillStored(store, file, facts)) return 'unchanged';
    const batchId = await insertBatch(store, file, format, facts, options);
    if (createdSchools.length > 0) await upsertRegistry(store, batchId, createdSchools);
    const load = await writeRoadmap(store, batchId, rows, options.user);
    await markModelsPending(store, facts.years);
    options.onSummary?.(roadmapLoadText(load));
    return load.replaced > 0 ? 'replaced' : 'loaded';
  });
}

const yearsOfRows = (rows: readonly { year: number }[]) =>
  [...new Set(rows.map((r) => r.year))].sort();

/** Rows read and prepared in the file worker, appended through the store's appender. */
function preparedIncoming(store: Store, prepared: PreparedResults): Incoming {
  return {
    dataset: prepared.dataset,
    rows: prepared.rows,
    years: prepared.years,
    fillScopes: (owned) => setIncomingScopes(store, owned ? prepared.ownScopes : prepared.scopes),
    async write(batchId) {
      for (const target of prepared.tables)
        await store.append(target.table, target.records as DuckDBValue[][], [batchId]);
    },
  };
}

/** What the batch row records of the file's rows. */
type Facts = { dataset: Dataset; rows: number; years: readonly number[] };

async function insertBatch(
  store: Store,
  file: FileIdentity,
  format: Format,
  facts: Facts,
  options: LoadOptions,
): Promise<number> {
  const [row] = await statementRows<{ batch_id: number }>(store, 'insert_batch', {
    dataset: facts.dataset,
    format: format.id,
    name: file.name,
    sha: file.sha256,
    years: facts.years.join(','),
    rows: facts.rows,
    demo: options.isDemo,
    user: options.user,
  });
  return row!.batch_id;
}

/**
 * Adds or updates registry schools with their aliases and enrolment, in a few set statements
 * (a national registry has 40 000 schools).
 */
async function upsertRegistry(
  store: Store,
  batchId: number,
  rows: readonly RegistryRow[],
): Promise<void> {
  await runStatement(store, 'stage_registry_schools');
  await store.append(
    'incoming_school',
    rows.map((r) => [r.schoolId, r.fullName, r.shortName, r.schoolType, r.isRural, batchId]),
  );
  await runStatement(store, 'upsert_schools');
  await runStatement(store, 'clear_school_aliases');
  await store.append(
    'school_alias',
    rows.flatMap((r) => r.aliases.map((alias) => [r.schoolId, alias])),
  );
  const enrolled = rows.filter((r) => r.enrolment?.length);
  await runStatement(store, 'stage_enrolment');
  await store.append(
    'incoming_enrolment',
    enrolled.flatMap((r) =>
      r.enrolment!.map((e) => [r.schoolId, r.enrolmentYear ?? null, e.grade, e.pupils, batchId]),
    ),
  );
  await runStatement(store, 'clear_enrolment');
  await runStatement(store, 'insert_enrolment');
  await runStatement(store, 'drop_registry_staging');
}

/**
 * The same file (same SHA-256) was loaded before and none of its rows has been replaced
 * since: loading it again would change nothing.
 */
async function stillStored(store: Store, file: FileIdentity, facts: Facts): Promise<boolean> {
  const [same] = await statementRows<{ batch_id: number }>(store, 'batch_of_file', {
    sha: file.sha256,
    dataset: facts.dataset,
  });
  if (!same || facts.dataset === 'registry') return same !== undefined;
  const kept =
    facts.dataset === 'roadmap'
      ? await statementRow<{ n: number }>(store, 'roadmap_batch_rows', { id: same.batch_id })
      : await store.one<{ n: number }>(batchRowsSql(facts.dataset), { id: same.batch_id });
  return kept!.n === facts.rows;
}

/**
 * Whether the store has rows of the dataset in any of the file's years. Every scope includes the
 * year, so without them no stored row can share a scope: a new year's file (a national one has
 * millions of scopes) skips the scope checks.
 */
async function storedInYears(
  store: Store,
  dataset: ResultDataset,
  years: readonly number[],
): Promise<boolean> {
  if (years.length === 0) return true;
  for (const year of years) if (await store.one(yearStoredSql(dataset), { year })) return true;
  return false;
}

/**
 * Rows of other files in the scopes this file owns (incoming_scope) make a conflict: without `replace` an
 * error naming those files, with it they are removed.
 */
async function removeReplaced(
  store: Store,
  file: FileIdentity,
  dataset: ResultDataset,
  replace: boolean,
): Promise<boolean> {
  const overlap = await store.all<{ file_name: string; imported_at: string; n: number }>(
    overlappingFilesSql(dataset),
  );
  if (overlap.length === 0) return false;
  if (!replace) {
    const earlier = overlap
      .map((o) => `«${o.file_name}» (загружен ${o.imported_at}, строк: ${o.n})`)
      .join(', ');
    throw new ImportRejected(
      [
        {
          severity: 'error',
          file: file.name,
          message: `данные за те же сочетания (${DATASETS[dataset].scopeTitle}) уже загружены из файла ${earlier}. Чтобы заменить их исправленным файлом, повторите загрузку с ключом --replace (или подтвердите замену в интерфейсе)`,
        },
      ],
      overlap.map((o) => o.file_name),
    );
  }
  return true;
}

async function setIncomingScopes(store: Store, scopes: readonly string[]): Promise<void> {
  await runStatement(store, 'stage_scopes');
  await store.append(
    'incoming_scope',
    [...new Set(scopes)].map((s) => [s]),
  );
}

/**
 * Removes the stored rows in the incoming scopes. A batch left without rows leaves the history
 * too; one left with fewer rows keeps an honest row count.
 */
async function removeScopes(store: Store, dataset: ResultDataset): Promise<void> {
  const touched = await store.all<{ batch_id: number }>(touchedBatchesSql(dataset));
  if (touched.length === 0) return;
  for (const remove of removeScopesSql(dataset)) await store.run(remove);
  for (const { batch_id } of touched) {
    const rest = await store.one<{ n: number }>(batchRowsSql(dataset), { id: batch_id });
    if (rest!.n === 0) await runStatement(store, 'delete_batch', { id: batch_id });
    else await runStatement(store, 'set_batch_rows', { n: rest!.n, id: batch_id });
  }
}
