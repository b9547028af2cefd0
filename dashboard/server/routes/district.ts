/** The district page: filters, every school's results for one selection, and the year's overview. */
import type { App } from '../auth/control.ts';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { grade, label, parseQuery, year } from '../params.ts';
import type {
  ClusterChange,
  DistrictChange,
  DistrictResultRow,
  ResultsFilterOption,
} from '../../src/lib/api/types.ts';
import type { FgDistrictRow } from '../../src/lib/api/fg-types.ts';

const resultsQuery = z.object({
  year,
  procedure: z.enum(['ВПР', 'ОГЭ', 'ЕГЭ']),
  subject: label,
  grade: grade.optional(),
});
const overviewQuery = z.object({ year });

export function register(app: App, store: Store): void {
  app.get('/api/district/filters', async (c) =>
    c.json(await runQuery<ResultsFilterOption>(store, 'district_filters')),
  );

  app.get('/api/district/results', async (c) => {
    const query = parseQuery(
      c,
      resultsQuery,
      'Укажите учебный год, процедуру (ВПР, ОГЭ или ЕГЭ), предмет и для ВПР класс: ?year=2026&procedure=ВПР&subject=Математика&grade=5',
    );
    if (query instanceof Response) return query;
    const { grade = null, ...rest } = query;
    const rows = await runQuery<DistrictResultRow>(store, 'district_results', { ...rest, grade });
    return c.json({ ...query, rows });
  });

  app.get('/api/district/overview', async (c) => {
    const params = parseQuery(c, overviewQuery, 'Укажите учебный год: ?year=2026');
    if (params instanceof Response) return params;
    const [fg, clusters, comparison, changes] = await Promise.all([
      runQuery<FgDistrictRow>(store, 'fg_district', params),
      runQuery<ClusterChange>(store, 'cluster_changes', params),
      runQuery(store, 'cluster_comparison', params),
      runQuery<DistrictChange>(store, 'district_changes', params),
    ]);
    // All grades pooled, per direction.
    const pooled = fg.filter((r) => r.grade === null);
    return c.json({ year: params.year, fg: pooled, clusters, comparison, changes });
  });
}
