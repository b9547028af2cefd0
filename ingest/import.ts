/**
 * The import path: read → recognise → parse and validate → match schools → load in one
 * transaction → rebuild models. Used by the CLI, the server and the demo bootstrap alike.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Store } from '../analytics/db.ts';
import { buildModels } from '../analytics/models.ts';
import { FORMATS, describeFormats } from './formats/index.ts';
import { loadParsed, type LoadOptions } from './load.ts';
import { type LoadOutcome } from '../contract/imports/report.ts';
import type { Outcome } from '../contract/imports/outcomes.ts';
import type { FileReport } from '../contract/imports/report.ts';
import {
  ImportRejected,
  ProblemList,
  describeProblem,
  type Problem,
} from '../contract/imports/problems.ts';
import { readSourceFile } from './read/read-file.ts';
import type { Sheet, SourceFile } from './read/table.ts';
import { SchoolMatcher, type RegistrySchool } from './schools.ts';
import { ensureSchema } from './schema.ts';
import { yearsOf, type Dataset, type RegistryRow } from './datasets.ts';
import type { Format, ParseContext, Reference } from './formats/format.ts';
import { loadLevelMappings } from './reference/levels.ts';
import { ScaleBook } from './reference/grading-scales.ts';
import { loadOrCreateSalt } from './teacher-key.ts';
import { formatDecimal } from './values.ts';
import { customFormats } from './custom/mapping.ts';
import { bulkCandidate, bulkFormat, importBulk } from './bulk/import-bulk.ts';
import { csvHead } from './bulk/csv-file.ts';
import { runStatement, statementRows } from './statements.ts';

export interface ImportOptions {
  dryRun?: boolean;
  replace?: boolean;
  /** add schools missing from the registry, taken from the file's school column */
  createSchools?: boolean;
  isDemo?: boolean;
  user?: string;
  /** file size limit (default 50 MB) */
  maxBytes?: number;
  /** rows per file limit (default 500 000) */
  maxRows?: number;
  /** how much an XLSX may unpack to (a zip-bomb guard; default 300 MB) */
  maxUnpackedBytes?: number;
  /** the key for teacher hashes; by default read from (or made in) TEACHER_SALT_PATH */
  teacherSalt?: string;
  onProgress?(file: string, done: number, total: number): void;
  /** CSV files from this size on take the bulk path when their layout allows (default 4 MB) */
  bulkMinBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const BULK_MIN_BYTES = 4 * 1024 * 1024;
const DEFAULT_MAX_ROWS = 500_000;

export async function loadRegistry(store: Store, createMissing = false): Promise<SchoolMatcher> {
  const rows = await statementRows<{
    school_id: string;
    full_name: string;
    short_name: string;
    aliases: string[];
  }>(store, 'registry_schools');
  const schools: RegistrySchool[] = rows.map((r) => ({
    schoolId: r.school_id,
    fullName: r.full_name,
    shortName: r.short_name,
    aliases: r.aliases ?? [],
  }));
  return new SchoolMatcher(schools, createMissing);
}

async function loadReference(store: Store, options: ImportOptions): Promise<Reference> {
  let salt = options.teacherSalt;
  return {
    levels: loadLevelMappings(),
    scales: await ScaleBook.load(store),
    teacherSalt: () =>
      (salt ??= loadOrCreateSalt(process.env.TEACHER_SALT_PATH ?? `${store.path}.teacher-salt`)),
  };
}

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
  const refuse = (value: string | undefined, expected: string | undefined, message?: string) => {
    problems.add({ severity: 'error', file: name, value, expected, message });
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
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(undefined, undefined, `файл не читается как таблица XLSX или CSV (${reason})`);
  }
  const rows = file.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  if (rows > maxRows)
    return refuse(`${rows} строк`, `не больше ${maxRows} строк в файле; разделите файл на части`);
  return file;
}

/** The first sheet of the file in a known layout, with that layout. */
type Recognised = { sheet: Sheet; format: Format };

