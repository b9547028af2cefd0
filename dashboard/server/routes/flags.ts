/** Computed risk-cluster flags with evidence, explanation and the condition that clears them. */
import { z } from 'zod';
import type { App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { schoolFilter } from '../auth/scope.ts';
import { badRequest, parseQuery, schoolId, year } from '../params.ts';
import { PAGE_HELP, pageParams, queryPage, type PageSpec, unknownSort } from '../table-page.ts';

const flagsQuery = z
  .object({
    year: year.optional(),
    school: schoolId.optional(),
    cluster: z.string().min(1).max(50).optional(),
  })
  .extend(pageParams);
/** The flags list as the server pages it: a country's year holds about 40 000 flags. */
const flagsPage: PageSpec = {
  sort: {
    year: 'year',
    school: 'lower(short_name)',
    login: 'school_id',
    cluster: 'cluster',
    triggered: 'triggered',
  },
  search: ['short_name', 'school_id', 'cluster', 'cluster_title'],
  order: 'year DESC, cluster, triggered DESC, short_name, school_id',
};

export function register(app: App, store: Store): void {
  app.get('/api/flags', async (c) => {
    const query = parseQuery(
      c,
      flagsQuery,
      `Параметры: year — учебный год (2026), school — логин ОО, cluster — кластер; страницей — ${PAGE_HELP}.`,
    );
    if (query instanceof Response) return query;
    const school = schoolFilter(c, query.school);
    if (school instanceof Response) return school;
    const { year = null, cluster = null, school: _, ...page } = query;
    const params = { year, school_id: school, cluster };
    const [flags, comparison] = await Promise.all([
      queryPage(store, 'risk_flags', params, flagsPage, page),
      runQuery(store, 'cluster_comparison', { year }),
    ]);
    if (!flags) return badRequest(c, unknownSort(flagsPage, page.sort));
    return c.json({ flags: flags.rows, total: flags.total, comparison: school ? [] : comparison });
  });
}
