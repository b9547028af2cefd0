/** ВПР marks against journal marks, by hand: from the report, and from individual results. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  writeIndividualResultsWorkbook,
  writeJournalComparisonWorkbook,
  type IndividualResult,
} from '../../../data/generator/layouts.ts';
import { importPaths } from '../../../ingest/import.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { writeRegistryFile } from '../../helpers/fixtures.ts';

let t: TempStore;
const TITLE = { year: 2026, grade: 5, subject: 'Математика', date: '20.04.2026', maxScore: 4 };

const pupil = (code: string, mark: number, journalMark: number | null): IndividualResult => ({
  login: 'sch000002',
  municipality: 'Район',
  schoolName: 'Лесная ООШ',
  code,
  className: '5',
  variant: 1,
  scores: [mark - 1],
  primaryScore: mark - 1,
  mark,
  journalMark,
});

beforeAll(async () => {
  t = await tempStore();
  const report = join(t.dir, 'журнал.xlsx');
  await writeJournalComparisonWorkbook(report, {
    ...TITLE,
    groups: [
      { name: 'Вся выборка', lowered: 100, confirmed: 780, raised: 120 },
      { name: 'Область', lowered: 10, confirmed: 70, raised: 20 },
      { name: 'Район', lowered: 3, confirmed: 25, raised: 12 },
      { name: '(sch000001) СОШ № 1', lowered: 1, confirmed: 9, raised: 10 },
      { name: '(sch000003) Гимназия № 3', lowered: 2, confirmed: 16, raised: 2 },
    ],
  });
  // Лесная ООШ is only in the individual results: marks 5/3 (raised by 2), 4/4, 2/3, 3 without a journal mark.
  const pupils = join(t.dir, 'индивидуальные.xlsx');
  await writeIndividualResultsWorkbook(pupils, {
    ...TITLE,
    tasks: [{ code: '1', maxScore: 4, level: 'Б' }],
    pupils: [pupil('1', 5, 3), pupil('2', 4, 4), pupil('3', 2, 3), pupil('4', 3, null)],
  });
  await importPaths(t.store, [await writeRegistryFile(t.dir), report, pupils]);
});
afterAll(() => t.dispose());

it('gives each school, the district and the benchmarks their shares, with n', async () => {
  const rows = await t.store.all(
    `SELECT level, school_id, participants_count AS n, lowered_count AS lo, confirmed_count AS eq,
            raised_count AS hi, differ_2_count AS d2, round(raised_pct, 4) AS raised_pct
     FROM ind_vpr_journal ORDER BY level, school_id`,
  );
  expect(rows).toEqual([
    {
      level: 'country',
      school_id: null,
      n: 1000,
      lo: 100,
      eq: 780,
      hi: 120,
      d2: null,
      raised_pct: 12,
    },
    // The district is the sum of its schools (20 + 20 + 3), not the report's own «Район» row.
    {
      level: 'district',
      school_id: null,
      n: 43,
      lo: 4,
      eq: 26,
      hi: 13,
      d2: null,
      raised_pct: 30.2326,
    },
    { level: 'region', school_id: null, n: 100, lo: 10, eq: 70, hi: 20, d2: null, raised_pct: 20 },
    {
      level: 'school',
      school_id: 'sch000001',
      n: 20,
      lo: 1,
      eq: 9,
      hi: 10,
      d2: null,
      raised_pct: 50,
    },
    {
      level: 'school',
      school_id: 'sch000002',
      n: 3,
      lo: 1,
      eq: 1,
      hi: 1,
      d2: 1,
      raised_pct: 33.3333,
    },
    {
      level: 'school',
      school_id: 'sch000003',
      n: 20,
      lo: 2,
      eq: 16,
      hi: 2,
      d2: null,
      raised_pct: 10,
    },
  ]);
});
