/** GET /api/fg on a small hand-made store: defaults, filters, contributions and bad input. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import type { FgPage } from '../../../contract/api/fg-types.ts';
import { useApp } from '../../helpers/app.ts';
import { writeRegistryFile } from '../../helpers/fixtures.ts';

const LEVELS = ['Недостаточный', 'Низкий', 'Средний', 'Повышенный', 'Высокий'];
const ЧГ = 'Читательская грамотность';
const МГ = 'Математическая грамотность';

const app = useApp(async (dir) => {
  const counts = join(dir, 'фг.csv');
  writeCsv(counts, [
    ['Учебный год', 'Логин ОО', 'Направление', 'Класс', ...LEVELS],
    // 2025/26, reading: school 1 has 30 % low (6 of 20), school 3 has 10 % low (4 of 40).
    ['2025/26', 'sch000001', ЧГ, 9, 2, 4, 10, 2, 2],
    ['2025/26', 'sch000003', ЧГ, 9, 1, 3, 20, 10, 6],
    // Maths: district low 50 % (10 of 20), the largest gap.
    ['2025/26', 'sch000001', МГ, 9, 5, 5, 5, 3, 2],
    ['2025/26', 'sch000003', МГ, 6, 0, 0, 5, 3, 2],
    ['2024/25', 'sch000001', ЧГ, 9, 1, 1, 10, 5, 3],
  ]);
  return [await writeRegistryFile(dir), counts];
});

const get = async (query: string) => {
  const response = await app.request(`/api/fg${query}`);
  return { status: response.status, body: (await response.json()) as FgPage & { error?: string } };
};

describe('GET /api/fg', () => {
  it('defaults to the latest year, all grades and the direction with the largest gap', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      year: 2026,
      grade: null,
      direction: МГ,
      years: [2025, 2026],
      grades: [6, 9],
      directions: [МГ, ЧГ],
      targets: { low_target_pct: 15, high_target_pct: 10 },
    });
    // Maths pooled over grades: 10 low of 30.
    const pooled = body.district.find((r) => r.direction === МГ && r.grade === null)!;
    expect(pooled).toMatchObject({ participants_count: 30, low_count: 10, low_met: false });
    expect(body.trend.map((r) => `${r.indicator} ${r.year}`)).toEqual([
      'fg_high 2026',
      'fg_low 2026',
    ]);
  });

  it('gives each school its contribution to the district gap for the chosen direction', async () => {
    const { body } = await get(`?direction=${encodeURIComponent(ЧГ)}&grade=9`);
    expect(body.grade).toBe(9);
    const [first, second] = body.schools;
    // School 1: 6 − 15 % × 20 = 3 pupils over its own target; the district: 10 low of 60, at
    // most ⌊9⌋ meet the target, so 1 pupil over it — all of it school 1's, school 3 within (0).
    expect(first).toMatchObject({
      school_id: 'sch000001',
      participants_count: 20,
      low_count: 6,
      low_excess_pupils: 3,
      low_gap_contribution_pupils: 1,
      low_gap_contribution_pct: 100,
    });
    expect(second).toMatchObject({
      school_id: 'sch000003',
      low_met: true,
      low_excess_pupils: 0,
      low_gap_contribution_pupils: 0,
      low_gap_contribution_pct: 0,
    });
    expect(body.summary).toEqual({
      schools: 2,
      contributing: 1,
      over_target: 1,
      low_excess_pupils: 3,
    });
    // The trend has both years for reading, grade 9.
    expect(new Set(body.trend.map((r) => r.year))).toEqual(new Set([2025, 2026]));
  });

  it('answers an empty selection with empty lists and bad input with a Russian 400', async () => {
    const { status, body } = await get('?year=2019');
    expect(status).toBe(200);
    expect(body).toMatchObject({ year: 2019, district: [], schools: [], trend: [], targets: null });
    for (const query of ['?year=abc', '?grade=12', '?grade=все', `?direction=${'x'.repeat(101)}`]) {
      const bad = await get(query);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error).toMatch(/Параметры страницы ФГ/);
    }
  });
});
