/** Shapes a school's results for its page: the latest year, and one procedure × subject × grade over the years. */
import type { SchoolResultRow } from '../../../contract/api/types.ts';

export interface ResultKey {
  procedure: string;
  subject: string;
  grade: number | null;
}

export const resultKey = (r: ResultKey) => `${r.procedure}|${r.subject}|${r.grade ?? ''}`;

/** «ВПР, Математика, 5 кл.» or «ЕГЭ, Физика» */
export const resultLabel = (r: ResultKey) =>
  `${r.procedure}, ${r.subject}${r.grade == null ? '' : `, ${r.grade} кл.`}`;

export function latestYear(rows: readonly SchoolResultRow[]): number | undefined {
  return rows.length === 0 ? undefined : Math.max(...rows.map((r) => r.year));
}

const PROCEDURE_ORDER = ['ВПР', 'ОГЭ', 'ЕГЭ'];

export function resultKeys(rows: readonly SchoolResultRow[]): ResultKey[] {
  const seen = new Map<string, ResultKey>();
  for (const r of rows)
    seen.set(resultKey(r), { procedure: r.procedure, subject: r.subject, grade: r.grade });
  return [...seen.values()].sort(
    (a, b) =>
      PROCEDURE_ORDER.indexOf(a.procedure) - PROCEDURE_ORDER.indexOf(b.procedure) ||
      a.subject.localeCompare(b.subject, 'ru') ||
      (a.grade ?? 0) - (b.grade ?? 0),
  );
}

/** The result from the URL (`?result=ВПР|Математика|5`) when the school has it, else its first ВПР in Russian. */
export function pickResult(
  rows: readonly SchoolResultRow[],
  query: URLSearchParams,
): ResultKey | undefined {
  const all = resultKeys(rows);
  return (
    all.find((k) => resultKey(k) === query.get('result')) ??
    all.find((k) => k.procedure === 'ВПР' && k.subject === 'Русский язык') ??
    all[0]
  );
}

export const historyOf = (rows: readonly SchoolResultRow[], key: ResultKey) =>
  rows.filter((r) => resultKey(r) === resultKey(key)).sort((a, b) => a.year - b.year);
