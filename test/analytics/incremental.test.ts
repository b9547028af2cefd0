/**
 * Rebuilding by year: after an import of some years' results, models built by year are rebuilt
 * for the years the import can change alone, and every model must hold exactly what a full
 * rebuild gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { MODELS } from '../../analytics/model-specs.ts';
import { changedYears, refreshModels } from '../../analytics/rebuild.ts';
import { loadMethodology } from '../../analytics/methodology-file.ts';
import { writeCsv } from '../../data/generator/files.ts';
import { writeSynthetic, type SyntheticFiles } from '../../data/generator/synthetic.ts';
import { importPaths } from '../../ingest/import.ts';
import { type FileReport } from '../../contract/imports/report.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';
import { VPR_TASK_HEADER } from '../helpers/fixtures.ts';

let t: TempStore;
let files: SyntheticFiles;
beforeAll(async () => {
  t = await tempStore();
  files = writeSynthetic(join(t.dir, 'files'), { schools: 6, years: 3 });
  await importPaths(t.store, [
    files.registry,
    ...files.years.flatMap((y) => [y.tasks.path, y.marks, y.fg]),
  ]);
});
afterAll(() => t.dispose());

/**
 * Every model's rows, in a stable order, fractions to 12 digits: a parallel sum of doubles may
 * differ in its last bits from one build to the next.
 */
const allModels = async () => {
  const rows = await Promise.all(
    MODELS.map(({ name }) => t.store.all(`SELECT * FROM ${name} ORDER BY ALL`)),
  );
  const rounded = (value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value;
  return Object.fromEntries(
    MODELS.map(({ name }, i) => [
      name,
      rows[i]!.map((row) =>
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, rounded(value)])),
      ),
    ]),
  );
};

/** Imports with replacement and returns the statements the import and rebuild ran. */
async function importStatements(path: string): Promise<string[]> {
  const run = vi.spyOn(t.store, 'run');
  const [report] = await importPaths(t.store, [path], { replace: true });
  expect(report!.outcome).toBe('replaced');
  const statements = run.mock.calls.map(([sql]) => sql);
  run.mockRestore();
  return statements;
}

/** Whether the model was rebuilt by year (its rows deleted and inserted), not as a whole. */
const rebuiltByYear = (statements: string[], model: string) =>
  statements.some((sql) => new RegExp(`^DELETE FROM .*\\.${model} WHERE`).test(sql)) &&
  !statements.some((sql) => sql.includes(`CREATE OR REPLACE TABLE ${model} AS`));

/** A copy of a synthetic file with its first data row changed. */
function correctedCopy(source: string, name: string, change: (cells: string[]) => void): string {
  const [header, first] = readFileSync(source, 'utf8').split('\n');
  const cells = first!.split(';');
  change(cells);
  const path = join(t.dir, name);
  writeFileSync(path, `${header}\n${cells.join(';')}\n`);
  return path;
}

it('rebuilds the imported year of the task deficits and gets what a full rebuild gets', async () => {
  const before = await allModels();
  // A corrected 2025/26 file for one school's mathematics, grade 5, task 1: 0 % instead.
  const path = join(t.dir, 'исправление.csv');
  writeCsv(path, [VPR_TASK_HEADER, ['2025/26', 'syn000001', 5, 'Математика', '1', 1, 'Б', 30, 0]]);
  const statements = await importStatements(path);
  expect(rebuiltByYear(statements, 'vpr_task_deficits')).toBe(true);

  const incremental = await allModels();
  await refreshModels(t.store, { kind: 'all' });
  expect(incremental).toEqual(await allModels());
  // 2024/25 is as it was; the corrected school's task reads 0 % now.
  const year = (rows: unknown[], y: number) =>
    rows.filter((r) => (r as { year: number }).year === y);
  expect(year(incremental.vpr_task_deficits!, 2025)).toEqual(year(before.vpr_task_deficits!, 2025));
  const [task] = await t.store.all(
    `SELECT completion_pct, participants_count FROM vpr_task_deficits
     WHERE year = 2026 AND school_id = 'syn000001' AND subject = 'Математика' AND grade = 5 AND task = '1'`,
  );
  expect(task).toEqual({ completion_pct: 0, participants_count: 30 });
});

