/** Trends: change in п.п., Wilson intervals, the two-proportion test on small vs large n, slope. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPaths } from '../../../ingest/import.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { writeRegistryFile, writeVprCsv } from '../../helpers/fixtures.ts';
import { wilson } from '../../helpers/stats.ts';

let t: TempStore;

// СОШ № 1, mathematics grade 5: «2» in 10 of 100, 12 of 100, 25 of 100, then 4 of only 10.
const YEARS: [string, number, number][] = [
  ['2022/23', 100, 10],
  ['2023/24', 100, 12],
  ['2024/25', 100, 25],
  ['2025/26', 10, 4],
];

beforeAll(async () => {
  t = await tempStore();
  const rows = YEARS.map(([year, n, n2]) => {
    const rest = n - n2;
    const n3 = Math.floor(rest / 3);
    const n4 = Math.floor(rest / 3);
    return [year, 'sch000001', 'СОШ № 1', 5, 'Математика', n, n2, n3, n4, rest - n3 - n4];
  });
  await importPaths(t.store, [await writeRegistryFile(t.dir), writeVprCsv(t.dir, rows)]);
});
afterAll(() => t.dispose());

const trend = async (year: number) =>
  (
    await t.store.all<Record<string, number | boolean | string | null>>(
      `SELECT * FROM trend_shares WHERE indicator = 'vpr_dolya2' AND level = 'school' AND year = $year`,
      { year },
    )
  )[0]!;

/** Wilson score interval, written out here as the second method. */
it('gives each year its share with a Wilson interval', async () => {
  const r = await trend(2025);
  expect(r.pct).toBeCloseTo(25, 10);
  const [low, high] = wilson(25, 100);
  expect(r.ci_low_pct).toBeCloseTo(low, 10);
  expect(r.ci_high_pct).toBeCloseTo(high, 10);
  expect(low).toBeCloseTo(17.55, 1); // by hand: 0,2593 ∓ 0,0838
});

it('calls +13 п.п. on 100 pupils significant and +15 п.п. on 10 pupils not', async () => {
  const big = await trend(2025);
  expect(big.change_pp).toBeCloseTo(13, 10);
  // Pooled share 37/200; z = 0,13 / √(0,185 · 0,815 · 0,02) ≈ 2,37.
  expect(big.z_score).toBeCloseTo(0.13 / Math.sqrt(0.185 * 0.815 * 0.02), 10);
  expect(big.change_significant).toBe(true);
  const small = await trend(2026);
  expect(small.change_pp).toBeCloseTo(15, 10);
  expect(small.change_significant).toBe(false); // z ≈ 1,03
  expect(small.is_small_n).toBe(false); // 10 is the minimum itself
});

it('reads the direction from the slope over up to five years', async () => {
  expect((await trend(2024)).direction_5y).toBeNull(); // only two years so far
  const r = await trend(2026);
  // Shares 10, 12, 25, 40 over four years: slope 51,5 / 5 = 10,3 п.п. a year.
  expect(r.slope_pp_per_year).toBeCloseTo(10.3, 10);
  expect(r.direction_5y).toBe('рост');
  expect(r.higher_is_better).toBe(false);
});

it('places each year in the status × change grid, counting levels from the worst', async () => {
  const cells = await t.store.all(
    `SELECT year, status_level, change_level, color FROM status_change_grid
     WHERE indicator = 'vpr_dolya2' AND level = 'school' ORDER BY year`,
  );
  // Cut points: share 5/10/20/30 %, change −5/−1/+1/+5 п.п.; for «2» lower is better. Only a
  // significant change is placed by its size; one within chance is level 3.
  // 2023/24: 12 % (level 3), +2 п.п. not significant (3) → жёлтый; 2024/25: 25 % (2), +13 п.п.
  // significant (1) → красный; 2025/26: 40 % (1), +15 п.п. not significant (3) → красный by its
  // level alone; 10 pupils is the minimum itself, not below it.
  expect(cells).toEqual([
    { year: 2024, status_level: 3, change_level: 3, color: 'жёлтый' },
    { year: 2025, status_level: 2, change_level: 1, color: 'красный' },
    { year: 2026, status_level: 1, change_level: 3, color: 'красный' },
  ]);
});

it('computes the interval of a national count without overflowing', async () => {
  // 4 · n · n of 228 067 participants is beyond INTEGER: the macros must widen n first.
  const [row] = await t.store.all<{ low: number; high: number }>(
    `SELECT 100 * wilson_low(0.1, 228067::INTEGER, 1.96) AS low, 100 * wilson_high(0.1, 228067::INTEGER, 1.96) AS high`,
  );
  const [low, high] = wilson(22806.7, 228067);
  expect(row!.low).toBeCloseTo(low, 10);
  expect(row!.high).toBeCloseTo(high, 10);
});
