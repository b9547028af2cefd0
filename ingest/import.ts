/**
 * The import path: read → recognise → parse and validate → match schools → load in one
 * transaction → rebuild models. Used by the CLI, the server and the demo bootstrap alike.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Store } from '../analytics/db.ts';
import { refreshModels } from '../analytics/rebuild.ts';
import {
  importRows,
  logged,
  saltSource,
  type ImportOptions,
  type ReadContext,
} from './import-rows.ts';
import { FORMATS, describeFormats } from './formats/index.ts';
import { loadPrepared } from './load.ts';
import { preparedFacts } from './prepared.ts';
import type { FileReport } from '../contract/imports/report.ts';
import type { CustomMapping } from '../contract/imports/custom-mapping.ts';
import { refusal } from './read/open-file.ts';
import { ensureSchema } from './schema.ts';
import type { Dataset } from './datasets.ts';
import type { Format } from './formats/format.ts';
import { customFormat, customMappings } from './custom/mapping.ts';
import { bulkCandidate, bulkFormat, importBulk } from './bulk/import-bulk.ts';
import { csvHead } from './bulk/csv-file.ts';
import { FileWorker, ImportStopped, type OpenedFile } from './worker/worker-client.ts';
import type { CheckData, Checked } from './worker/protocol.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const BULK_MIN_BYTES = 4 * 1024 * 1024;
const DEFAULT_MAX_ROWS = 500_000;

/** The process's file worker: files are read and checked there, outside the server's process. */
export const fileWorker = new FileWorker();

const readLimits = (options: ImportOptions) => ({
  maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
  maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
  maxUnpackedBytes: options.maxUnpackedBytes,
});

