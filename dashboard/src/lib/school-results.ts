/** Shapes a school's ВПР rows for its page: the latest year's results, and one subject × grade over the years. */
import type { SchoolVprRow } from './api/types.ts';

export interface SubjectGrade {
  subject: string;
  grade: number;
}

const key = (r: SubjectGrade) => `${r.subject}|${r.grade}`;

export function latestYear(rows: readonly SchoolVprRow[]): number | undefined {
  return rows.length === 0 ? undefined : Math.max(...rows.map((r) => r.year));
}

export function subjectGrades(rows: readonly SchoolVprRow[]): SubjectGrade[] {
  const seen = new Map<string, SubjectGrade>();
  for (const r of rows) seen.set(key(r), { subject: r.subject, grade: r.grade });
  return [...seen.values()].sort(
    (a, b) => a.subject.localeCompare(b.subject, 'ru') || a.grade - b.grade,
  );
}

/** The subject × grade from the URL when the school has it, else Russian language of the lowest grade. */
export function pickSubjectGrade(
  rows: readonly SchoolVprRow[],
  query: URLSearchParams,
): SubjectGrade | undefined {
  const all = subjectGrades(rows);
  const wanted = all.find(
    (s) => s.subject === query.get('subject') && s.grade === Number(query.get('grade')),
  );
  return wanted ?? all.find((s) => s.subject === 'Русский язык') ?? all[0];
}

export const rowsOf = (rows: readonly SchoolVprRow[], pick: SubjectGrade) =>
  rows.filter((r) => key(r) === key(pick)).sort((a, b) => a.year - b.year);
