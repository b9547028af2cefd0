/** The district page: filters, every school's results for one selection, and the year's overview. */
import type { App } from '../auth/control.ts';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { badRequest, grade, label, parseQuery, year } from '../params.ts';
import { PAGE_HELP, pageParams, queryPage, type PageSpec, unknownSort } from '../table-page.ts';
import type {
  ClusterCardRow,
  DistrictChange,
  DistrictOverview,
  DistrictResultRow,
  DistrictResults,
  KeyShareBand,
  ResultsFilterOption,
} from '../../../contract/api/types.ts';
import type { FgDistrictRow } from '../../../contract/api/fg-types.ts';
import { LEADER_CLUSTER } from '../../../contract/results.ts';

const selectionQuery = z.object({
  year,
  procedure: z.enum(['ВПР', 'ОГЭ', 'ЕГЭ']),
  subject: label,
  grade: grade.optional(),
});
const resultsQuery = selectionQuery.extend(pageParams);
const SELECTION_HELP =
  'Укажите учебный год, процедуру (ВПР, ОГЭ или ЕГЭ), предмет и для ВПР класс: ?year=2026&procedure=ВПР&subject=Математика&grade=5';

/** The school table's columns as the server sorts them (keys of the page's DataTable). */
const schoolsPage: PageSpec = {
  sort: {
    school: 'lower(short_name)',
    clusters: "array_to_string(clusters, ', ')",
    participants: 'participants_count',
    uspevaemost: 'uspevaemost_pct',
    kachestvo: 'kachestvo_pct',
    avg_mark: 'avg_mark',
    key: 'key_pct',
    dolya5: 'dolya5_pct',
    avg_test_score: 'avg_test_score',
    high_band: 'high_band_pct',
    score_100: 'score_100_count',
    prev: 'prev_key_pct',
    change: 'key_pct - prev_key_pct',
    trend: 'len(history)',
  },
  search: ['short_name', "array_to_string(clusters, ', ')"],
  where: "level = 'school'",
  order: 'short_name, school_id',
};
const benchmarkRows: PageSpec = {
  sort: {},
  search: [],
  where: "level <> 'school'",
  order: "CASE level WHEN 'district' THEN 1 WHEN 'region' THEN 2 ELSE 3 END",
};
const overviewQuery = z.object({ year });
/** Schools listed per cluster card (on the working list, suggested); the card counts all of them. */
const CLUSTER_LIST_MAX = 30;

export function register(app: App, store: Store): void {
  app.get('/api/district/filters', async (c) =>
    c.json(await runQuery<ResultsFilterOption>(store, 'district_filters')),
  );

  app.get('/api/district/results', async (c) => {
    const query = parseQuery(
      c,
      resultsQuery,
      `${SELECTION_HELP}; для страницы таблицы — ${PAGE_HELP}.`,
    );
    if (query instanceof Response) return query;
    const { year, procedure, subject, grade = null, ...page } = query;
    const params = { year, procedure, subject, grade };
    // The schools (one page, or all), and the district / region / RF rows under them: two
    // queries side by side on the server's read connections.
    const [schools, benchmarks] = await Promise.all([
      queryPage<DistrictResultRow>(store, 'district_results', params, schoolsPage, page),
      queryPage<DistrictResultRow>(store, 'district_results', params, benchmarkRows, {
        offset: 0,
        dir: 'asc',
      }),
    ]);
    if (!schools) return badRequest(c, unknownSort(schoolsPage, page.sort));
    const body: DistrictResults = {
      year,
      procedure,
      subject,
      ...(grade === null ? {} : { grade }),
      rows: [...schools.rows, ...benchmarks!.rows],
      total: schools.total,
    };
    return c.json(body);
  });

  /** How the schools of a selection spread over the key share: the chart of a large district. */
  app.get('/api/district/distribution', async (c) => {
    const query = parseQuery(c, selectionQuery, SELECTION_HELP);
    if (query instanceof Response) return query;
    const { grade = null, ...rest } = query;
    return c.json(await runQuery<KeyShareBand>(store, 'district_distribution', { ...rest, grade }));
  });

  app.get('/api/district/overview', async (c) => {
    const params = parseQuery(c, overviewQuery, 'Укажите учебный год: ?year=2026');
    if (params instanceof Response) return params;
    const [fg, clusters, changes, [risk]] = await Promise.all([
      runQuery<FgDistrictRow>(store, 'fg_district', params),
      runQuery<ClusterCardRow>(store, 'district_working_list', {
        ...params,
        list_max: CLUSTER_LIST_MAX,
      }),
      runQuery<DistrictChange>(store, 'district_changes', params),
      runQuery<{ schools: number }>(store, 'risk_school_count', {
        ...params,
        leader_cluster: LEADER_CLUSTER,
      }),
    ]);
    // All grades pooled, per direction.
    const pooled = fg.filter((r) => r.grade === null);
    const body: DistrictOverview = {
      year: params.year,
      fg: pooled,
      clusters,
      riskSchools: risk?.schools ?? 0,
      changes,
    };
    return c.json(body);
  });
}
