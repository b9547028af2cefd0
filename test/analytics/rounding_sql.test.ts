/** The SQL half of the rounding rule (macro ru_num) against the shared table of cases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Store } from '../../analytics/db.ts';
import { ROUNDING_CASES } from '../contract/rounding-cases.ts';

let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
  await store.run(
    readFileSync(new URL('../../analytics/models/macros.sql', import.meta.url), 'utf8'),
  );
});
afterAll(() => store.close());

const sql = async (expression: string, params: Record<string, number> = {}) =>
  (await store.all<{ v: unknown }>(`SELECT ${expression} AS v`, params))[0]!.v;

describe('ru_num rounds as contract/format.ts does', () => {
  it.each(ROUNDING_CASES)('$value to $decimals decimals reads «$text» ($why)', async (c) => {
    const { value, decimals } = c;
    expect(await sql('ru_num($value::DOUBLE, $decimals)', { value, decimals })).toBe(c.text);
  });

  it('writes a methodology value with up to two decimals', async () => {
    expect(await sql('ru_g(10::DOUBLE)')).toBe('10');
    expect(await sql('ru_g(1.5::DOUBLE)')).toBe('1,5');
    expect(await sql('ru_g(1.005::DOUBLE)')).toBe('1,01');
    expect(await sql('ru_g(0::DOUBLE)')).toBe('0');
  });

  it('gives no text for no value', async () => {
    expect(await sql('ru_num(NULL::DOUBLE, 1)')).toBeNull();
  });
});

describe('shares and bounds', () => {
  it('computes a share from counts exactly where it can', async () => {
    expect(await sql('share_pct(9, 16)')).toBe(56.25);
    expect(await sql('share_pct(3, 20)')).toBe(15);
    expect(await sql('share_pct(5, 0)')).toBeNull();
    // 50 % − 40 % is exactly 10 п.п. from shares computed this way; 2/24 − 4/30 is −5 here, but
    // −5.000000000000002 the way trend_shares used to compute it (100 · (a / n) − 100,0 · b / m),
    // and drop_float_noise settles such noise before a comparison.
    expect(await sql('share_pct(50, 100) - share_pct(40, 100)')).toBe(10);
    expect(await sql('100 * (0.5::DOUBLE - 0.4::DOUBLE)')).toBe(9.999999999999998);
    expect(await sql('share_pct(2, 24) - share_pct(4, 30)')).toBe(-5);
    expect(await sql('100 * (2 / 24) - 100.0 * 4 / 30')).toBe(-5.000000000000002);
    expect(await sql('drop_float_noise(100 * (2 / 24) - 100.0 * 4 / 30)')).toBe(-5);
    expect(await sql('drop_float_noise(100 * (0.5::DOUBLE - 0.4::DOUBLE))')).toBe(10);
  });

  it('keeps Wilson bounds within 0 and 1', async () => {
    expect(await sql('wilson_low(0.0, 40, 1.96)')).toBe(0);
    expect(await sql('wilson_high(1.0, 40, 1.96)')).toBe(1);
    // unclamped, the formula gives about −3e-15 and 1.0000000000000002 on some n
    for (const n of [7, 12, 24, 31, 45, 97, 1000]) {
      expect(await sql('wilson_low(0.0, $n, 1.96)', { n })).toBe(0);
      expect(await sql('wilson_high(1.0, $n, 1.96)', { n })).toBe(1);
    }
  });
});
