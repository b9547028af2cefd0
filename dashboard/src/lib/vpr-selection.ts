/**
 * Which year × subject × grade a page shows: taken from the URL when it is a valid
 * combination, otherwise the latest year, Russian language (or the first subject), lowest grade.
 */
import type { VprFilterOption } from './api/types.ts';

export interface VprSelection {
  year: number;
  subject: string;
  grade: number;
}

const uniqueSorted = <T>(values: T[], compare: (a: T, b: T) => number) =>
  [...new Set(values)].sort(compare);

export function resolveSelection(
  options: readonly VprFilterOption[],
  query: URLSearchParams,
): VprSelection | undefined {
  if (options.length === 0) return undefined;
  const years = uniqueSorted(
    options.map((o) => o.year),
    (a, b) => a - b,
  );
  const wantedYear = Number(query.get('year'));
  const year = years.includes(wantedYear) ? wantedYear : years[years.length - 1]!;
  const inYear = options.filter((o) => o.year === year);
  const subjects = uniqueSorted(
    inYear.map((o) => o.subject),
    (a, b) => a.localeCompare(b, 'ru'),
  );
  const wantedSubject = query.get('subject') ?? '';
  const subject = subjects.includes(wantedSubject)
    ? wantedSubject
    : subjects.includes('Русский язык')
      ? 'Русский язык'
      : subjects[0]!;
  const grades = uniqueSorted(
    inYear.filter((o) => o.subject === subject).map((o) => o.grade),
    (a, b) => a - b,
  );
  const wantedGrade = Number(query.get('grade'));
  const grade = grades.includes(wantedGrade) ? wantedGrade : grades[0]!;
  return { year, subject, grade };
}

/** The choices offered by each filter, given the current selection. */
export function filterChoices(options: readonly VprFilterOption[], selection: VprSelection) {
  const inYear = options.filter((o) => o.year === selection.year);
  return {
    years: uniqueSorted(
      options.map((o) => o.year),
      (a, b) => b - a,
    ),
    subjects: uniqueSorted(
      inYear.map((o) => o.subject),
      (a, b) => a.localeCompare(b, 'ru'),
    ),
    grades: uniqueSorted(
      inYear.filter((o) => o.subject === selection.subject).map((o) => o.grade),
      (a, b) => a - b,
    ),
  };
}
