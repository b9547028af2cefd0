/**
 * Paging, sorting and searching of a named query's rows in DuckDB, for the lists that reach a
 * country's size (40 000 schools): the answer is one page and the number of rows found, not
 * megabytes of JSON.
 *
 * This is a documented SQL builder (pagesSql), not a `.sql` file, because the page wraps any
 * named query and each list sorts, searches and counts over its own columns. Its rules:
 * - the SQL it splices in comes only from allow-lists: the named query's `.sql` file and the
 *   PageSpec constants the routes define (sort expressions, search columns, order, totals); a
 *   request only picks a sort key, which is looked up in the spec's fixed table, never spliced;
 * - every value (search text, limit, offset) is a bound parameter;
 * - test/analytics/named-queries.test.ts runs what it builds on a new store.
 */
import { z } from 'zod';
import type { Params, Store } from '../../analytics/db.ts';
import { querySql, type QueryName } from '../../analytics/queries.ts';
import { normalizeSearch, type PageRequest } from '../../contract/table.ts';

/** Query parameters of a page; without `limit` every row found comes back (downloads). */
export const pageParams = {
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  sort: z.string().max(40).optional(),
  dir: z.enum(['asc', 'desc']).default('desc'),
  q: z.string().max(200).optional(),
};

export const PAGE_HELP =
  'limit — строк на странице (от 1 до 1000), offset — сколько строк пропустить, sort — ключ столбца, dir — asc или desc, q — текст поиска';

export interface PageSpec {
  /** sort key (a column key of the page's table) → SQL expression over the query's columns */
  sort: Record<string, string>;
  /** SQL expressions of the text a search looks in (names, codes, labels) */
  search: string[];
  /** rows of the query the list holds (e.g. only schools, not the district's row) */
  where?: string;
  /**
   * The list's own order, down to a unique key: the whole order without a sort, the tiebreak
   * after one (so equal values keep one order and pages never overlap).
   */
  order: string;
  /** integer aggregates over the rows found (all of them without a search), by name: a view's counts */
  totals?: Record<string, string>;
}

export interface RowsPage<T> {
  rows: T[];
  /** rows found (all the rows of the list when there is no search) */
  total: number;
  /** the spec's totals, when it has any (and a row was found) */
  totals?: Record<string, unknown>;
}

/** The 400 answer's text when a page is asked for in an order the list does not know. */
export const unknownSort = (spec: PageSpec, sort: string | undefined) =>
  `Нельзя сортировать по «${sort}»: можно по ${Object.keys(spec.sort).join(', ')}.`;

/** The named query as the CTE `listed`, for the pages to select from. */
const listed = (name: QueryName, materialized = false) =>
  `WITH listed AS ${materialized ? 'MATERIALIZED ' : ''}(${querySql(name).trim().replace(/;$/, '')})`;

/** One list of a named query's rows: which rows, and which page of them in which order. */
export interface PageOf {
  spec: PageSpec;
  page: PageRequest;
}

/**
 * The CTEs of part `i` (one page of one list), ending in `part_i`; undefined when the sort key is
 * not the spec's. Totals are aggregates over the rows found, not windows (a filtered window
 * aggregate costs seconds over a country's rows); a plain count is a window (one pass).
 */
