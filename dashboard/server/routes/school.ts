/** The school pages: the list of schools and one school's card, flags and results. */
import type { App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import type { SchoolClusterYear, WorkingListRow } from '../../../contract/api/cluster-types.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { z } from 'zod';
import { badRequest, parseQuery, schoolId } from '../params.ts';
import { PAGE_HELP, pageParams, queryPage, type PageSpec, unknownSort } from '../table-page.ts';
import { onlyOwnRows, ownSchool, refuseOtherSchool } from '../auth/scope.ts';
import type {
  CustomIndicatorValue,
  SchoolCard,
  SchoolFgRow,
  SchoolFlag,
  SchoolListRow,
  SchoolResultRow,
  SchoolTaskRow,
  SchoolTeacherRow,
} from '../../../contract/api/types.ts';
import type { SchoolPairRow } from '../../../contract/api/pairs-types.ts';

const RURAL = "CASE WHEN is_rural THEN 'сельская' WHEN NOT is_rural THEN 'городская' END";
/** The school list's columns as the server sorts and searches them (a country's 40 000 schools). */
const schoolList: PageSpec = {
  sort: {
    school: 'lower(short_name)',
    full_name: 'lower(full_name)',
    type: 'school_type',
    rural: RURAL,
    login: 'school_id',
    clusters: "array_to_string(clusters, ', ')",
  },
  search: [
    'short_name',
    'full_name',
    'school_type',
    RURAL,
    'school_id',
    "array_to_string(clusters, ', ')",
  ],
  // a school user sees their own school only
  where: '($own_school::VARCHAR IS NULL OR school_id = $own_school)',
  order: 'short_name, school_id',
};

export function register(app: App, store: Store): void {
  /** Every school; with `limit`, one page of them and the number found: `{ rows, total }`. */
  app.get('/api/schools', async (c) => {
    const page = parseQuery(c, z.object(pageParams), `Страница списка школ: ${PAGE_HELP}.`);
    if (page instanceof Response) return page;
    if (page.limit === undefined)
      return c.json(onlyOwnRows(c, await runQuery<SchoolListRow>(store, 'school_list')));
    const found = await queryPage<SchoolListRow>(
      store,
      'school_list',
      { own_school: ownSchool(c) },
      schoolList,
      page,
    );
    return found ? c.json(found) : badRequest(c, unknownSort(schoolList, page.sort));
  });

  app.get('/api/schools/:id', async (c) => {
    const refused = refuseOtherSchool(c, c.req.param('id'));
    if (refused) return refused;
    const id = schoolId.safeParse(c.req.param('id'));
    const [card] = id.success
      ? await runQuery<Omit<SchoolCard, 'partners'>>(store, 'school_card', { school_id: id.data })
      : [];
    if (!card)
      return c.json({ error: `Школа с кодом «${c.req.param('id')}» не найдена в реестре.` }, 404);
    const params = { school_id: card.school_id };
    // A school user is not shown other schools, its network partners included.
    const partners = ownSchool(c)
      ? []
      : await runQuery<SchoolPairRow>(store, 'school_pairs', params);
    const school: SchoolCard = { ...card, partners };
    const listYear = (await runQuery<{ year: number }>(store, 'working_list_years')).at(-1)?.year;
    const [results, flags, tasks, fg, teachers, custom, clusters, listRows] = await Promise.all([
      runQuery<SchoolResultRow>(store, 'school_results', params),
      runQuery<SchoolFlag>(store, 'risk_flags', { ...params, year: null, cluster: null }),
      runQuery<SchoolTaskRow>(store, 'school_task_deficits', params),
      runQuery<SchoolFgRow>(store, 'school_fg', params),
      runQuery<SchoolTeacherRow>(store, 'school_teachers', params),
      runQuery<CustomIndicatorValue>(store, 'school_custom', params),
      runQuery<SchoolClusterYear>(store, 'school_cluster_years', params),
      listYear === undefined
        ? []
        : runQuery<WorkingListRow>(store, 'school_working_list', { ...params, year: listYear }),
    ]);
    const workingList = { year: listYear ?? null, rows: listRows };
    return c.json({ school, results, flags, tasks, fg, teachers, custom, clusters, workingList });
  });
}
