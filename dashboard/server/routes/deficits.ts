/**
 * «Дефициты»: ВПР task / checked-skill completion per school against the district, region and
 * RF (ФИС ОКО thresholds), and teacher competence deficits per area.
 */
import type { App } from '../auth/control.ts';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { grade, parseQuery, year } from '../params.ts';
import { onlyOwnRows } from '../auth/scope.ts';
import type {
  DeficitOptions,
  DeficitSchoolCell,
  DeficitTaskRow,
  DeficitVpr,
  TeacherDeficitRow,
  TeacherDeficits,
} from '../../../contract/api/deficits-types.ts';

const vprQuery = z.object({ year, subject: z.string().min(1).max(100), grade });
const teacherQuery = z.object({ year });

export function register(app: App, store: Store): void {
  app.get('/api/deficits/options', async (c) => {
    const [vpr, years] = await Promise.all([
      runQuery<DeficitOptions['vpr'][number]>(store, 'deficits_vpr_options'),
      runQuery<{ year: number }>(store, 'deficits_teacher_years'),
    ]);
    return c.json({ vpr, teacherYears: years.map((r) => r.year) } satisfies DeficitOptions);
  });

  app.get('/api/deficits/vpr', async (c) => {
    const params = parseQuery(
      c,
      vprQuery,
      'Укажите год (например, 2026), предмет (например, Математика) и класс (число от 1 до 11).',
    );
    if (params instanceof Response) return params;
    const [tasks, schools] = await Promise.all([
      runQuery<DeficitTaskRow>(store, 'deficits_vpr_tasks', params),
      runQuery<DeficitSchoolCell>(store, 'deficits_vpr_schools', params),
    ]);
    return c.json({ ...params, tasks, schools: onlyOwnRows(c, schools) } satisfies DeficitVpr);
  });

  app.get('/api/deficits/teachers', async (c) => {
    const params = parseQuery(
      c,
      teacherQuery,
      'Укажите год диагностики педагогов числом, например 2026.',
    );
    if (params instanceof Response) return params;
    const rows = await runQuery<TeacherDeficitRow>(store, 'deficits_teachers', params);
    return c.json({ year: params.year, rows: onlyOwnRows(c, rows) } satisfies TeacherDeficits);
  });
}
