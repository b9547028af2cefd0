/** The scale benchmark's synthetic country: the same bytes every run, and files the importer takes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { VPR_TASK_GRADES, vprTasks } from '../../data/generator/vpr-tasks.ts';
import { importPaths } from '../../ingest/import.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.dispose());

// Tasks of one school in one year: Русский язык and Математика, grades 4–8, every task.
const TASKS_PER_SCHOOL = VPR_TASK_GRADES.reduce(
  (sum, grade) => sum + vprTasks('RU', grade).length + vprTasks('MA', grade).length,
  0,
);

const filesOf = (files: ReturnType<typeof writeSynthetic>) => [
  files.registry,
  ...files.years.flatMap((y) => [y.tasks.path, y.marks, y.fg]),
];

it('writes the same files for the same parameters, and they import without a problem', async () => {
  const first = writeSynthetic(join(t.dir, 'a'), { schools: 4, years: 2 });
  const second = writeSynthetic(join(t.dir, 'b'), { schools: 4, years: 2 });
  const paths = filesOf(first);
  filesOf(second).forEach((path, i) => expect(readFileSync(path)).toEqual(readFileSync(paths[i]!)));
  expect(first.years.map((y) => [y.year, y.tasks.rows])).toEqual([
    [2025, 4 * TASKS_PER_SCHOOL],
    [2026, 4 * TASKS_PER_SCHOOL],
  ]);

  const reports = await importPaths(t.store, paths);
  const seen = reports.map((r) => [r.dataset, r.outcome, r.rows, r.problems.length]);
  // Per year: 4 schools × tasks; × 2 subjects × 5 grades of marks; × 6 ФГ directions × 5 levels.
  const year = [
    ['vpr_tasks', 'loaded', 4 * TASKS_PER_SCHOOL, 0],
    ['vpr_marks', 'loaded', 4 * 2 * VPR_TASK_GRADES.length, 0],
    ['fg_levels', 'loaded', 4 * 6 * 5, 0],
  ];
  expect(seen).toEqual([['registry', 'loaded', 4, 0], ...year, ...year]);
  const [stored] = await t.store.all<{ n: number; schools: number; low: number; high: number }>(
    `SELECT count(*)::INTEGER AS n, count(DISTINCT school_id)::INTEGER AS schools,
            min(completion_pct) AS low, max(completion_pct) AS high FROM raw_vpr_tasks`,
  );
  expect(stored).toMatchObject({ n: 8 * TASKS_PER_SCHOOL, schools: 4 });
  expect(stored!.low).toBeGreaterThanOrEqual(0);
  expect(stored!.high).toBeLessThanOrEqual(100);
  // Every marks group adds up to its participants, and the tasks carry the same participants.
  const mismatched = await t.store.all(
    `SELECT m.* FROM raw_vpr_marks m LEFT JOIN (SELECT DISTINCT year, subject, grade, school_id, participants FROM raw_vpr_tasks) t
     USING (year, subject, grade, school_id, participants)
     WHERE m.n2 + m.n3 + m.n4 + m.n5 <> m.participants OR t.school_id IS NULL`,
  );
  expect(mismatched).toEqual([]);
});
