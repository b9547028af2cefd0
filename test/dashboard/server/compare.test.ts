/**
 * /api/compare on a hand-made store: two chosen years (not only consecutive ones) with the
 * two-proportion test written out here, the status × change grid classified here from the
 * default methodology's cut points, and Russian answers to bad parameters.
 */
import { describe, expect, it } from 'vitest';
import methodology from '../../../analytics/methodology.default.json' with { type: 'json' };
import type {
  CompareGrid,
  CompareOptions,
  CompareResult,
} from '../../../contract/api/compare-types.ts';
import { useApp } from '../../helpers/app.ts';
import { writeRegistryFile, writeVprCsv } from '../../helpers/fixtures.ts';

// Mathematics grade 5: [school year, login, name, participants, «2»].
const MARKS: [string, string, string, number, number][] = [
  ['2022/23', 'sch000001', 'СОШ № 1', 100, 10],
  ['2023/24', 'sch000001', 'СОШ № 1', 100, 12],
  ['2024/25', 'sch000001', 'СОШ № 1', 100, 25],
  ['2022/23', 'sch000003', 'Гимназия № 3', 90, 9],
  ['2023/24', 'sch000003', 'Гимназия № 3', 90, 9],
  ['2024/25', 'sch000003', 'Гимназия № 3', 90, 2],
  ['2022/23', 'sch000002', 'Лесная ООШ', 4, 1],
  ['2023/24', 'sch000002', 'Лесная ООШ', 4, 0],
  ['2024/25', 'sch000002', 'Лесная ООШ', 4, 2],
];

const app = useApp(async (dir) => {
  const rows = MARKS.map(([year, login, name, n, n2]) => {
    const rest = n - n2;
    const n3 = Math.floor(rest / 3);
    const n4 = Math.floor(rest / 3);
    return [year, login, name, 5, 'Математика', n, n2, n3, n4, rest - n3 - n4];
  });
  return [await writeRegistryFile(dir), writeVprCsv(dir, rows)];
});

const counts = (login: string | null, year: number) => {
  const label = `${year - 1}/${String(year).slice(2)}`;
  const picked = MARKS.filter(([y, l]) => y === label && (login === null || l === login));
  return {
    x: picked.reduce((s, m) => s + m[4], 0),
    n: picked.reduce((s, m) => s + m[3], 0),
  };
};

/** Two-proportion z with the pooled share, written out as the second method. */
function zTest(a: { x: number; n: number }, b: { x: number; n: number }): number {
  const pooled = (a.x + b.x) / (a.n + b.n);
  return (b.x / b.n - a.x / a.n) / Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
}

const get = async <T>(query: string) => {
  const response = await app.request(`/api/compare${query}`);
  return { status: response.status, body: (await response.json()) as T };
};
const selection = `indicator=vpr_dolya2&topic=${encodeURIComponent('Математика')}&grade=5`;