function partSql({ spec, page }: PageOf, i: number): string | undefined {
  const order = page.sort === undefined ? undefined : spec.sort[page.sort];
  if (page.sort !== undefined && order === undefined) return undefined;
  // Text as the browser's search compares it: lower case, ё as е, runs of spaces as one.
  const haystack = `regexp_replace(replace(lower(concat_ws(chr(10), ${spec.search.join(', ')})), 'ё', 'е'), '\\s+', ' ', 'g')`;
  const where = [spec.where ?? 'true'];
  if (spec.search.length > 0)
    where.push(`($page_q_${i}::VARCHAR IS NULL OR strpos(${haystack}, $page_q_${i}) > 0)`);
  const sorted = `${order ? `${order} ${page.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, ` : ''}${spec.order}`;
  const limit = page.limit === undefined ? '' : `LIMIT $page_limit_${i} OFFSET $page_offset_${i}`;
  const totals = Object.entries(spec.totals ?? {}).map(
    ([key, sql]) => `${key} := (${sql})::INTEGER`,
  );
  const ordered = `ORDER BY ${sorted} ${limit}`;
  // The page is ordered again (a few rows) to number its rows: the union keeps no order.
  const numbered = (rows: string) =>
    `part_${i} AS (\n  SELECT *, row_number() OVER (ORDER BY ${sorted}) AS page_row FROM (${rows})\n)`;
  const found = `SELECT * FROM listed WHERE ${where.join(' AND ')}`;
  if (totals.length === 0)
    return numbered(
      `SELECT ${i} AS page_part, *, count(*) OVER ()::INTEGER AS page_total, NULL AS page_totals FROM (${found}) ${ordered}`,
    );
  return `found_${i} AS MATERIALIZED (${found}),
counted_${i} AS (
  SELECT count(*)::INTEGER AS page_total, struct_pack(${totals.join(', ')}) AS page_totals
  FROM found_${i}
),
${numbered(`SELECT ${i} AS page_part, * FROM found_${i} CROSS JOIN counted_${i} ${ordered}`)}`;
}

/**
 * The statement of the pages of several lists over one named query, with its parameters (the
 * query's own and the pages'); undefined when a sort key is not the spec's.
 */
export function pagesSql(
  name: QueryName,
  params: Params,
  lists: readonly PageOf[],
): { sql: string; params: Params } | undefined {
  const parts = lists.map(partSql);
  if (parts.some((part) => part === undefined)) return undefined;
  const bound: Params = { ...params };
  lists.forEach(({ spec, page }, i) => {
    const q = normalizeSearch(page.q ?? '');
    if (spec.search.length > 0) bound[`page_q_${i}`] = q === '' ? null : q;
    if (page.limit !== undefined) {
      bound[`page_limit_${i}`] = page.limit;
      bound[`page_offset_${i}`] = page.offset;
    }
  });
  const sql = [
    `${listed(name, lists.length > 1)},`,
    parts.join(',\n'),
    lists.map((_, i) => `SELECT * FROM part_${i}`).join('\nUNION ALL\n'),
    'ORDER BY page_part, page_row',
  ].join('\n');
  return { sql, params: bound };
}

/**
 * Pages of several lists over one named query, which runs once (materialized): e.g. the page of
 * a comparison's schools, its chart's schools and the district's rows. Undefined when a sort key
 * is unknown.
 */
export async function queryPages<T>(
  store: Store,
  name: QueryName,
  params: Params,
  lists: PageOf[],
): Promise<RowsPage<T>[] | undefined> {
  const statement = pagesSql(name, params, lists);
  if (statement === undefined) return undefined;
  type Found = T & {
    page_part: number;
    page_total: number;
    page_totals: Record<string, unknown> | null;
    page_row: number;
  };
  const found = await store.all<Found>(statement.sql, statement.params);
  return lists.map((_, i) => {
    const rows = found.filter((row) => row.page_part === i);
    const totals = rows[0]?.page_totals;
    return {
      rows: rows.map(
        ({ page_part: _p, page_total: _t, page_totals: _s, page_row: _r, ...row }) => row as T,
      ),
      total: rows[0]?.page_total ?? 0,
      ...(totals ? { totals } : {}),
    };
  });
}

/** One page of a named query's rows; undefined when the sort key is unknown. */
export async function queryPage<T>(
  store: Store,
  name: QueryName,
  params: Params,
  spec: PageSpec,
  page: PageRequest,
): Promise<RowsPage<T> | undefined> {
  return (await queryPages<T>(store, name, params, [{ spec, page }]))?.[0];
}
