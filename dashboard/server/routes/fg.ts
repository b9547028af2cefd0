/**
 * ФГ (функциональная грамотность) page: the district's targets per direction × grade, each
 * school's contribution to the district gap for one direction, and the district trend.
 */
import type { App } from '../auth/control.ts';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { badRequest, grade, label, parseQuery, year } from '../params.ts';
import { ownSchool } from '../auth/scope.ts';
import { PAGE_HELP, pageParams, queryPage, type PageSpec, unknownSort } from '../table-page.ts';
import type {
  FgDistrictRow,
  FgPage,
  FgSchoolRow,
  FgSchoolsSummary,
  FgTrendRow,
} from '../../../contract/api/fg-types.ts';
import type { PageRequest } from '../../../contract/table.ts';

/** a grade, or «all» (the default) for all grades pooled */
const gradeOrAll = z.union([z.literal('all'), grade]).optional();
const fgQuery = z.object({ year: year.optional(), grade: gradeOrAll, direction: label.optional() });
const pageQuery = fgQuery.extend(pageParams);
const schoolsQuery = z.object({ year, grade: gradeOrAll, direction: label }).extend(pageParams);
const FG_HELP =
  'year — учебный год числом (2026 для 2025/26), grade — класс от 1 до 11 или all (все классы), direction — название направления';

/** The school table of the ФГ page as the server sorts it (keys of the page's columns). */
const fgSchools: PageSpec = {
  sort: {
    school: 'lower(short_name)',
    participants: 'participants_count',
    low_count: 'low_count',
    low_share: 'low_share_pct',
    low_gap: 'low_share_pct - low_target_pct',
    excess: 'low_excess_pupils',
    contribution: 'low_gap_contribution_pupils',
    high_share: 'high_share_pct',
    coverage: 'coverage_pct',
  },
  search: ['short_name'],
  // a school user sees the district as a whole and their own school's row only
  where: '($own_school::VARCHAR IS NULL OR school_id = $own_school)',
  order:
    'low_gap_contribution_pupils DESC, low_excess_pupils DESC, low_share_pct DESC, short_name, school_id',
};

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

/**
 * The page of one year × grade × direction; its schools are those of `page` (all without a
 * limit), with the figures over all of them in `summary`. Undefined when the sort is unknown.
 */
export async function fgPage(
  store: Store,
  query: z.infer<typeof fgQuery>,
  page: PageRequest = { offset: 0, dir: 'desc' },
  own: string | null = null,
): Promise<FgPage | undefined> {
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
  const selection = { year: chosenYear, direction, grade: chosenGrade, own_school: own };
  const [schools, summary, trend] =
    chosenYear === null || direction === null
      ? [
          { rows: [], total: 0 },
          { schools: 0, contributing: 0, over_target: 0, low_excess_pupils: 0 },
          [],
        ]
      : await Promise.all([
          queryPage<FgSchoolRow>(store, 'fg_schools', selection, fgSchools, page),
          runQuery<FgSchoolsSummary>(store, 'fg_schools_summary', selection).then((r) => r[0]!),
          runQuery<FgTrendRow>(store, 'fg_trend', { direction, grade: chosenGrade }),
        ]);
  if (!schools) return undefined;
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
    schools: schools.rows,
    summary,
    trend,
  };
}

export function register(app: App, store: Store): void {
  app.get('/api/fg', async (c) => {
    const query = parseQuery(
      c,
      pageQuery,
      `Параметры страницы ФГ: ${FG_HELP}; для школ страницей — ${PAGE_HELP}.`,
    );
    if (query instanceof Response) return query;
    const { year, grade, direction, ...page } = query;
    const body = await fgPage(store, { year, grade, direction }, page, ownSchool(c));
    return body ? c.json(body) : badRequest(c, unknownSort(fgSchools, page.sort));
  });

  /** One page of the ФГ school table (a country's schools are paged by the server). */
  app.get('/api/fg/schools', async (c) => {
    const query = parseQuery(c, schoolsQuery, `Параметры школ ФГ: ${FG_HELP}; ${PAGE_HELP}.`);
    if (query instanceof Response) return query;
    const { year, grade, direction, ...page } = query;
    const selection = {
      year,
      direction,
      grade: grade === undefined || grade === 'all' ? null : grade,
      own_school: ownSchool(c),
    };
    const found = await queryPage<FgSchoolRow>(store, 'fg_schools', selection, fgSchools, page);
    return found ? c.json(found) : badRequest(c, unknownSort(fgSchools, page.sort));
  });
}
