/**
 * Paging, sorting and searching of a named query's rows in DuckDB, for the lists that reach a
 * country's size (40 000 schools): the answer is one page and the number of rows found, not
 * megabytes of JSON. Sort keys are looked up in a fixed table per list, never spliced from the
 * request; the search text is a bound parameter.
 */
import { z } from 'zod';
import type { Params, Store } from '../../analytics/db.ts';
import { querySql, type QueryName } from '../../analytics/queries.ts';
import { normalizeSearch, type PageRequest } from '../src/lib/table.ts';

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
}

export interface RowsPage<T> {
  rows: T[];
  /** rows found (all the rows of the list when there is no search) */
  total: number;
}

/** The 400 answer's text when a page is asked for in an order the list does not know. */
export const unknownSort = (spec: PageSpec, sort: string | undefined) =>
  `Нельзя сортировать по «${sort}»: можно по ${Object.keys(spec.sort).join(', ')}.`;

/** The SQL of one page; undefined when the sort key is not one of the spec's. */
export function pageSql(name: QueryName, spec: PageSpec, page: PageRequest): string | undefined {
  const order = page.sort === undefined ? undefined : spec.sort[page.sort];
  if (page.sort !== undefined && order === undefined) return undefined;
  // Text as the browser's search compares it: lower case, ё as е, runs of spaces as one.
  const haystack = `regexp_replace(replace(lower(concat_ws(chr(10), ${spec.search.join(', ')})), 'ё', 'е'), '\\s+', ' ', 'g')`;
  const where = [spec.where ?? 'true'];
  if (spec.search.length > 0)
    where.push(`($page_q::VARCHAR IS NULL OR strpos(${haystack}, $page_q) > 0)`);
  const sorted = order ? `${order} ${page.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, ` : '';
  return [
    `WITH listed AS (${querySql(name).trim().replace(/;$/, '')})`,
    'SELECT *, count(*) OVER ()::INTEGER AS page_total FROM listed',
    `WHERE ${where.join(' AND ')}`,
    `ORDER BY ${sorted}${spec.order}`,
    page.limit === undefined ? '' : 'LIMIT $page_limit OFFSET $page_offset',
  ].join('\n');
}

/** One page of a named query's rows; undefined when the sort key is unknown. */
export async function queryPage<T>(
  store: Store,
  name: QueryName,
  params: Params,
  spec: PageSpec,
  page: PageRequest,
): Promise<RowsPage<T> | undefined> {
  const sql = pageSql(name, spec, page);
  if (sql === undefined) return undefined;
  const q = normalizeSearch(page.q ?? '');
  const bound: Params = { ...params };
  if (spec.search.length > 0) bound.page_q = q === '' ? null : q;
  if (page.limit !== undefined) {
    bound.page_limit = page.limit;
    bound.page_offset = page.offset;
  }
  const found = await store.all<T & { page_total: number }>(sql, bound);
  const total = found[0]?.page_total ?? 0;
  return { rows: found.map(({ page_total: _, ...row }) => row as T), total };
}
