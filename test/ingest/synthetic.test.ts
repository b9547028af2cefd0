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

it('writes the same files for the same parameters, and they import without a problem', async () => {
  const first = writeSynthetic(join(t.dir, 'a'), { schools: 4, years: 2 });
  const second = writeSynthetic(join(t.dir, 'b'), { schools: 4, years: 2 });
  for (const [a, b] of [
    [first.registry, second.registry],
    ...first.tasks.map((task, i) => [task.path, second.tasks[i]!.path]),
  ])
    expect(readFileSync(a!)).toEqual(readFileSync(b!));
  expect(first.tasks.map((task) => [task.year, task.rows])).toEqual([
    [2025, 4 * TASKS_PER_SCHOOL],
    [2026, 4 * TASKS_PER_SCHOOL],
  ]);

  const reports = await importPaths(t.store, [first.registry, ...first.tasks.map((x) => x.path)]);
  expect(reports.map((r) => [r.outcome, r.rows, r.problems.length])).toEqual([
    ['loaded', 4, 0],
    ['loaded', 4 * TASKS_PER_SCHOOL, 0],
    ['loaded', 4 * TASKS_PER_SCHOOL, 0],
  ]);
  const [stored] = await t.store.all<{ n: number; schools: number; low: number; high: number }>(
    `SELECT count(*)::INTEGER AS n, count(DISTINCT school_id)::INTEGER AS schools,
            min(completion_pct) AS low, max(completion_pct) AS high FROM raw_vpr_tasks`,
  );
  expect(stored).toMatchObject({ n: 8 * TASKS_PER_SCHOOL, schools: 4 });
  expect(stored!.low).toBeGreaterThanOrEqual(0);
  expect(stored!.high).toBeLessThanOrEqual(100);
});
