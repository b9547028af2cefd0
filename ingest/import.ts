/**
 * The import path: read → recognise → parse and validate → match schools → load in one
 * transaction → rebuild models. Used by the CLI, the server and the demo bootstrap alike.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Store } from '../analytics/db.ts';
import { buildModels } from '../analytics/models.ts';
import { FORMATS, describeFormats } from './formats/index.ts';
import { loadParsed, type LoadOutcome } from './load.ts';
import { ImportRejected, ProblemList, describeProblem, type Problem } from './problems.ts';
import { readSourceFile } from './read/read-file.ts';
import type { Sheet, SourceFile } from './read/table.ts';
import type { Format } from './formats/format.ts';
import { SchoolMatcher, type RegistrySchool } from './schools.ts';
import { ensureSchema } from './schema.ts';
import { yearsOf } from './datasets.ts';

export interface ImportOptions {
  dryRun?: boolean;
  replace?: boolean;
  isDemo?: boolean;
  user?: string;
  maxBytes?: number;
}

export type Outcome = LoadOutcome | 'rejected' | 'checked';

export const OUTCOME_TITLES: Record<Outcome, string> = {
  loaded: 'загружен',
  replaced: 'заменён',
  unchanged: 'без изменений',
  rejected: 'отклонён',
  checked: 'проверен (без записи)',
};

export interface FileReport {
  file: string;
  format?: string;
  dataset?: string;
  rows: number;
  years: number[];
  outcome: Outcome;
  problems: Problem[];
  /** problems beyond the cap, counted but not listed */
  moreProblems: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function loadRegistry(store: Store): Promise<SchoolMatcher> {
  const rows = await store.all<{
    school_id: string;
    full_name: string;
    short_name: string;
    aliases: string[];
  }>(
    `SELECT s.school_id, s.full_name, s.short_name, list(a.alias) FILTER (WHERE a.alias IS NOT NULL) AS aliases
     FROM school s LEFT JOIN school_alias a USING (school_id) GROUP BY ALL`,
  );
  const schools: RegistrySchool[] = rows.map((r) => ({
    schoolId: r.school_id,
    fullName: r.full_name,
    shortName: r.short_name,
    aliases: r.aliases ?? [],
  }));
  return new SchoolMatcher(schools);
}

/** Imports one file given as bytes; `name` is only shown to people, never used as a path. */
export async function importFile(
  store: Store,
  name: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<FileReport> {
  const read = await readFile(name, bytes, options);
  return 'outcome' in read ? logged(store, read, '', options) : importSource(store, read, options);
}

async function readFile(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<SourceFile | FileReport> {
  const problems = new ProblemList();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    problems.add({
      severity: 'error',
      file: name,
      value: `${(bytes.length / 1048576).toFixed(1)} МБ`,
      expected: `файл не больше ${Math.round(maxBytes / 1048576)} МБ`,
    });
  } else {
    try {
      return await readSourceFile(name, bytes);
    } catch (error) {
      problems.add({
        severity: 'error',
        file: name,
        message: `файл не читается как таблица XLSX или CSV (${error instanceof Error ? error.message : error})`,
      });
    }
  }
  return {
    file: name,
    rows: 0,
    years: [],
    outcome: 'rejected',
    problems: problems.items,
    moreProblems: 0,
  };
}

/** The first sheet of the file in a known layout, with that layout. */
function recognise(file: SourceFile): { sheet: Sheet; format: Format } | undefined {
  for (const sheet of file.sheets) {
    const format = FORMATS.find((f) => f.detect(sheet));
    if (format) return { sheet, format };
  }
  return undefined;
}

async function importSource(
  store: Store,
  file: SourceFile,
  options: ImportOptions,
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
  const found = recognise(file);
  if (!found) {
    problems.add({
      severity: 'error',
      file: file.name,
      message: `формат файла не распознан по заголовкам столбцов. Известные форматы и их обязательные столбцы: ${describeFormats()}`,
    });
    return logged(store, report('rejected'), file.sha256, options);
  }
  const { sheet, format } = found;
  const parsed = format.parse({ file, sheet, problems, schools: await loadRegistry(store) });
  const facts = {
    format: format.title,
    dataset: format.dataset,
    rows: parsed.rows.length,
    years: yearsOf(parsed),
  };
  if (parsed.rows.length === 0 && !problems.hasErrors) {
    problems.add({
      severity: 'error',
      file: file.name,
      sheet: sheet.name,
      message: 'в файле нет строк с данными под заголовком',
    });
  }
  if (problems.hasErrors) return logged(store, report('rejected', facts), file.sha256, options);
  if (options.dryRun) return report('checked', facts);
  try {
    const outcome = await loadParsed(store, file, format, parsed, {
      replace: options.replace ?? false,
      isDemo: options.isDemo ?? false,
      user: options.user ?? 'локальный пользователь',
    });
    return logged(store, report(outcome, facts), file.sha256, options);
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    for (const p of error.problems) problems.add(p);
    return logged(store, report('rejected', facts), file.sha256, options);
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
  await store.run(
    `INSERT INTO import_log (file_name, file_sha256, dataset, outcome, rows_count, message, imported_by, imported_at)
     VALUES ($file, $sha, $dataset, $outcome, $rows, $message, $user, now()::TIMESTAMP)`,
    {
      file: report.file,
      sha: sha256,
      dataset: report.dataset ?? null,
      outcome: report.outcome,
      rows: report.rows,
      message: first ? describeProblem(first) : null,
      user: options.user ?? 'локальный пользователь',
    },
  );
  return report;
}

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
  const files = await Promise.all(
    collectFiles(paths).map((path) => readFile(basename(path), readFileSync(path), options)),
  );
  const isRegistry = (f: SourceFile | FileReport) =>
    !('outcome' in f) && recognise(f)?.format.dataset === 'registry';
  const ordered = [...files.filter(isRegistry), ...files.filter((f) => !isRegistry(f))];
  const reports: FileReport[] = [];
  for (const [index, file] of ordered.entries()) {
    const report =
      'outcome' in file
        ? await logged(store, file, '', options)
        : await importSource(store, file, options);
    reports.push(report);
    onFile?.(report, index, ordered.length);
  }
  if (reports.some((r) => r.outcome === 'loaded' || r.outcome === 'replaced'))
    await buildModels(store);
  return reports;
}
