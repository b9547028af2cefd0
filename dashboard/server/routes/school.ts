/** The school pages: the list of schools and one school's card, flags and results. */
import type { App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { schoolId } from '../params.ts';
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
} from '../../src/lib/api/types.ts';

export function register(app: App, store: Store): void {
  app.get('/api/schools', async (c) =>
    c.json(onlyOwnRows(c, await runQuery<SchoolListRow>(store, 'school_list'))),
  );

  app.get('/api/schools/:id', async (c) => {
    const refused = refuseOtherSchool(c, c.req.param('id'));
    if (refused) return refused;
    const id = schoolId.safeParse(c.req.param('id'));
    const [school] = id.success
      ? await runQuery<SchoolCard>(store, 'school_card', { school_id: id.data })
      : [];
    if (!school)
      return c.json({ error: `Школа с кодом «${c.req.param('id')}» не найдена в реестре.` }, 404);
    const params = { school_id: school.school_id };
    const [results, flags, tasks, fg, teachers, custom] = await Promise.all([
      runQuery<SchoolResultRow>(store, 'school_results', params),
      runQuery<SchoolFlag>(store, 'risk_flags', { ...params, year: null, cluster: null }),
      runQuery<SchoolTaskRow>(store, 'school_task_deficits', params),
      runQuery<SchoolFgRow>(store, 'school_fg', params),
      runQuery<SchoolTeacherRow>(store, 'school_teachers', params),
      runQuery<CustomIndicatorValue>(store, 'school_custom', params),
    ]);
    // A school user is not shown other schools, its network partners included.
    if (ownSchool(c)) school.partners = [];
    return c.json({ school, results, flags, tasks, fg, teachers, custom });
  });
}
