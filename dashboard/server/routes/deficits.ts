/**
 * «Дефициты»: ВПР task / checked-skill completion per school against the district, region and
 * RF (ФИС ОКО thresholds), and teacher competence deficits per area.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { grade, year } from '../params.ts';
import type {
  DeficitOptions,
  DeficitSchoolCell,
  DeficitTaskRow,
  DeficitVpr,
  TeacherDeficitRow,
  TeacherDeficits,
} from '../../src/lib/api/deficits-types.ts';

const vprQuery = z.object({ year, subject: z.string().min(1).max(100), grade });
const teacherQuery = z.object({ year });

export function register(app: Hono, store: Store): void {
  app.get('/api/deficits/options', async (c) => {
    const [vpr, years] = await Promise.all([
      runQuery<DeficitOptions['vpr'][number]>(store, 'deficits_vpr_options'),
      runQuery<{ year: number }>(store, 'deficits_teacher_years'),
    ]);
    return c.json({ vpr, teacherYears: years.map((r) => r.year) } satisfies DeficitOptions);
  });

  app.get('/api/deficits/vpr', async (c) => {
    const parsed = vprQuery.safeParse(c.req.query());
    if (!parsed.success)
      return c.json(
        {
          error:
            'Укажите год (например, 2026), предмет (например, Математика) и класс (число от 1 до 11).',
        },
        400,
      );
    const params = parsed.data;
    const [tasks, schools] = await Promise.all([
      runQuery<DeficitTaskRow>(store, 'deficits_vpr_tasks', params),
      runQuery<DeficitSchoolCell>(store, 'deficits_vpr_schools', params),
    ]);
    return c.json({ ...params, tasks, schools } satisfies DeficitVpr);
  });

  app.get('/api/deficits/teachers', async (c) => {
    const parsed = teacherQuery.safeParse(c.req.query());
    if (!parsed.success)
      return c.json({ error: 'Укажите год диагностики педагогов числом, например 2026.' }, 400);
    const rows = await runQuery<TeacherDeficitRow>(store, 'deficits_teachers', parsed.data);
    return c.json({ year: parsed.data.year, rows } satisfies TeacherDeficits);
  });
}
