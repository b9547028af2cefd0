/**
 * «Прошлый год» is year − 1 everywhere, and the words and the grid follow the statistics: a gap
 * year is a gap in the trends and the district table, a change within chance is «без значимых
 * изменений» in the grid and «в пределах случайных колебаний» in the comparison, a small group
 * is never a strong change, and a school flagged for non-objective results carries the years.
 * Every number below is worked out by hand in the comments.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPaths } from '../../../ingest/import.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { REGISTRY_ROWS, writeRegistryFile, writeVprCsv } from '../../helpers/fixtures.ts';

let t: TempStore;

const school = (id: string, name: string) => [id, name, name, '', 'СОШ', 'городская'];
// Mathematics grade 5, «2» out of n (the rest «3»):
// sch000001 (СОШ № 1): 5 of 40 (12,5 %) in 2024/25 → 10 of 40 (25 %) in 2025/26: +12,5 п.п.;
//   pooled 15/80 = 0,1875, z = 0,125 / √(0,1875 · 0,8125 · (1/40 + 1/40)) ≈ 1,43 — within chance.
// sch000002 (Лесная ООШ): 0 of 4 in 2024/25 → 20 of 40 (50 %) in 2025/26: a small group.
// sch000003 (Гимназия № 3): 5 of 50 (10 %) in 2023/24, nothing in 2024/25, 25 of 50 (50 %) in
//   2025/26: +40 п.п. over two years, no change «за год».
// sch000004 (СОШ № 4): 2 of 40 (5 %) in both years, flagged «Необъективность» in 2025/26.
const ROWS: [string, string, string, number, number][] = [
  ['2024/25', 'sch000001', 'СОШ № 1', 40, 5],
  ['2025/26', 'sch000001', 'СОШ № 1', 40, 10],
  ['2024/25', 'sch000002', 'Лесная ООШ', 4, 0],
  ['2025/26', 'sch000002', 'Лесная ООШ', 40, 20],
  ['2023/24', 'sch000003', 'Гимназия № 3', 50, 5],
  ['2025/26', 'sch000003', 'Гимназия № 3', 50, 25],
  ['2024/25', 'sch000004', 'СОШ № 4', 40, 2],
  ['2025/26', 'sch000004', 'СОШ № 4', 40, 2],
];

beforeAll(async () => {
  t = await tempStore();
  const registry = [...REGISTRY_ROWS, school('sch000004', 'СОШ № 4')];
  const rows = ROWS.map(([year, id, name, n, n2]) => [
    year,
    id,
    name,
    5,
    'Математика',
    n,
    n2,
    n - n2,
    0,
    0,
  ]);
  await importPaths(t.store, [await writeRegistryFile(t.dir, registry), writeVprCsv(t.dir, rows)]);
  // The objectivity rule itself is tested in cluster_rules.test.ts; here only its outcome.
  await t.store.run(
    `INSERT INTO risk_flags BY NAME
     SELECT 2026 AS year, 'sch000004' AS school_id, 'Необъективность' AS cluster, true AS triggered`,
  );
});
afterAll(() => t.dispose());

const series = { indicator: 'vpr_dolya2', topic: 'Математика', grade: 5 };

it('has no previous year, change or significance after a gap year, in the trends and the district table', async () => {
  const trend = await t.store.one(
    `SELECT prev_year, prev_pct, change_pp, z_score, change_significant FROM trend_shares
     WHERE indicator = 'vpr_dolya2' AND school_id = 'sch000003' AND year = 2026`,
  );
  expect(trend).toEqual({
    prev_year: null,
    prev_pct: null,
    change_pp: null,
    z_score: null,
    change_significant: false,
  });
  const district = await t.store.one(
    `SELECT prev_key_pct FROM ind_results
     WHERE procedure = 'ВПР' AND school_id = 'sch000003' AND year = 2026`,
  );
  expect(district).toEqual({ prev_key_pct: null });
  const grid = await t.store.all(
    `SELECT year FROM status_change_grid WHERE school_id = 'sch000003'`,
  );
  expect(grid).toEqual([]);
  const changes = await runQuery(t.store, 'briefing_changes', {
    year: 2026,
    school_id: 'sch000003',
  });
  expect(
    changes.map((r) => [r.indicator, r.prev_year, r.change_pp, r.change_significant, r.direction]),
  ).toEqual([
    ['vpr_dolya2', null, null, false, null],
    ['vpr_kachestvo', null, null, false, null],
  ]);
});

it('shows the two-year change only in the comparison of the two chosen years', async () => {
  const pairs = await runQuery(t.store, 'compare_years', { year_a: 2024, year_b: 2026, ...series });
  const gymnasium = pairs.find((p) => p.school_id === 'sch000003')!;
  // pooled 30/100; z = 0,4 / √(0,3 · 0,7 · 0,04) ≈ 4,36
  expect(gymnasium).toMatchObject({ pct_a: 10, pct_b: 50, change_pp: 40, is_significant: true });
  expect(gymnasium.direction).toBe('ухудшение');
});

it('puts a +12,5 п.п. change within chance in «без значимых изменений», not «сильное ухудшение»', async () => {
  const rows = await runQuery(t.store, 'compare_grid_schools', { year: 2026, ...series });
  const first = rows.find((r) => r.school_id === 'sch000001')!;
  // 25 % is status level 2 (20–30 %, lower is better); the change level is 3 whatever its size;
  // colour row 2, column 3 of the methodology's table: 2 (оранжевый).
  expect(first).toMatchObject({
    pct: 25,
    change_pp: 12.5,
    change_significant: false,
    status_level: 2,
    change_level: 3,
    color: 'оранжевый',
  });
  const pairs = await runQuery(t.store, 'compare_years', { year_a: 2025, year_b: 2026, ...series });
  expect(pairs.find((p) => p.school_id === 'sch000001')).toMatchObject({
    change_pp: 12.5,
    is_significant: false,
    direction: 'в пределах случайных колебаний',
  });
});

it('never ranks a small group as a change: out of the grid, «мало данных» in the comparison', async () => {
  const grid = await runQuery(t.store, 'compare_grid_schools', { year: 2026, ...series });
  expect(grid.map((r) => r.school_id).sort()).toEqual(['sch000001', 'sch000004']);
  const outside = await runQuery(t.store, 'compare_grid_outside', { year: 2026, ...series });
  expect(outside.map((r) => [r.school_id, r.n]).sort()).toEqual([
    ['sch000002', 40],
    ['sch000003', 50],
  ]);
  const pairs = await runQuery(t.store, 'compare_years', { year_a: 2025, year_b: 2026, ...series });
  // 0 of 4 → 20 of 40: z ≈ 1,93 is not the point — n = 4 is below the minimum 10.
  expect(pairs.find((p) => p.school_id === 'sch000002')).toMatchObject({
    n_a: 4,
    is_small_n_a: true,
    is_significant: false,
    direction: 'мало данных',
  });
});

it('carries the years a school is flagged for non-objective results wherever it is ranked', async () => {
  const rows = await runQuery(t.store, 'compare_grid_schools', { year: 2026, ...series });
  const years = (id: string) => rows.find((r) => r.school_id === id)!.nonobjective_years;
  expect(years('sch000004')).toEqual([2026]);
  expect(years('sch000001')).toEqual([]);
  const cells = await runQuery<{ schools: { school_id: string; nonobjective_years: number[] }[] }>(
    t.store,
    'compare_grid',
    { year: 2026, ...series, list_max: null },
  );
  const listed = cells.flatMap((c) => c.schools);
  expect(listed.find((s) => s.school_id === 'sch000004')!.nonobjective_years).toEqual([2026]);
  const pairs = await runQuery(t.store, 'compare_years', { year_a: 2025, year_b: 2026, ...series });
  expect(pairs.find((p) => p.school_id === 'sch000004')!.nonobjective_years).toEqual([2026]);
  const district = await runQuery(t.store, 'district_results', {
    procedure: 'ВПР',
    subject: 'Математика',
    grade: 5,
    year: 2026,
  });
  expect(district.find((r) => r.school_id === 'sch000004')!.clusters).toEqual(['Необъективность']);
  // the briefing's lists of schools by their changes name it so too
  const briefing = await runQuery(t.store, 'briefing_changes', {
    year: 2026,
    school_id: 'sch000004',
  });
  expect(briefing.map((r) => r.is_nonobjective)).toEqual([true, true]);
});
