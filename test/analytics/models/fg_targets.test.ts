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
    expect(r.low_excess_pupils).toBeCloseTo(4, 10); // 10 − 15 % of 40
    expect(r.high_shortfall_pupils).toBeCloseTo(2, 10); // 10 % of 40 − 2
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
    // Pupils above the low target: Гимназия № 3 4, Лесная ООШ 2 − 0,6 = 1,4, СОШ № 1 0.
    const shares = await t.store.all<{ school_id: string; low_gap_contribution_pct: number }>(
      "SELECT school_id, low_gap_contribution_pct FROM fg_targets WHERE level = 'school' AND grade = 9 ORDER BY 1",
    );
    expect(shares[0]!.low_gap_contribution_pct).toBeCloseTo(0, 10);
    expect(shares[1]!.low_gap_contribution_pct).toBeCloseTo((100 * 1.4) / 5.4, 10);
    expect(shares[2]!.low_gap_contribution_pct).toBeCloseTo((100 * 4) / 5.4, 10);
  });

  it('adds the grades up for a school’s all-grades row', async () => {
    // Grades 6 and 9 of СОШ № 1: 30 pupils, low 4, high 3; grade 6 has no enrolment figure.
    const r = await row("school_id = 'sch000001' AND grade IS NULL");
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
