/** The school pages: the list of schools and one school's card, flags and results. */
import type { Hono } from 'hono';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { schoolId } from '../params.ts';
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

export function register(app: Hono, store: Store): void {
  app.get('/api/schools', async (c) => c.json(await runQuery<SchoolListRow>(store, 'school_list')));

  app.get('/api/schools/:id', async (c) => {
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
    return c.json({ school, results, flags, tasks, fg, teachers, custom });
  });
}
