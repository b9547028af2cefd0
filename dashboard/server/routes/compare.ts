/**
 * «Сравнение лет»: the comparable series of the district, and two chosen years side by side —
 * the district on every indicator, each school on one indicator, and the status × change grid.
 * The school lists reach a country's size (40 000 schools), so they come a page at a time with
 * counts over all of them, and the chart and the grid's cells carry only the schools they show.
 */
import type { App } from '../auth/control.ts';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { badRequest, grade, label, parseQuery, year } from '../params.ts';
import {
  PAGE_HELP,
  pageParams,
  queryPage,
  queryPages,
  type PageSpec,
  unknownSort,
} from '../table-page.ts';
import type { PageRequest } from '../../../contract/table.ts';
import {
  COMPARE_INDICATORS,
  type CompareOption,
  type CompareOptions,
  type ComparePair,
  type CompareGrid,
  type CompareResult,
  type CompareSchoolsSummary,
  type GridCell,
  type GridSchoolRow,
} from '../../../contract/api/compare-types.ts';

const series = {
  indicator: z.enum(COMPARE_INDICATORS),
  topic: label,
  /** empty or absent: the series has no grade (ОГЭ, ЕГЭ, ФГ over all grades) */
  grade: z.preprocess((v) => (v === '' ? undefined : v), grade.optional()),
};
const yearsQuery = z.object({ year_a: year, year_b: year, ...series });
const compareQuery = yearsQuery.extend({ limit: pageParams.limit });
const schoolsQuery = yearsQuery.extend(pageParams);
const gridQuery = z.object({ year, ...series, limit: pageParams.limit });
const gridPageQuery = z.object({ year, ...series, ...pageParams });

const SERIES_HELP =
  'indicator — показатель (vpr_dolya2, vpr_kachestvo, oge_dolya2, ege_below_min, fg_low, fg_high), topic — предмет или направление ФГ, grade — класс (пусто, если класса нет)';
const YEARS_HELP = `year_a и year_b — учебные годы (например, 2025 и 2026), ${SERIES_HELP}`;

/** The school table's columns as the server sorts them (keys of the view's DataTable). */
const schoolsPage: PageSpec = {
  sort: {
    school: 'lower(short_name)',
    pct_a: 'pct_a',
    n_a: 'n_a',
    pct_b: 'pct_b',
    n_b: 'n_b',
    change: 'change_pp',
    z: 'z_score',
    significance:
      "CASE WHEN pct_a IS NOT NULL AND pct_b IS NOT NULL THEN CASE WHEN is_significant THEN 'значимо' ELSE 'не значимо' END END",
    direction: 'direction',
    note: "nullif(concat_ws('; ', CASE WHEN pct_a IS NULL THEN 'нет данных за А' END, CASE WHEN pct_b IS NULL THEN 'нет данных за Б' END, CASE WHEN is_small_n_a OR is_small_n_b THEN 'мало данных' END), '')",
    // The chart's order: significant changes first, then the largest in п.п. (|change| ≤ 100).
    largest: '(is_significant::INTEGER * 1000 + abs(change_pp))',
  },
  search: ['short_name', 'direction'],
  where: "level = 'school'",
  order: 'short_name, school_id',
  totals: {
    schools: 'count(*)',
    worse: "count(*) FILTER (WHERE is_significant AND direction = 'ухудшение')",
    better: "count(*) FILTER (WHERE is_significant AND direction = 'улучшение')",
    n_b_min: 'min(n_b)',
    n_b_max: 'max(n_b)',
  },
};
const NO_SCHOOLS: CompareSchoolsSummary = {
  schools: 0,
  worse: 0,
  better: 0,
  n_b_min: null,
  n_b_max: null,
};
const districtRows: PageSpec = {
  sort: {},
  search: [],
  where: "level = 'district'",
  // indicators in the view's order, then topic and grade
  order:
    "list_position(['vpr_dolya2', 'vpr_kachestvo', 'oge_dolya2', 'ege_below_min', 'fg_low', 'fg_high'], indicator), topic, grade NULLS LAST",
};
/** The grid table's columns as the server sorts them. */
const gridPage: PageSpec = {
  sort: {
    school: 'lower(short_name)',
    pct: 'pct',
    n: 'n',
    change: 'change_pp',
    significance: "CASE WHEN change_significant THEN 'значимо' ELSE 'не значимо' END",
    status: 'status_level',
    change_level: 'change_level',
    color: 'color_level',
  },
  search: ['short_name', 'color'],
  order: 'short_name, school_id',
};
const outsidePage: PageSpec = { sort: {}, search: [], order: 'short_name, school_id' };

/** The first order of each school table in the view. */
const FIRST_SCHOOLS = { sort: 'change', dir: 'desc' } as const;
const FIRST_GRID = { sort: 'color', dir: 'asc' } as const;
/** Up to this many schools the chart draws them all; above, the CHART_TOP largest changes. */
const CHART_ALL_MAX = 60;
const CHART_TOP = 40;
/** Schools named in a grid cell and in the «not in the grid» line. */
const GRID_LIST_MAX = 15;
const OUTSIDE_LIST_MAX = 30;

/** The selection of a request: the years checked to differ, the grade 0 for «no grade». */
function yearsSelection<Q extends z.infer<typeof yearsQuery>>(c: Context, query: Q) {
  const { year_a, year_b, indicator, topic, grade = null, ...rest } = query;
  if (year_a === year_b)
    return badRequest(c, 'Выберите два разных учебных года: сейчас год А и год Б совпадают.');
  return { years: { year_a, year_b, indicator, topic, grade: grade ?? 0 }, grade, rest };
}