describe('/api/compare', () => {
  it('offers the series of the district with their years', async () => {
    const { body } = await get<CompareOptions>('/options');
    expect(body.years).toEqual([2023, 2024, 2025]);
    expect(body.minN).toBe(10);
    expect(body.options).toContainEqual(
      expect.objectContaining({
        indicator: 'vpr_dolya2',
        topic: 'Математика',
        grade: 5,
        higher_is_better: false,
        years: [2023, 2024, 2025],
      }),
    );
  });

  it('compares two years that are not consecutive with the two-proportion test', async () => {
    const { status, body } = await get<CompareResult>(`?year_a=2023&year_b=2025&${selection}`);
    expect(status).toBe(200);
    for (const login of ['sch000001', 'sch000003', 'sch000002']) {
      const a = counts(login, 2023);
      const b = counts(login, 2025);
      const row = body.schools.find((s) => s.school_id === login)!;
      expect(row.n_a).toBe(a.n);
      expect(row.n_b).toBe(b.n);
      expect(row.pct_a).toBeCloseTo((100 * a.x) / a.n, 10);
      expect(row.pct_b).toBeCloseTo((100 * b.x) / b.n, 10);
      expect(row.change_pp).toBeCloseTo((100 * b.x) / b.n - (100 * a.x) / a.n, 10);
      const z = zTest(a, b);
      expect(row.z_score).toBeCloseTo(z, 10);
      expect(row.is_significant).toBe(Math.abs(z) > 1.96);
      expect(row.is_small_n_b).toBe(b.n < 10);
    }
    // СОШ № 1: 10 % → 25 % on 100 pupils each: significant, and a worsening for «2».
    const first = body.schools.find((s) => s.school_id === 'sch000001')!;
    expect(first).toMatchObject({ is_significant: true, direction: 'ухудшение' });
    // Гимназия № 3: 10 % → 2,2 %: an improvement.
    expect(body.schools.find((s) => s.school_id === 'sch000003')!.direction).toBe('улучшение');

    const district = body.district.find(
      (p) => p.indicator === 'vpr_dolya2' && p.topic === 'Математика' && p.grade === 5,
    )!;
    const a = counts(null, 2023);
    const b = counts(null, 2025);
    expect(district.n_a).toBe(a.n);
    expect(district.pct_b).toBeCloseTo((100 * b.x) / b.n, 10);
    expect(district.z_score).toBeCloseTo(zTest(a, b), 10);
    // Quality is compared as well, and higher is better there.
    expect(body.district.some((p) => p.indicator === 'vpr_kachestvo')).toBe(true);
  });

  it('gives consecutive years the same z as trend_shares', async () => {
    const { body } = await get<CompareResult>(`?year_a=2024&year_b=2025&${selection}`);
    const model = await app.store.all<{ school_id: string; z_score: number }>(
      `SELECT school_id, z_score FROM trend_shares
       WHERE indicator = 'vpr_dolya2' AND level = 'school' AND year = 2025 AND z_score IS NOT NULL`,
    );
    expect(model.length).toBeGreaterThan(0);
    for (const m of model)
      expect(body.schools.find((s) => s.school_id === m.school_id)!.z_score).toBeCloseTo(
        m.z_score,
        10,
      );
  });

  it('puts each school in the grid cell its cut points give, small groups left out', async () => {
    const { body } = await get<CompareGrid>(`/grid?year=2025&${selection}`);
    expect(body.cells).toHaveLength(25);
    const { statusCutsPct, changeCutsPp } = methodology.statusChangeGrid.indicators.vpr_dolya2;
    // Lower is better for «2»: level 5 is the smallest share and the largest fall.
    const level = (value: number, cuts: number[]) => 5 - cuts.filter((c) => value >= c).length;
    for (const login of ['sch000001', 'sch000003']) {
      const now = counts(login, 2025);
      const before = counts(login, 2024);
      const pct = (100 * now.x) / now.n;
      const status = level(pct, statusCutsPct);
      // only a change beyond chance is placed by its size; one within chance is level 3
      const change =
        Math.abs(zTest(before, now)) > 1.96
          ? level(pct - (100 * before.x) / before.n, changeCutsPp)
          : 3;
      const cell = body.cells.find((c) => c.schools.some((s) => s.school_id === login))!;
      expect([cell.status_level, cell.change_level], login).toEqual([status, change]);
      expect(cell.color_level).toBe(methodology.statusChangeGrid.colors[status - 1]![change - 1]);
    }
    // СОШ № 1: 25 % (level 2), +13 п.п. on 100 pupils, significant (level 1) → красный.
    expect(body.cells.find((c) => c.schools.some((s) => s.school_id === 'sch000001'))!.color).toBe(
      'красный',
    );
    expect(body.cells.flatMap((c) => c.schools).map((s) => s.school_id)).not.toContain('sch000002');
    // Лесная ООШ (4 pupils) is named below the grid instead; the grid's table has the other two.
    expect(body.outside).toEqual({
      rows: [{ school_id: 'sch000002', short_name: 'Лесная ООШ', n: 4 }],
      total: 1,
    });
    expect(body.total).toBe(2);
    for (const row of body.schools) {
      const cell = body.cells.find((c) => c.schools.some((s) => s.school_id === row.school_id))!;
      expect(row).toMatchObject({
        status_level: cell.status_level,
        change_level: cell.change_level,
        color: cell.color,
      });
    }
    expect(body.cells.reduce((sum, c) => sum + c.schools_count, 0)).toBe(2);
    const top = body.cells.find((c) => c.status_level === 5 && c.change_level === 1)!;
    expect([top.status_from_pct, top.status_to_pct, top.change_from_pp, top.change_to_pp]).toEqual([
      null,
      5,
      5,
      null,
    ]);
  });

  it('counts the schools over all of them and pages, sorts and searches their table', async () => {
    const { body } = await get<CompareResult>(`?year_a=2023&year_b=2025&${selection}&limit=1`);
    const tests = ['sch000001', 'sch000003', 'sch000002'].map((login) => {
      const a = counts(login, 2023);
      const b = counts(login, 2025);
      return { login, z: zTest(a, b), worse: b.x / b.n > a.x / a.n, n: b.n };
    });
    expect(body.summary).toEqual({
      schools: 3,
      worse: tests.filter((t) => Math.abs(t.z) > 1.96 && t.worse).length,
      better: tests.filter((t) => Math.abs(t.z) > 1.96 && !t.worse).length,
      n_b_min: 4,
      n_b_max: 100,
    });
    // Changes: Лесная ООШ 25 % → 50 %, СОШ № 1 10 % → 25 %, Гимназия № 3 10 % → 2,2 %.
    expect(body.schools.map((s) => s.short_name)).toEqual(['Лесная ООШ']);
    expect(body.schoolsTotal).toBe(3);
    expect(body.chart.map((s) => s.short_name).sort()).toEqual(
      ['Гимназия № 3', 'Лесная ООШ', 'СОШ № 1'].sort(),
    );
    const page = await get<{ rows: { short_name: string }[]; total: number }>(
      `/schools?year_a=2023&year_b=2025&${selection}&limit=1&offset=1&sort=change&dir=desc`,
    );
    expect(page.body).toMatchObject({ rows: [{ short_name: 'СОШ № 1' }], total: 3 });
    const found = await get<{ rows: { short_name: string }[]; total: number }>(
      `/schools?year_a=2023&year_b=2025&${selection}&limit=10&q=${encodeURIComponent(' лесная  ')}`,
    );
    expect(found.body.rows.map((r) => r.short_name)).toEqual(['Лесная ООШ']);
    const grid = await get<{ rows: { short_name: string }[]; total: number }>(
      `/grid/schools?year=2025&${selection}&limit=10&sort=pct&dir=asc`,
    );
    expect(grid.body.rows.map((r) => r.short_name)).toEqual(['Гимназия № 3', 'СОШ № 1']);
    const badSort = await get<{ error: string }>(
      `/schools?year_a=2023&year_b=2025&${selection}&limit=10&sort=pct_b;drop`,
    );
    expect(badSort.status).toBe(400);
    expect(badSort.body.error).toMatch(/Нельзя сортировать по «pct_b;drop»/);
  });

  it('answers bad parameters in Russian', async () => {
    const same = await get<{ error: string }>(`?year_a=2025&year_b=2025&${selection}`);
    expect(same.status).toBe(400);
    expect(same.body.error).toMatch(/два разных учебных года/);
    const bad = await get<{ error: string }>(`?year_a=2024&year_b=2025&indicator=drop&topic=x`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/Параметры сравнения/);
    const empty = await get<CompareResult>(
      `?year_a=2019&year_b=2020&indicator=oge_dolya2&topic=${encodeURIComponent('Математика')}`,
    );
    expect(empty.status).toBe(200);
    expect(empty.body.schools).toEqual([]);
  });
});

describe('/api/compare at the size of a region', () => {
  // 30 000 · 100 000 is beyond INTEGER: the «no change» test must multiply in BIGINT.
  const big = useApp(async (dir) => [
    await writeRegistryFile(dir),
    writeVprCsv(dir, [
      ['2024/25', 'sch000001', 'СОШ № 1', 6, 'Математика', 100_000, 30_000, 30_000, 30_000, 10_000],
      ['2025/26', 'sch000001', 'СОШ № 1', 6, 'Математика', 100_000, 40_000, 30_000, 20_000, 10_000],
    ]),
  ]);

  it('compares counts whose products overflow INTEGER', async () => {
    const response = await big.request(
      '/api/compare?year_a=2025&year_b=2026&indicator=vpr_dolya2&topic=Математика&grade=6',
    );
    expect(response.status).toBe(200);
    const result = (await response.json()) as CompareResult;
    expect(result.district.find((r) => r.indicator === 'vpr_dolya2')).toMatchObject({
      pct_a: 30,
      pct_b: 40,
    });
  });
});
