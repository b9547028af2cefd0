/**
 * ФГ (функциональная грамотность) page: the district's targets per direction × grade, each
 * school's contribution to the district gap for one direction, and the district trend.
 */
import type { App } from '../auth/control.ts';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { grade, label, parseQuery, year } from '../params.ts';
import { onlyOwnRows } from '../auth/scope.ts';
import type { FgDistrictRow, FgPage, FgSchoolRow, FgTrendRow } from '../../src/lib/api/fg-types.ts';

const fgQuery = z.object({
  year: year.optional(),
  /** a grade, or «all» (the default) for all grades pooled */
  grade: z.union([z.literal('all'), grade]).optional(),
  direction: label.optional(),
});

interface FilterRow {
  year: number;
  direction: string;
  grade: number | null;
}

/** The direction with the largest district gap to the low target (ties: alphabetical). */
export function largestGapDirection(rows: readonly FgDistrictRow[]): string | null {
  const sorted = [...rows].sort(
    (a, b) => b.low_gap_pp - a.low_gap_pp || a.direction.localeCompare(b.direction, 'ru'),
  );
  return sorted[0]?.direction ?? null;
}

export async function fgPage(store: Store, query: z.infer<typeof fgQuery>): Promise<FgPage> {
  const filters = await runQuery<FilterRow>(store, 'fg_filters');
  const years = [...new Set(filters.map((f) => f.year))].sort((a, b) => a - b);
  const chosenYear = query.year ?? years.at(-1) ?? null;
  const ofYear = filters.filter((f) => f.year === chosenYear);
  const grades = [...new Set(ofYear.flatMap((f) => (f.grade === null ? [] : [f.grade])))].sort(
    (a, b) => a - b,
  );
  const directions = [...new Set(ofYear.map((f) => f.direction))].sort((a, b) =>
    a.localeCompare(b, 'ru'),
  );
  const chosenGrade = query.grade === undefined || query.grade === 'all' ? null : query.grade;
  const district =
    chosenYear === null
      ? []
      : await runQuery<FgDistrictRow>(store, 'fg_district', { year: chosenYear });
  const direction =
    query.direction ?? largestGapDirection(district.filter((r) => r.grade === chosenGrade));
  const [schools, trend] =
    chosenYear === null || direction === null
      ? [[], []]
      : await Promise.all([
          runQuery<FgSchoolRow>(store, 'fg_schools', {
            year: chosenYear,
            direction,
            grade: chosenGrade,
          }),
          runQuery<FgTrendRow>(store, 'fg_trend', { direction, grade: chosenGrade }),
        ]);
  const first = district[0];
  return {
    year: chosenYear,
    grade: chosenGrade,
    direction,
    years,
    grades,
    directions,
    targets: first
      ? { low_target_pct: first.low_target_pct, high_target_pct: first.high_target_pct }
      : null,
    district,
    schools,
    trend,
  };
}

export function register(app: App, store: Store): void {
  app.get('/api/fg', async (c) => {
    const query = parseQuery(
      c,
      fgQuery,
      'Параметры страницы ФГ: year — учебный год числом (2026 для 2025/26), grade — класс от 1 до 11 или all (все классы), direction — название направления.',
    );
    if (query instanceof Response) return query;
    const page = await fgPage(store, query);
    return c.json({ ...page, schools: onlyOwnRows(c, page.schools) });
  });
}
