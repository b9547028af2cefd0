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
  recognise,
  type ImportOptions,
  type Recognised,
} from './import-rows.ts';
import { describeFormats } from './formats/index.ts';
import { loadParsed } from './load.ts';
import type { FileReport } from '../contract/imports/report.ts';
import { ProblemList, type Problem } from '../contract/imports/problems.ts';
import { readSourceFile } from './read/read-file.ts';
import type { SourceFile } from './read/table.ts';
import { InputLimitError } from './read/limits.ts';
import { ensureSchema } from './schema.ts';
import { yearsOf, type Dataset } from './datasets.ts';
import type { Format } from './formats/format.ts';
import { formatDecimal } from './values.ts';
import { customFormats } from './custom/mapping.ts';
import { bulkCandidate, bulkFormat, importBulk } from './bulk/import-bulk.ts';
import { csvHead } from './bulk/csv-file.ts';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const BULK_MIN_BYTES = 4 * 1024 * 1024;
const DEFAULT_MAX_ROWS = 500_000;

/** Imports one file given as bytes; `name` is only shown to people, never used as a path. */
export async function importFile(
  store: Store,
  name: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<FileReport> {
  const custom = await customFormats(store);
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
  const read = await readFile(name, bytes, options);
  if ('outcome' in read) return logged(store, read, '', options);
  return importSource(store, read, options, recognise(read, custom));
}

async function readFile(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<SourceFile | FileReport> {
  const problems = new ProblemList();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const refuse = (
    value: string | undefined,
    expected: string | undefined,
    message?: string,
    where: InputLimitError['where'] = {},
  ) => {
    problems.add({ severity: 'error', file: name, ...where, value, expected, message });
    return {
      file: name,
      rows: 0,
      years: [],
      outcome: 'rejected',
      problems: problems.items,
      moreProblems: 0,
    } as FileReport;
  };
  if (bytes.length > maxBytes)
    return refuse(
      `${formatDecimal(bytes.length / 1048576, 1)} МБ`,
      `файл не больше ${Math.round(maxBytes / 1048576)} МБ`,
    );
  let file: SourceFile;
  try {
    file = await readSourceFile(name, bytes, options.maxUnpackedBytes);
  } catch (error) {
    if (error instanceof InputLimitError)
      return refuse(error.value, error.expected, undefined, error.where);
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(undefined, undefined, `файл не читается как таблица XLSX или CSV (${reason})`);
  }
  const rows = file.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  if (rows > maxRows)
    return refuse(`${rows} строк`, `не больше ${maxRows} строк в файле; разделите файл на части`);
  return file;
}

async function importSource(
  store: Store,
  file: SourceFile,
  options: ImportOptions,
  found: Recognised | undefined,
): Promise<FileReport> {
  if (!found) {
    const problem: Problem = {
      severity: 'error',
      file: file.name,
      message: `формат файла не распознан по заголовкам столбцов. Известные форматы и их обязательные столбцы: ${describeFormats()}. Если это таблица показателей региона по школам, задайте сопоставление столбцов на странице «Загрузка данных»`,
    };
    const report: FileReport = {
      file: file.name,
      rows: 0,
      years: [],
      outcome: 'rejected',
      problems: [problem],
      moreProblems: 0,
      unrecognised: true,
    };
    return logged(store, report, file.sha256, options);
  }
  const { sheet, format } = found;
  return importRows(store, file, format, sheet.name, options, async (context) => {
    const parsed = format.parse({
      ...context,
      file,
      sheet,
      progress:
        options.onProgress && ((done, total) => options.onProgress!(file.name, done, total)),
    });
    return {
      rows: parsed.rows.length,
      years: yearsOf(parsed),
      load: (created, loadOptions) => loadParsed(store, file, format, parsed, created, loadOptions),
    };
  });
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
  custom: readonly Format[],
): Promise<Planned> {
  const bulk = bulkCandidate(path, options.bulkMinBytes ?? BULK_MIN_BYTES, custom);
  if (bulk)
    return {
      dataset: bulk.format.dataset,
      run: () => importBulk(store, path, bulk.head, bulk.format, options),
    };
  const file = await readFile(basename(path), readFileSync(path), options);
  if ('outcome' in file) return { dataset: undefined, run: () => logged(store, file, '', options) };
  const found = recognise(file, custom);
  return { dataset: found?.format.dataset, run: () => importSource(store, file, options, found) };
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
  const custom = await customFormats(store);
  const planned = await Promise.all(
    collectFiles(paths).map((path) => planImport(store, path, options, custom)),
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
