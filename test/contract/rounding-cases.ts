/**
 * The rounding rule's cases, written out by hand: half away from zero on the decimal value,
 * no minus on a zero. Both implementations must pass every one: contract/format.ts
 * (formatDecimal, test/contract/rounding.test.ts) and the SQL macro ru_num of
 * analytics/models/macros.sql (test/analytics/rounding_sql.test.ts).
 */
export interface RoundingCase {
  value: number;
  decimals: number;
  /** ru-RU text: decimal comma, a no-break space between thousands, a hyphen-minus */
  text: string;
  why: string;
}

export const ROUNDING_CASES: readonly RoundingCase[] = [
  { value: 56.25, decimals: 1, text: '56,3', why: '…,25: Луговская СОШ, 9 из 16' },
  { value: 12.35, decimals: 1, text: '12,4', why: '…,35: the double is 12.3499999…' },
  { value: 12.45, decimals: 1, text: '12,5', why: '…,45: the double is 12.4499999…' },
  { value: 0.25, decimals: 1, text: '0,3', why: '…,25 below one' },
  { value: 0.35, decimals: 1, text: '0,4', why: '…,35 below one' },
  { value: 0.45, decimals: 1, text: '0,5', why: '…,45 below one' },
  { value: 0.05, decimals: 1, text: '0,1', why: 'the smallest half' },
  { value: 99.95, decimals: 1, text: '100,0', why: 'a half that carries into the hundreds' },
  { value: 99.949999, decimals: 1, text: '99,9', why: 'just below a half' },
  { value: 12.349999, decimals: 1, text: '12,3', why: 'just below a half stays below' },
  { value: 12.349999999, decimals: 1, text: '12,3', why: '1e-9 below a half is still below' },
  {
    value: 12.349999999999998,
    decimals: 1,
    text: '12,4',
    why: '12,35 as arithmetic leaves it: noise under 1e-9 is not a value',
  },
  {
    value: 100 * (0.5 - 0.4),
    decimals: 1,
    text: '10,0',
    why: '10 п.п. computed as 9.999999999999998',
  },
  { value: -0.05, decimals: 1, text: '-0,1', why: 'a negative half, away from zero' },
  { value: -12.35, decimals: 1, text: '-12,4', why: 'a negative …,35' },
  { value: -56.25, decimals: 1, text: '-56,3', why: 'a negative …,25' },
  { value: -0.04, decimals: 1, text: '0,0', why: 'rounds to zero: no minus' },
  { value: -3e-15, decimals: 1, text: '0,0', why: "a 0 % share's Wilson bound before clamping" },
  { value: 0, decimals: 1, text: '0,0', why: 'zero' },
  { value: 0, decimals: 0, text: '0', why: 'zero, whole' },
  { value: 0, decimals: 2, text: '0,00', why: 'zero, two decimals' },
  { value: 2.5, decimals: 0, text: '3', why: 'a whole half, not to even' },
  { value: -2.5, decimals: 0, text: '-3', why: 'a negative whole half' },
  { value: 0.5, decimals: 0, text: '1', why: 'a half below one' },
  { value: 1.005, decimals: 2, text: '1,01', why: 'two decimals: the double is 1.00499999…' },
  { value: 2.675, decimals: 2, text: '2,68', why: 'two decimals: the double is 2.67499999…' },
  { value: 3.745, decimals: 2, text: '3,75', why: 'a mean mark' },
  { value: 3.744999, decimals: 2, text: '3,74', why: 'a mean mark just below a half' },
  { value: 1234.5, decimals: 0, text: '1\u00a0235', why: 'thousands, as ru-RU groups them' },
  { value: 12345.65, decimals: 1, text: '12\u00a0345,7', why: 'thousands and a half' },
  { value: 1286540, decimals: 0, text: '1\u00a0286\u00a0540', why: 'millions' },
  { value: 100, decimals: 1, text: '100,0', why: 'a whole share' },
];
