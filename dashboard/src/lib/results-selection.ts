/**
 * Which procedure × year × subject × grade a page shows: taken from the URL when it is a valid
 * combination, otherwise ВПР, the latest year, Russian language (or the first subject) and the
 * lowest grade. ОГЭ and ЕГЭ have no grade.
 */
import type { Procedure, ResultsFilterOption } from '../../../contract/api/types.ts';

export interface ResultsSelection {
  procedure: Procedure;
  year: number;
  subject: string;
  grade?: number;
}

const PROCEDURES: readonly Procedure[] = ['ВПР', 'ОГЭ', 'ЕГЭ'];

const unique = <T>(values: T[]) => [...new Set(values)];
const byNumber = (a: number, b: number) => a - b;
const byRussian = (a: string, b: string) => a.localeCompare(b, 'ru');

function pick<T>(options: readonly T[], wanted: T | undefined, fallback: T): T {
  return wanted !== undefined && options.includes(wanted) ? wanted : fallback;
}

export function resolveSelection(
  options: readonly ResultsFilterOption[],
  query: URLSearchParams,
): ResultsSelection | undefined {
  if (options.length === 0) return undefined;
  const procedures = PROCEDURES.filter((p) => options.some((o) => o.procedure === p));
  const procedure = pick(procedures, query.get('procedure') as Procedure, procedures[0]!);
  const ofProcedure = options.filter((o) => o.procedure === procedure);
  const years = unique(ofProcedure.map((o) => o.year)).sort(byNumber);
  const year = pick(years, Number(query.get('year')), years[years.length - 1]!);
  const inYear = ofProcedure.filter((o) => o.year === year);
  const subjects = unique(inYear.map((o) => o.subject)).sort(byRussian);
  const subject = pick(
    subjects,
    query.get('subject') ?? undefined,
    subjects.includes('Русский язык') ? 'Русский язык' : subjects[0]!,
  );
  const grades = unique(
    inYear.filter((o) => o.subject === subject && o.grade != null).map((o) => o.grade!),
  ).sort(byNumber);
  if (grades.length === 0) return { procedure, year, subject };
  return { procedure, year, subject, grade: pick(grades, Number(query.get('grade')), grades[0]!) };
}

/** The choices offered by each filter, given the current selection. */
export function filterChoices(
  options: readonly ResultsFilterOption[],
  selection: ResultsSelection,
) {
  const ofProcedure = options.filter((o) => o.procedure === selection.procedure);
  const inYear = ofProcedure.filter((o) => o.year === selection.year);
  return {
    procedures: PROCEDURES.filter((p) => options.some((o) => o.procedure === p)),
    years: unique(ofProcedure.map((o) => o.year)).sort((a, b) => b - a),
    subjects: unique(inYear.map((o) => o.subject)).sort(byRussian),
    grades: unique(
      inYear.filter((o) => o.subject === selection.subject && o.grade != null).map((o) => o.grade!),
    ).sort(byNumber),
  };
}
