/**
 * Rebuilding by year: after an import of one year's results, models built by year are rebuilt
 * for that year alone, and must hold exactly what a full rebuild gives.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildModels, ensureModels } from '../../analytics/models.ts';
import { writeCsv } from '../../data/generator/files.ts';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { changedYears, importPaths, type FileReport } from '../../ingest/import.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';
import { VPR_TASK_HEADER } from '../helpers/fixtures.ts';

let t: TempStore;
beforeAll(async () => {
  t = await tempStore();
  const files = writeSynthetic(join(t.dir, 'files'), { schools: 6, years: 2 });
  await importPaths(t.store, [
    files.registry,
    ...files.years.flatMap((y) => [y.tasks.path, y.marks]),
  ]);
});
afterAll(() => t.dispose());

const deficits = () => t.store.all(`SELECT * FROM vpr_task_deficits ORDER BY ALL`);

it('rebuilds the imported year of the task deficits and gets what a full rebuild gets', async () => {
  const before = await deficits();
  // A corrected 2025/26 file for one school's mathematics, grade 5, task 1: 0 % instead.
  const path = join(t.dir, 'исправление.csv');
  writeCsv(path, [VPR_TASK_HEADER, ['2025/26', 'syn000001', 5, 'Математика', '1', 1, 'Б', 30, 0]]);
  const run = vi.spyOn(t.store, 'run');
  const [report] = await importPaths(t.store, [path], { replace: true });
  expect(report!.outcome).toBe('replaced');
  const statements = run.mock.calls.map(([sql]) => sql);
  run.mockRestore();
  // The by-year path ran: the 2025/26 rows were deleted and inserted anew, not the table rebuilt.
  expect(statements.some((sql) => /^DELETE FROM .*vpr_task_deficits/.test(sql))).toBe(true);
  expect(statements.some((sql) => /CREATE OR REPLACE TABLE vpr_task_deficits/.test(sql))).toBe(
    false,
  );

  const incremental = await deficits();
  await buildModels(t.store);
  expect(incremental).toEqual(await deficits());
  // 2024/25 is as it was; the corrected school's task reads 0 % now.
  const year = (rows: unknown[], y: number) =>
    rows.filter((r) => (r as { year: number }).year === y);
  expect(year(incremental, 2025)).toEqual(year(before, 2025));
  const [task] = await t.store.all(
    `SELECT completion_pct, participants_count FROM vpr_task_deficits
     WHERE year = 2026 AND school_id = 'syn000001' AND subject = 'Математика' AND grade = 5 AND task = '1'`,
  );
  expect(task).toEqual({ completion_pct: 0, participants_count: 30 });
});

it('rebuilds everything when the registry or new schools came with the files', () => {
  const report = (extra: Partial<FileReport>): FileReport => ({
    file: 'f.csv',
    rows: 1,
    years: [2026],
    outcome: 'loaded',
    problems: [],
    moreProblems: 0,
    dataset: 'vpr_tasks',
    ...extra,
  });
  expect(changedYears([report({}), report({ dataset: 'vpr_marks', years: [2025, 2026] })])).toEqual(
    [2026, 2025],
  );
  expect(changedYears([report({}), report({ dataset: 'registry', years: [] })])).toBeUndefined();
  expect(changedYears([report({ schoolsAdded: 2 })])).toBeUndefined();
});

it('rebuilds at start only when the models or the methodology changed since the last build', async () => {
  expect(await ensureModels(t.store)).toBe(false);
  // A build by an older version of the product left another fingerprint.
  await t.store.run(`UPDATE model_build SET fingerprint = 'older'`);
  expect(await ensureModels(t.store)).toBe(true);
  expect(await ensureModels(t.store)).toBe(false);
});