/** The query parameters of a grid's series in one year (grade 0 for «no grade»). */
const gridParams = (q: z.infer<typeof gridQuery>) => ({
  year: q.year,
  indicator: q.indicator,
  topic: q.topic,
  grade: q.grade ?? 0,
});

/** The first page of a table: in its first order, `limit` rows (all without). */
const firstPage = (
  order: { sort: string; dir: 'asc' | 'desc' },
  limit: number | undefined,
): PageRequest => ({ ...order, offset: 0, ...(limit === undefined ? {} : { limit }) });

export function register(app: App, store: Store): void {
  registerOptions(app, store);
  registerYears(app, store);
  registerGrid(app, store);
}

/** The years and series that can be compared, and the smallest group shown. */
function registerOptions(app: App, store: Store): void {
  app.get('/api/compare/options', async (c) => {
    const [options, [health]] = await Promise.all([
      runQuery<CompareOption>(store, 'compare_options'),
      runQuery<{ min_n: number }>(store, 'health'),
    ]);
    const years = [...new Set(options.flatMap((o) => o.years))].sort((a, b) => a - b);
    const body: CompareOptions = { years, minN: health?.min_n ?? 10, options };
    return c.json(body);
  });
}

/** Two years side by side: the district, the schools' first page and the chart; then pages. */
function registerYears(app: App, store: Store): void {
  app.get('/api/compare', async (c) => {
    const query = parseQuery(
      c,
      compareQuery,
      `Параметры сравнения: ${YEARS_HELP}; limit — сколько школ прислать сразу (от 1 до 1000).`,
    );
    if (query instanceof Response) return query;
    const picked = yearsSelection(c, query);
    if (picked instanceof Response) return picked;
    const { years: params, grade, rest } = picked;
    // The pairs run once for the district's rows, the table's first page and the chart.
    const [district, schools, chart] = (await queryPages<ComparePair>(
      store,
      'compare_years',
      params,
      [
        { spec: districtRows, page: { offset: 0, dir: 'asc' } },
        { spec: schoolsPage, page: firstPage(FIRST_SCHOOLS, rest.limit) },
        {
          spec: schoolsPage,
          page: { sort: 'largest', dir: 'desc', offset: 0, limit: CHART_ALL_MAX + 1 },
        },
      ],
    ))!;
    const body: CompareResult = {
      yearA: params.year_a,
      yearB: params.year_b,
      selection: { indicator: params.indicator, topic: params.topic, grade },
      district: district!.rows,
      schools: schools!.rows,
      schoolsTotal: schools!.total,
      summary: (schools!.totals as CompareSchoolsSummary | undefined) ?? NO_SCHOOLS,
      chart: chart!.total > CHART_ALL_MAX ? chart!.rows.slice(0, CHART_TOP) : chart!.rows,
    };
    return c.json(body);
  });

  /** A page of the school table of a comparison. */
  app.get('/api/compare/schools', async (c) => {
    const query = parseQuery(c, schoolsQuery, `Параметры: ${YEARS_HELP}; ${PAGE_HELP}.`);
    if (query instanceof Response) return query;
    const picked = yearsSelection(c, query);
    if (picked instanceof Response) return picked;
    const page = await queryPage<ComparePair>(
      store,
      'compare_years',
      picked.years,
      schoolsPage,
      picked.rest,
    );
    return page ? c.json(page) : badRequest(c, unknownSort(schoolsPage, picked.rest.sort));
  });
}

/** The status × change grid of a series in one year, and pages of its schools. */
function registerGrid(app: App, store: Store): void {
  /** The grid of a series in one year: its cells, its schools' first page, the schools left out. */
  app.get('/api/compare/grid', async (c) => {
    const query = parseQuery(
      c,
      gridQuery,
      `Параметры сетки: year — учебный год, ${SERIES_HELP}; limit — сколько школ прислать сразу (от 1 до 1000).`,
    );
    if (query instanceof Response) return query;
    const { year, indicator, topic, grade = null, limit } = query;
    const params = gridParams(query);
    // Three queries side by side on the server's read connections.
    const [cells, schools, outside] = await Promise.all([
      runQuery<GridCell>(store, 'compare_grid', { ...params, list_max: GRID_LIST_MAX }),
      queryPage<GridSchoolRow>(
        store,
        'compare_grid_schools',
        params,
        gridPage,
        firstPage(FIRST_GRID, limit),
      ),
      queryPage<CompareGrid['outside']['rows'][number]>(
        store,
        'compare_grid_outside',
        params,
        outsidePage,
        { offset: 0, dir: 'asc', limit: OUTSIDE_LIST_MAX },
      ),
    ]);
    const body: CompareGrid = {
      year,
      selection: { indicator, topic, grade },
      cells,
      schools: schools!.rows,
      total: schools!.total,
      outside: outside!,
    };
    return c.json(body);
  });

  /** A page of the grid's schools. */
  app.get('/api/compare/grid/schools', async (c) => {
    const query = parseQuery(
      c,
      gridPageQuery,
      `Параметры: year — учебный год сетки, ${SERIES_HELP}; ${PAGE_HELP}.`,
    );
    if (query instanceof Response) return query;
    const { limit, offset, sort, dir, q } = query;
    const page = { limit, offset, sort, dir, q };
    const found = await queryPage<GridSchoolRow>(
      store,
      'compare_grid_schools',
      gridParams(query),
      gridPage,
      page,
    );
    return found ? c.json(found) : badRequest(c, unknownSort(gridPage, page.sort));
  });
}
