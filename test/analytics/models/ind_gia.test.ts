/** ОГЭ / ЕГЭ indicators by hand, from participant lists and from per-school totals. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import { importPaths } from '../../../ingest/import.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { writeRegistryFile } from '../../helpers/fixtures.ts';
import { districtBriefing } from '../../../briefing/district.ts';
import { briefingHtml } from '../../../briefing/html.ts';
import { schoolBriefing } from '../../../briefing/school.ts';
import type { DistrictResultRow } from '../../../contract/api/types.ts';
import { formatKeyShare } from '../../../contract/results.ts';

let t: TempStore;

beforeAll(async () => {
  t = await tempStore();
  const oge = join(t.dir, 'огэ.csv');
  writeCsv(oge, [
    ['Учебный год', 'Экзамен', 'Логин ОО', 'Код участника', 'Предмет', 'Первичный балл', 'Отметка'],
    ['2025/26', 'ОГЭ', 'sch000001', '1', 'Математика', 5, 2],
    ['2025/26', 'ОГЭ', 'sch000001', '2', 'Математика', 10, 3],
    ['2025/26', 'ОГЭ', 'sch000001', '3', 'Математика', 16, 4],
    ['2025/26', 'ОГЭ', 'sch000001', '4', 'Математика', 25, 5],
    ['2025/26', 'ОГЭ', 'sch000003', '5', 'Математика', 23, 5],
    ['2025/26', 'ОГЭ', 'sch000003', '6', 'Математика', 17, 4],
  ]);
  const ege = join(t.dir, 'егэ.csv');
  writeCsv(ege, [
    ['Учебный год', 'Экзамен', 'Логин ОО', 'Код участника', 'Предмет', 'Тестовый балл'],
    ['2025/26', 'ЕГЭ', 'sch000001', '7', 'Русский язык', 20],
    ['2025/26', 'ЕГЭ', 'sch000001', '8', 'Русский язык', 81],
    ['2025/26', 'ЕГЭ', 'sch000001', '9', 'Русский язык', 100],
    ['2025/26', 'ЕГЭ', 'sch000001', '10', 'Русский язык', 63],
    // 2020/21: no grading scale is shipped or loaded for that year
    ['2020/21', 'ЕГЭ', 'sch000001', '11', 'Русский язык', 20],
    ['2020/21', 'ЕГЭ', 'sch000001', '12', 'Русский язык', 70],
  ]);
  const totals = join(t.dir, 'егэ по оо.csv');
  writeCsv(totals, [
    [
      'Учебный год',
      'Экзамен',
      'Логин ОО',
      'Предмет',
      'Кол-во участников',
      'Средний тестовый балл',
      'Не преодолели минимальный порог',
      'Набрали 81–99 баллов',
      'Набрали 100 баллов',
    ],
    ['2025/26', 'ЕГЭ', 'sch000003', 'Русский язык', 6, 70, 0, 2, 0],
    // the school's own count below the minimum, in a year whose scale is unknown here
    ['2020/21', 'ЕГЭ', 'sch000003', 'Русский язык', 5, 60, 1, 0, 0],
  ]);
  await importPaths(t.store, [await writeRegistryFile(t.dir), oge, ege, totals]);
});
afterAll(() => t.dispose());

const rows = (exam: string, year = 2026) =>
  t.store.all<Record<string, number | string | null>>(
    `SELECT * FROM ind_gia WHERE exam = $exam AND year = $year ORDER BY level, school_id`,
    { exam, year },
  );

it('ОГЭ: marks and mean primary score per school and for the district', async () => {
  const [district, school1, school3] = await rows('ОГЭ');
  // СОШ № 1: marks 2, 3, 4, 5 → успеваемость 75 %, качество 50 %, доля «2» 25 %, средняя 3,5.
  expect(school1).toMatchObject({ participants_count: 4, n2: 1, n5: 1 });
  expect(school1!.uspevaemost_pct).toBeCloseTo(75, 10);
  expect(school1!.kachestvo_pct).toBeCloseTo(50, 10);
  expect(school1!.avg_mark).toBeCloseTo(3.5, 10);
  expect(school1!.avg_primary_score).toBeCloseTo(14, 10); // (5 + 10 + 16 + 25) / 4
  expect(school3!.kachestvo_pct).toBeCloseTo(100, 10);
  // District: 6 pupils, 4 with «4» or «5».
  expect(district!.participants_count).toBe(6);
  expect(district!.kachestvo_pct).toBeCloseTo((100 * 4) / 6, 10);
  expect(district!.avg_primary_score).toBeCloseTo(96 / 6, 10);
});

it('ЕГЭ: mean score, below the minimum (24 for Russian), 81–100 and 100 points', async () => {
  const [district, school1, school3] = await rows('ЕГЭ');
  expect(school1).toMatchObject({
    participants_count: 4,
    below_min_count: 1,
    high_band_count: 2,
    score_100_count: 1,
  });
  expect(school1!.avg_test_score).toBeCloseTo((20 + 81 + 100 + 63) / 4, 10);
  expect(school1!.below_min_pct).toBeCloseTo(25, 10);
  // Гимназия № 3 from its totals: 6 pupils with a mean of 70.
  expect(school3).toMatchObject({ participants_count: 6, below_min_count: 0, high_band_count: 2 });
  // District mean weighted by pupils: (264 + 6 · 70) / 10 = 68,4, not the mean of 66 and 70.
  expect(district!.avg_test_score).toBeCloseTo(68.4, 10);
  expect(district!.high_band_pct).toBeCloseTo(40, 10);
});

it('ЕГЭ without a grading scale: «below the minimum» is unknown, not 0', async () => {
  const [district, school1, school3] = await rows('ЕГЭ', 2021);
  // СОШ № 1 scored 20 and 70 with no minimum known: neither 0 below it nor 0 %.
  expect(school1).toMatchObject({ scored_count: 2, below_min_count: null, below_min_pct: null });
  expect(school1!.avg_test_score).toBe(45);
  // Гимназия № 3 gave its own count (1 of 5), which stays; the district's, missing СОШ № 1, is unknown.
  expect(school3).toMatchObject({ below_min_count: 1, below_min_pct: 20 });
  expect(district).toMatchObject({ scored_count: 7, below_min_count: null, below_min_pct: null });
  // Nothing unknown is trended or counted by the risk rules: only Гимназия № 3's known share.
  const trended = await t.store.all(
    `SELECT level, school_id FROM trend_shares WHERE indicator = 'ege_below_min' AND year = 2021`,
  );
  expect(trended).toEqual([{ level: 'school', school_id: 'sch000003' }]);
  const judged = await t.store.all(
    `SELECT school_id FROM stg_procedure_results WHERE kind = 'ЕГЭ' AND year = 2021`,
  );
  expect(judged).toEqual([{ school_id: 'sch000003' }]);
});

it('says why where the share would be shown: «шкала неизвестна», not «0,0 %»', async () => {
  const [district, school1] = await t.store.all<DistrictResultRow>(
    `SELECT * FROM ind_results WHERE procedure = 'ЕГЭ' AND year = 2021 AND school_id IS DISTINCT FROM 'sch000003'
     ORDER BY level, school_id`,
  );
  expect(formatKeyShare(school1!)).toBe('шкала неизвестна');
  expect(formatKeyShare(district!)).toBe('шкала неизвестна');
  const [known] = await t.store.all<DistrictResultRow>(
    `SELECT * FROM ind_results WHERE procedure = 'ЕГЭ' AND year = 2026 AND school_id = 'sch000001'`,
  );
  expect(formatKeyShare(known!)).toBe('25,0 %');
  for (const briefing of [
    await schoolBriefing(t.store, 2021, 'sch000001'),
    await districtBriefing(t.store, 2021),
  ]) {
    const html = briefingHtml(briefing);
    expect(html).toMatch(
      /ЕГЭ \(Русский язык\): шкала перевода баллов за 2020\/21 учебный год неизвестна, поэтому доля не преодолевших минимальный балл не рассчитана/,
    );
  }
});
