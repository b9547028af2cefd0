/** ФГ targets by hand: shares at the exact target edges, weighting, contributions, coverage. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import { importPaths } from '../../../ingest/import.ts';
import { buildModels } from '../../../analytics/models.ts';
import { loadMethodology } from '../../../analytics/methodology-file.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { REGISTRY_ROWS, writeRegistryFile } from '../../helpers/fixtures.ts';

let t: TempStore;
const LEVELS = ['Недостаточный', 'Низкий', 'Средний', 'Повышенный', 'Высокий'];

beforeAll(async () => {
  t = await tempStore();
  // СОШ № 1 has 25 pupils in grade 9 in 2025/26; the other schools give no enrolment.
  const registry = REGISTRY_ROWS.map((row) =>
    row[0] === 'sch000001' ? [...row, '2025/26', ...Array(8).fill(null), 25] : row,
  );
  const counts = join(t.dir, 'фг.csv');
  writeCsv(counts, [
    ['Учебный год', 'Логин ОО', 'Направление', 'Класс', ...LEVELS],
    ['2025/26', 'sch000001', 'Читательская грамотность', 9, 1, 2, 10, 5, 2],
    ['2025/26', 'sch000003', 'Читательская грамотность', 9, 4, 6, 20, 8, 2],
    ['2025/26', 'sch000001', 'Читательская грамотность', 6, 0, 1, 5, 3, 1],
    // Whole pupils and their apportioning, worked out below
    ['2024/25', 'sch000001', 'Математическая грамотность', 7, 4, 6, 20, 6, 4],
    ['2024/25', 'sch000002', 'Математическая грамотность', 7, 1, 2, 20, 5, 2],
    ['2024/25', 'sch000003', 'Математическая грамотность', 7, 2, 3, 10, 4, 1],
    ['2024/25', 'sch000001', 'Математическая грамотность', 8, 1, 3, 10, 4, 2],
    ['2024/25', 'sch000003', 'Математическая грамотность', 8, 0, 2, 30, 6, 2],
  ]);
  const pupils = join(t.dir, 'фг участники.csv');
  writeCsv(pupils, [
    ['Учебный год', 'Логин ОО', 'Код участника', 'Направление', 'Класс', 'Уровень'],
    ['2025/26', 'sch000002', 'a', 'ЧГ', 9, 'низкий'],
    ['2025/26', 'sch000002', 'b', 'ЧГ', 9, 'средний'],
    ['2025/26', 'sch000002', 'c', 'ЧГ', 9, 'высокий'],
    ['2025/26', 'sch000002', 'd', 'ЧГ', 9, 'недостаточный'],
  ]);
  await importPaths(t.store, [await writeRegistryFile(t.dir, registry), counts, pupils]);
});
afterAll(() => t.dispose());

type Row = Record<string, number | boolean | null | string>;
const row = async (where: string) =>
  (await t.store.all<Row>(`SELECT * FROM fg_targets WHERE ${where}`))[0]!;

describe('fg_targets', () => {
  it('meets a target exactly at 15 % low and 10 % high', async () => {
    // СОШ № 1, grade 9: 20 pupils, low 1 + 2 = 3 (15 %), high 2 (10 %).
    const r = await row("school_id = 'sch000001' AND grade = 9");
    expect(r).toMatchObject({ participants_count: 20, low_count: 3, high_count: 2 });
    expect(r.low_share_pct).toBeCloseTo(15, 10);
    expect(r.high_share_pct).toBeCloseTo(10, 10);
    expect(r).toMatchObject({ low_met: true, high_met: true, low_excess_pupils: 0 });
    expect(r.coverage_pct).toBeCloseTo(80, 10); // 20 of 25 enrolled
  });

  it('misses them with the gap in п.п. and in pupils', async () => {
    // Гимназия № 3: 40 pupils, low 10 (25 %), high 2 (5 %).
    const r = await row("school_id = 'sch000003' AND grade = 9");
    expect(r).toMatchObject({ low_met: false, high_met: false, enrolled_count: null });
    expect(r.low_gap_pp).toBeCloseTo(10, 10);
    expect(r.high_gap_pp).toBeCloseTo(5, 10);
    expect(r.low_excess_pupils).toBe(4); // 10 − 15 % of 40
    expect(r.high_shortfall_pupils).toBe(2); // 10 % of 40 − 2
  });

  it('counts per-participant results and marks a tiny group', async () => {
    const r = await row("school_id = 'sch000002' AND grade = 9");
    expect(r).toMatchObject({
      participants_count: 4,
      low_count: 2,
      high_count: 1,
      is_small_n: true,
    });
  });

  it('weights the district by pupils and shares the gap among schools', async () => {
    const d = await row("level = 'district' AND grade = 9");
    // 20 + 40 + 4 pupils; low 3 + 10 + 2 = 15; high 2 + 2 + 1 = 5.
    expect(d.participants_count).toBe(64);
    expect(d.low_share_pct).toBeCloseTo((100 * 15) / 64, 10);
    expect(d.high_share_pct).toBeCloseTo((100 * 5) / 64, 10);
    expect(d.coverage_pct).toBeNull(); // two schools give no enrolment
    // District: 15 % of 64 is 9,6, so at most 9 low pupils meet the target: 15 − 9 = 6 over it.
    // Schools: Гимназия № 3 10 − ⌊6⌋ = 4, Лесная ООШ 2 − ⌊0,6⌋ = 2, СОШ № 1 3 − ⌊3⌋ = 0;
    // the 6 split as 6 · 4 / 6 = 4 and 6 · 2 / 6 = 2, no remainders.
    expect(d.low_excess_pupils).toBe(6);
    const shares = await t.store.all<Row>(
      "SELECT school_id, low_excess_pupils, low_gap_contribution_pupils, low_gap_contribution_pct FROM fg_targets WHERE level = 'school' AND grade = 9 ORDER BY 1",
    );
    expect(shares).toEqual([
      {
        school_id: 'sch000001',
        low_excess_pupils: 0,
        low_gap_contribution_pupils: 0,
        low_gap_contribution_pct: 0,
      },
      {
        school_id: 'sch000002',
        low_excess_pupils: 2,
        low_gap_contribution_pupils: 2,
        low_gap_contribution_pct: expect.closeTo((100 * 2) / 6, 10),
      },
      {
        school_id: 'sch000003',
        low_excess_pupils: 4,
        low_gap_contribution_pupils: 4,
        low_gap_contribution_pct: expect.closeTo((100 * 4) / 6, 10),
      },
    ]);
  });

  it('counts whole pupils and shares the district’s excess out by the largest remainder', async () => {
    // 2024/25, МГ, grade 7, targets 15 % low and 10 % high:
    //   СОШ № 1      40 pupils, low 4 + 6 = 10, high 4: 15 % of 40 = 6    → 10 − 6 = 4 over;  ⌈4⌉ − 4 = 0 short
    //   Лесная ООШ   30 pupils, low 1 + 2 = 3,  high 2: 15 % of 30 = 4,5  → within (0);      ⌈3⌉ − 2 = 1 short
    //   Гимназия № 3 20 pupils, low 2 + 3 = 5,  high 1: 15 % of 20 = 3    → 5 − 3 = 2 over;   ⌈2⌉ − 1 = 1 short
    //   District     90 pupils, low 18, high 7: 15 % of 90 = 13,5 → at most 13 low meet it → 18 − 13 = 5 over
    //                (4,5 pupils in fractions: «примерно 5»); ⌈9⌉ − 7 = 2 short of the high target.
    // The district's 5 over the schools' 4 + 2 = 6: СОШ № 1 5 · 4 / 6 = 3 remainder 2 (of 6),
    // Гимназия № 3 5 · 2 / 6 = 1 remainder 4; the floors give 4, the one left goes to the larger
    // remainder: СОШ № 1 3, Гимназия № 3 2, Лесная ООШ 0 — 3 + 2 + 0 = 5 (60 % and 40 %).
    const d = await row("level = 'district' AND year = 2025 AND grade = 7");
    expect(d).toMatchObject({
      participants_count: 90,
      low_count: 18,
      low_excess_pupils: 5,
      high_shortfall_pupils: 2,
    });
    const schools = await t.store.all<Row>(
      "SELECT school_id, low_excess_pupils, high_shortfall_pupils, low_gap_contribution_pupils, low_gap_contribution_pct FROM fg_targets WHERE level = 'school' AND year = 2025 AND grade = 7 ORDER BY 1",
    );
    expect(schools).toEqual([
      {
        school_id: 'sch000001',
        low_excess_pupils: 4,
        high_shortfall_pupils: 0,
        low_gap_contribution_pupils: 3,
        low_gap_contribution_pct: 60,
      },
      {
        school_id: 'sch000002',
        low_excess_pupils: 0,
        high_shortfall_pupils: 1,
        low_gap_contribution_pupils: 0,
        low_gap_contribution_pct: 0,
      },
      {
        school_id: 'sch000003',
        low_excess_pupils: 2,
        high_shortfall_pupils: 1,
        low_gap_contribution_pupils: 2,
        low_gap_contribution_pct: 40,
      },
    ]);
  });

  it('gives no contribution when the district meets the target, though a school is over its own', async () => {
    // 2024/25, МГ, grade 8: СОШ № 1 20 pupils, low 1 + 3 = 4 → 4 − ⌊3⌋ = 1 over its target;
    // Гимназия № 3 40 pupils, low 2 — within; the district 60 pupils, low 6 (10 %) — within, 0 over.
    expect((await row("level = 'district' AND year = 2025 AND grade = 8")).low_excess_pupils).toBe(
      0,
    );
    expect(await row("school_id = 'sch000001' AND year = 2025 AND grade = 8")).toMatchObject({
      low_excess_pupils: 1,
      low_gap_contribution_pupils: 0,
      low_gap_contribution_pct: null,
    });
  });

  it('adds the grades up for a school’s all-grades row', async () => {
    // Grades 6 and 9 of СОШ № 1: 30 pupils, low 4, high 3; grade 6 has no enrolment figure.
    const r = await row("school_id = 'sch000001' AND year = 2026 AND grade IS NULL");
    expect(r).toMatchObject({
      participants_count: 30,
      low_count: 4,
      high_count: 3,
      coverage_pct: null,
    });
  });

  it('follows the methodology: a looser low target flips the status', async () => {
    const methodology = loadMethodology();
    await buildModels(t.store, { ...methodology, fgTargets: { lowMaxPct: 25, highMinPct: 5 } });
    expect(await row("school_id = 'sch000003' AND grade = 9")).toMatchObject({
      low_met: true,
      high_met: true,
      low_target_pct: 25,
    });
    await buildModels(t.store, methodology);
    expect((await row("school_id = 'sch000003' AND grade = 9")).low_met).toBe(false);
  });
});
