/**
 * The district's register of network pairs (GET /api/pairs?year=…): the pairs of a school year,
 * or of every year without `year` (`year=all`), with the counts of the summary line.
 */
import { z } from 'zod';
import type { App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { summarisePairs, type PairRow, type PairsPage } from '../../../contract/api/pairs-types.ts';
import { parseQuery, year } from '../params.ts';

/** a school year, «all» for every year; none: the latest year with pairs */
const pairsQuery = z.object({ year: z.union([z.literal('all'), year]).optional() });

export async function pairsPage(store: Store, wanted?: number | 'all'): Promise<PairsPage> {
  const years = (await runQuery<{ year: number }>(store, 'pair_years')).map((r) => r.year);
  const chosen = wanted === 'all' ? null : (wanted ?? years.at(-1) ?? null);
  const rows = years.length === 0 ? [] : await runQuery<PairRow>(store, 'pairs', { year: chosen });
  return { year: chosen, years, rows, summary: summarisePairs(rows) };
}

export function register(app: App, store: Store): void {
  app.get('/api/pairs', async (c) => {
    const query = parseQuery(
      c,
      pairsQuery,
      'year — учебный год числом (2024 для 2023/24) или all (все годы)',
    );
    if (query instanceof Response) return query;
    return c.json(await pairsPage(store, query.year));
  });
}