/** Imports one file given as bytes; `name` is only shown to people, never used as a path. */
export async function importFile(
  store: Store,
  name: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<FileReport> {
  const mappings = await customMappings(store);
  const custom = mappings.map(customFormat);
  const size = bytes.length;
  const head = size >= (options.bulkMinBytes ?? BULK_MIN_BYTES) ? csvHead(bytes) : undefined;
  const format = size <= (options.maxBytes ?? DEFAULT_MAX_BYTES) && bulkFormat(head, custom);
  if (format) {
    // A large upload in a bulk layout goes to a temporary file, for DuckDB to read.
    const dir = mkdtempSync(join(tmpdir(), 'mko-upload-'));
    try {
      const path = join(dir, 'upload.csv');
      writeFileSync(path, bytes);
      return await importBulk(store, path, head!, format, options, name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const opened = await openInWorker(name, bytes, options, mappings);
  return importOpened(store, name, opened, options, custom);
}

/** A file opened in the worker, or the reason the worker stopped before it was read. */
async function openInWorker(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions,
  mappings: CustomMapping[],
): Promise<OpenedFile | ImportStopped> {
  try {
    return await fileWorker.open(name, bytes, readLimits(options), mappings);
  } catch (error) {
    if (error instanceof ImportStopped) return error;
    throw error;
  }
}

/** Checks and loads a file the worker has read; the worker forgets it afterwards. */
async function importOpened(
  store: Store,
  name: string,
  file: OpenedFile | ImportStopped,
  options: ImportOptions,
  custom: readonly Format[],
): Promise<FileReport> {
  if (file instanceof ImportStopped) return stopped(store, name, '', file, options);
  const { opened } = file;
  try {
    if ('refused' in opened) return await logged(store, opened.refused, '', options);
    if (!opened.recognised) return await logged(store, unrecognised(name), opened.sha256, options);
    const { formatId, sheetName } = opened.recognised;
    const format = [...FORMATS, ...custom].find((f) => f.id === formatId)!;
    const identity = { name, sha256: opened.sha256 };
    const progress =
      options.onProgress &&
      ((done: number, total: number) => options.onProgress!(name, done, total));
    return await importRows(store, identity, format, sheetName, options, async (context) => {
      const checked = await file.check(checkData(store, context, options), progress);
      absorb(context, checked);
      return {
        ...preparedFacts(checked.prepared),
        load: (created, loadOptions) =>
          loadPrepared(store, identity, format, checked.prepared, created, loadOptions),
      };
    });
  } catch (error) {
    if (!(error instanceof ImportStopped)) throw error;
    return stopped(store, name, 'sha256' in opened ? opened.sha256 : '', error, options);
  } finally {
    file.close();
  }
}

/** What the worker needs of the store to check rows. */
function checkData(store: Store, context: ReadContext, options: ImportOptions): CheckData {
  return {
    registry: [...context.schools.registry],
    createMissing: options.createSchools ?? false,
    scales: context.reference.scales.entries(),
    salt: saltSource(store, options),
    levelsPath: process.env.LEVELS_PATH,
    clusterNames: context.reference.clusterNames.names,
    given: context.given ?? {},
  };
}

/** The worker's findings join the import's own: its problems and the schools it adds. */
function absorb(context: ReadContext, checked: Checked): void {
  const { items, dropped, errors } = checked.problems;
  for (const problem of items) context.problems.add(problem);
  const listedErrors = items.filter((p) => p.severity === 'error').length;
  context.problems.addUnlisted(dropped, errors - listedErrors);
  context.schools.created.push(...checked.created);
}

/** A file whose reading or check was stopped (limit or cancel): refused, nothing written. */
const stopped = (
  store: Store,
  name: string,
  sha256: string,
  stop: ImportStopped,
  options: ImportOptions,
) => logged(store, refusal(name, { message: stop.message }), sha256, options);

function unrecognised(name: string): FileReport {
  return {
    ...refusal(name, {
      message: `формат файла не распознан по заголовкам столбцов. Известные форматы и их обязательные столбцы: ${describeFormats()}. Если это таблица показателей региона по школам, задайте сопоставление столбцов на странице «Загрузка данных»`,
    }),
    unrecognised: true,
  };
}

/**
 * Reference data goes first (the registry, then grading scales), so that the other files
 * of the same run can be matched and checked against it.
 */
export const importRank = (dataset: Dataset | undefined) =>
  dataset === 'registry' ? 0 : dataset === 'grading_scale' ? 1 : 2;

/** Lists the table files in the given paths; folders are walked in name order. */
export function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    } else if (/\.(csv|txt|xlsx)$/i.test(path)) files.push(path);
  };
  paths.forEach(walk);
  return files;
}

/** A file from disk ready to import: its dataset (for the order) and how to import it. */
interface Planned {
  dataset: Dataset | undefined;
  run(): Promise<FileReport>;
}

/**
 * Large CSV files in a layout with fields take the bulk path (read by DuckDB, never held in
 * memory); every other file is read whole, within the size and row limits.
 */
async function planImport(
  store: Store,
  path: string,
  options: ImportOptions,
  mappings: CustomMapping[],
): Promise<Planned> {
  const custom = mappings.map(customFormat);
  const bulk = bulkCandidate(path, options.bulkMinBytes ?? BULK_MIN_BYTES, custom);
  if (bulk)
    return {
      dataset: bulk.format.dataset,
      run: () => importBulk(store, path, bulk.head, bulk.format, options),
    };
  const name = basename(path);
  const file = await openInWorker(name, readFileSync(path), options, mappings);
  const dataset =
    !(file instanceof ImportStopped) && 'sha256' in file.opened
      ? file.opened.recognised?.dataset
      : undefined;
  return { dataset, run: () => importOpened(store, name, file, options, custom) };
}

/**
 * Imports files from disk, each in its own transaction, then rebuilds the models once.
 * Registry files go first (recognised by their headers), so the schools they add can be
 * matched in the other files of the same run.
 */
export async function importPaths(
  store: Store,
  paths: readonly string[],
  options: ImportOptions = {},
  onFile?: (report: FileReport, index: number, total: number) => void,
): Promise<FileReport[]> {
  await ensureSchema(store);
  const mappings = await customMappings(store);
  const planned = await Promise.all(
    collectFiles(paths).map((path) => planImport(store, path, options, mappings)),
  );
  planned.sort((a, b) => importRank(a.dataset) - importRank(b.dataset));
  const reports: FileReport[] = [];
  for (const [index, { run }] of planned.entries()) {
    const report = await run();
    reports.push(report);
    onFile?.(report, index, planned.length);
  }
  await refreshModels(store, { kind: 'import', reports });
  return reports;
}