it('rebuilds an earlier year and the trends after it as a full rebuild would', async () => {
  const [, middle] = files.years;
  expect(middle!.year).toBe(2025);
  // 2024/25 corrected: the first row's «3» become «2», the first ФГ row's «средний» «низкий».
  let marks: string[] = [];
  const marksFile = correctedCopy(middle!.marks, 'отметки исправлены.csv', (cells) => {
    cells[5] = String(Number(cells[5]) + Number(cells[6]));
    cells[6] = '0';
    marks = cells;
  });
  const fgFile = correctedCopy(middle!.fg, 'ФГ исправлены.csv', (cells) => {
    cells[6] = String(Number(cells[6]) + Number(cells[7]));
    cells[7] = '0';
  });
  const statements = [...(await importStatements(marksFile)), ...(await importStatements(fgFile))];
  for (const model of MODELS.filter((m) => m.years && m.name !== 'ref_grading_scale'))
    expect(rebuiltByYear(statements, model.name), model.name).toBe(true);

  const incremental = await allModels();
  await refreshModels(t.store, { kind: 'all' });
  expect(incremental).toEqual(await allModels());
  // 2025/26's change is counted from the corrected 2024/25 share.
  const [, login, grade, subject, participants, n2] = marks;
  const [trend] = await t.store.all<{ prev_pct: number }>(
    `SELECT prev_pct FROM trend_shares WHERE indicator = 'vpr_dolya2' AND level = 'school'
       AND school_id = $login AND topic = $subject AND grade = $grade AND year = 2026`,
    { login: login!, subject: subject!, grade: Number(grade) },
  );
  expect(trend!.prev_pct).toBeCloseTo((100 * Number(n2)) / Number(participants), 9);
});

it('lets a model built by year read only models built by year, or ones without years', async () => {
  const withYear = new Set(
    (
      await t.store.all<{ table_name: string }>(
        `SELECT DISTINCT table_name FROM duckdb_columns() WHERE column_name = 'year'`,
      )
    ).map((r) => r.table_name),
  );
  const wholeWithYear = MODELS.filter((m) => !m.years && withYear.has(m.name)).map((m) => m.name);
  for (const model of MODELS.filter((m) => m.years))
    expect(
      model.dependsOn.filter((name) => wholeWithYear.includes(name)),
      model.name,
    ).toEqual([]);
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

it('rebuilds for a start or a read-only command only when the models or the methodology changed', async () => {
  const run = vi.spyOn(t.store, 'run');
  expect(await refreshModels(t.store, { kind: 'read' })).toBe(false);
  expect(run).not.toHaveBeenCalled();
  run.mockRestore();
  // A build by an older version of the product left another fingerprint.
  await t.store.run(`UPDATE model_build SET fingerprint = 'older'`);
  expect(await refreshModels(t.store, { kind: 'read' })).toBe(true);
  expect(await refreshModels(t.store, { kind: 'read' })).toBe(false);
});

it('stores a methodology version and rebuilds under it in one step, so a start after it rebuilds nothing', async () => {
  const methodology = { ...loadMethodology(), version: 'проверка' };
  await refreshModels(t.store, { kind: 'methodology', methodology, user: 'методист' });
  const [setting] = await t.store.all<{ version: string }>(
    'SELECT version FROM methodology_setting',
  );
  expect(setting!.version).toBe('проверка');
  expect(await refreshModels(t.store, { kind: 'read' })).toBe(false);
});

it('leaves the models alone when no imported file changed anything', async () => {
  const run = vi.spyOn(t.store, 'run');
  const unchanged = { outcome: 'unchanged' as const, dataset: 'vpr_tasks' as const, years: [2026] };
  expect(await refreshModels(t.store, { kind: 'import', reports: [unchanged] })).toBe(false);
  expect(run).not.toHaveBeenCalled();
  run.mockRestore();
});
