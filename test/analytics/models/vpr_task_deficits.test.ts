/** ВПР deficits per task by hand: thresholds by level, weighting, counts of weak schools. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  writeIndividualResultsWorkbook,
  writePlannedResultsWorkbook,
} from '../../../data/generator/layouts.ts';
import { importPaths } from '../../../ingest/import.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { writeRegistryFile } from '../../helpers/fixtures.ts';

let t: TempStore;
const TITLE = { year: 2026, grade: 5, subject: 'Математика', date: '20.04.2026', maxScore: 3 };
const TASKS = [
  { code: '1', maxScore: 1, level: 'Б' as const, skill: 'Умение выполнять действия с дробями' },
  { code: '2', maxScore: 2, level: 'П' as const, skill: 'Умение решать текстовые задачи' },
];

beforeAll(async () => {
  t = await tempStore();
  const planned = join(t.dir, 'планируемые.xlsx');
  await writePlannedResultsWorkbook(planned, {
    ...TITLE,
    tasks: TASKS,
    groups: [
      { name: 'Вся выборка', participants: 100000, percents: [70, 35] },
      { name: 'Область', participants: 1000, percents: [65, 29] },
      { name: 'Район', participants: 40, percents: [72.5, 22.25] },
      { name: '(sch000001) СОШ № 1', participants: 10, percents: [50, 29] },
      { name: '(sch000003) Гимназия № 3', participants: 30, percents: [80, 20] },
    ],
  });
  // Лесная ООШ only in the individual results: two pupils, task 1: 1 and X; task 2: 0 and 2.
  const pupils = join(t.dir, 'индивидуальные.xlsx');
  const pupil = (code: string, scores: (number | 'X')[], primaryScore: number) => ({
    login: 'sch000002',
    municipality: 'Район',
    schoolName: 'Лесная ООШ',
    code,
    className: '5',
    variant: 1,
    scores,
    primaryScore,
    mark: 3,
    journalMark: 3,
  });
  await writeIndividualResultsWorkbook(pupils, {
    ...TITLE,
    tasks: TASKS,
    pupils: [pupil('1', [1, 'X'], 1), pupil('2', [0, 2], 2)],
  });
  await importPaths(t.store, [await writeRegistryFile(t.dir), planned, pupils]);
});
afterAll(() => t.dispose());

const row = async (task: string, where: string) =>
  (
    await t.store.all<Record<string, number | string | null>>(
      `SELECT * FROM vpr_task_deficits WHERE task = $task AND ${where}`,
      { task },
    )
  )[0]!;

it('classifies a basic task by 60 % / 57 % and an advanced one by 30 % / 28,5 %', async () => {
  expect(await row('1', "school_id = 'sch000001'")).toMatchObject({
    completion_pct: 50,
    status: 'недостаточно',
    skill: 'Умение выполнять действия с дробями',
    region_pct: 65,
    country_pct: 70,
    vs_region_pp: -15,
  });
  expect(await row('2', "school_id = 'sch000001'")).toMatchObject({
    completion_pct: 29,
    difficulty: 'П',
    status: 'пограничная зона',
  });
  expect(await row('2', "school_id = 'sch000003'")).toMatchObject({ status: 'недостаточно' });
});

it('takes a school’s % from its pupils when no report gives it (X counts as 0)', async () => {
  const r = await row('2', "school_id = 'sch000002'");
  expect(r).toMatchObject({ participants_count: 2, completion_pct: 50, is_small_n: true });
});

it('weights the district by participants and counts the insufficient schools', async () => {
  const one = await row('1', "level = 'district'");
  // (50 · 10 + 80 · 30 + 50 · 2) / 42, not the report's own «Район» row.
  expect(one.completion_pct).toBeCloseTo(3000 / 42, 10);
  expect(one).toMatchObject({
    status: 'достаточно',
    schools_count: 3,
    insufficient_schools_count: 2,
  });
  const two = await row('2', "level = 'district'");
  expect(two.completion_pct).toBeCloseTo(990 / 42, 10);
  expect(two).toMatchObject({ status: 'недостаточно', insufficient_schools_count: 1 });
});