export function recognise(
  file: SourceFile,
  custom: readonly Format[] = [],
): Recognised | undefined {
  for (const sheet of file.sheets) {
    const format = [...FORMATS, ...custom].find((f) => f.detect(sheet));
    if (format) return { sheet, format };
  }
  return undefined;
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

/** What reading a file's rows gives: their facts, and how to load them. */
export interface Reading {
  rows: number;
  years: number[];
  load(created: readonly RegistryRow[], options: LoadOptions): Promise<LoadOutcome>;
}

export type ReadContext = Pick<ParseContext, 'problems' | 'schools' | 'reference'>;

/**
 * The steps after the layout is known, whoever reads the rows (the JS reader or DuckDB):
 * read and check them, report new schools, load in one transaction, log the outcome.
 */
export async function importRows(
  store: Store,
  file: Pick<SourceFile, 'name' | 'sha256'>,
  format: Format,
  sheetName: string,
  options: ImportOptions,
  read: (context: ReadContext) => Promise<Reading>,
): Promise<FileReport> {
  const problems = new ProblemList();
  const report = (outcome: Outcome, extra: Partial<FileReport> = {}): FileReport => ({
    file: file.name,
    rows: 0,
    years: [],
    outcome,
    problems: problems.items,
    moreProblems: problems.dropped,
    ...extra,
  });
  const schools = await loadRegistry(store, options.createSchools);
  const reading = await read({ problems, schools, reference: await loadReference(store, options) });
  for (const school of schools.created)
    problems.add({
      severity: 'warning',
      file: file.name,
      sheet: sheetName,
      value: school.fullName,
      message: `школы нет в реестре: ${options.dryRun ? 'будет добавлена' : 'добавлена'} с ключом «${school.schoolId}» (тип не указан — уточните в реестре)`,
    });
  const facts = {
    format: format.title,
    dataset: format.dataset,
    rows: reading.rows,
    years: reading.years,
    ...(schools.created.length > 0 && { schoolsAdded: schools.created.length }),
  };
  if (reading.rows === 0 && !problems.hasErrors) {
    problems.add({
      severity: 'error',
      file: file.name,
      sheet: sheetName,
      message: 'в файле нет строк с данными под заголовком',
    });
  }
  if (problems.hasErrors) return logged(store, report('rejected', facts), file.sha256, options);
  try {
    const outcome = await reading.load(schools.created, {
      replace: options.replace ?? false,
      dryRun: options.dryRun ?? false,
      isDemo: options.isDemo ?? false,
      user: options.user ?? 'локальный пользователь',
    });
    if (options.dryRun) return report('checked', { ...facts, planned: outcome });
    return logged(store, report(outcome, facts), file.sha256, options);
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    for (const p of error.problems) problems.add(p);
    const conflicts = error.conflicts;
    return logged(store, report('rejected', { ...facts, conflicts }), file.sha256, options);
  }
}

async function logged(
  store: Store,
  report: FileReport,
  sha256: string,
  options: ImportOptions,
): Promise<FileReport> {
  if (options.dryRun) return report;
  const first = report.problems.find((p) => p.severity === 'error');
  await runStatement(store, 'log_import', {
    file: report.file,
    sha: sha256,
    dataset: report.dataset ?? null,
    outcome: report.outcome,
    rows: report.rows,
    message: first ? describeProblem(first) : null,
    user: options.user ?? 'локальный пользователь',
  });
  return report;
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
  const changed = reports.filter((r) => r.outcome === 'loaded' || r.outcome === 'replaced');
  if (changed.length > 0) await buildModels(store, undefined, changedYears(changed));
  return reports;
}

/**
 * The years whose results the loaded files changed, when that is all they changed; undefined
 * when every model must be rebuilt (the registry or reference data changed, or new schools).
 */
export function changedYears(loaded: readonly FileReport[]): number[] | undefined {
  const resultsOnly = loaded.every(
    (r) => importRank(r.dataset) === 2 && r.years.length > 0 && !r.schoolsAdded,
  );
  return resultsOnly ? [...new Set(loaded.flatMap((r) => r.years))] : undefined;
}
