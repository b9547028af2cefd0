/**
 * The steps of an import once a file is read, shared by the JS reader (ingest/import.ts) and the
 * DuckDB bulk path (ingest/bulk/): recognise the layout, check the rows against the registry
 * and reference data, load them in one transaction, log the outcome.
 */
import type { Store } from '../analytics/db.ts';
import { FORMATS } from './formats/index.ts';
import type { LoadOptions } from './load.ts';
import type { FileReport, LoadOutcome } from '../contract/imports/report.ts';
import type { Outcome } from '../contract/imports/outcomes.ts';
import { ImportRejected, ProblemList, describeProblem } from '../contract/imports/problems.ts';
import type { Sheet, SourceFile } from './read/table.ts';
import { SchoolMatcher, type RegistrySchool } from './schools.ts';
import type { RegistryRow } from './datasets.ts';
import type { Format } from './formats/format.ts';
import type { GivenValues, ParseContext, Reference } from './formats/context.ts';
import { ClusterNameBook } from './reference/cluster-names.ts';
import { currentMethodology } from '../analytics/methodology-store.ts';
import { loadLevelMappings } from './reference/levels.ts';
import { ScaleBook } from './reference/grading-scales.ts';
import { loadOrCreateSalt, saltPath } from './teacher-key.ts';
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
  /** the school year of a list without a year column, as typed (--year 2023/24) */
  year?: string;
  /** the document that approved a list (--basis «распоряжение КО от 19.10.2023 № 356») */
  basis?: string;
}

/** The file-level values of the options, for the format's reader. */
export const givenValues = (options: ImportOptions): GivenValues => ({
  ...(options.year?.trim() && { year: options.year.trim() }),
  ...(options.basis?.trim() && { basis: options.basis.trim() }),
});

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

/** The teacher key given, or the file it is kept in (TEACHER_SALT_PATH, or next to the store). */
export const saltSource = (store: Store, options: ImportOptions) => ({
  key: options.teacherSalt,
  path: saltPath(store.path),
});

export async function loadReference(store: Store, options: ImportOptions): Promise<Reference> {
  const source = saltSource(store, options);
  let salt = source.key;
  return {
    levels: loadLevelMappings(),
    scales: await ScaleBook.load(store),
    teacherSalt: () => (salt ??= loadOrCreateSalt(source.path)),
    clusterNames: new ClusterNameBook((await currentMethodology(store)).clusterNames),
  };
}

/** The first sheet of the file in a known layout, with that layout. */
export type Recognised = { sheet: Sheet; format: Format };

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

/** What reading a file's rows gives: their facts, and how to load them. */
export interface Reading {
  rows: number;
  years: number[];
  load(created: readonly RegistryRow[], options: LoadOptions): Promise<LoadOutcome>;
}

export type ReadContext = Pick<ParseContext, 'problems' | 'schools' | 'reference' | 'given'>;

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
  const reference = await loadReference(store, options);
  const reading = await read({ problems, schools, reference, given: givenValues(options) });
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
    let summary: string | undefined;
    const outcome = await reading.load(schools.created, {
      replace: options.replace ?? false,
      dryRun: options.dryRun ?? false,
      isDemo: options.isDemo ?? false,
      user: options.user ?? 'локальный пользователь',
      onSummary: (text) => (summary = text),
    });
    const told = { ...facts, ...(summary !== undefined && { summary }) };
    if (options.dryRun) return report('checked', { ...told, planned: outcome });
    return logged(store, report(outcome, told), file.sha256, options);
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    for (const p of error.problems) problems.add(p);
    const conflicts = error.conflicts;
    return logged(store, report('rejected', { ...facts, conflicts }), file.sha256, options);
  }
}

export async function logged(
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
