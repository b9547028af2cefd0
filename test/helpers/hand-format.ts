/**
 * Expected texts of numbers for the end-to-end tests, worked out independently of the product's
 * contract/format.ts: a second method, not the product's code. Shares and differences are taken
 * as exact fractions of whole counts and rounded with integer (BigInt) arithmetic, half away from
 * zero, so a reader can check each by hand: 3 of 8 is 37,5 %, 1000 · 3 / 8 = 375 tenths; 1 of 8
 * is 12,5 %, 125 tenths; 1 of 80 is 1,25 % → 12,5 tenths → 13 → «1,3 %». Only values that are
 * not fractions of counts (a Wilson bound, an average the API computed) go through
 * `decimalOf`, which rounds the double itself; they are never exactly halfway.
 *
 * ru-RU writing: groups of three digits separated by a no-break space (U+00A0), a decimal comma,
 * «%» after a space, a change signed with «+» or the typographic minus (U+2212), «0,0» unsigned.
 */
const NBSP = '\u00a0';
const MINUS = '\u2212';

/** «1 234»: a whole number with its digits grouped by three. */
export function intText(n: number | bigint): string {
  const value = BigInt(n);
  const digits = (value < 0n ? -value : value).toString();
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3)
    groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${value < 0n ? '-' : ''}${groups.join(NBSP)}`;
}

/** num / den rounded to a whole number, half away from zero: (2·|num| + den) div (2·den). */
function roundRatio(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const [a, b] = [num < 0n ? -num : num, den < 0n ? -den : den];
  const q = (2n * a + b) / (2n * b);
  return negative ? -q : q;
}

/** Units of 10^−decimals as text: 375 tenths → «37,5»; the magnitude only. */
function unitsText(units: bigint, decimals: number): string {
  const magnitude = units < 0n ? -units : units;
  const scale = 10n ** BigInt(decimals);
  const whole = intText(magnitude / scale);
  return decimals === 0 ? whole : `${whole},${String(magnitude % scale).padStart(decimals, '0')}`;
}

const signed = (units: bigint, decimals: number) =>
  `${units > 0n ? '+' : units < 0n ? MINUS : ''}${unitsText(units, decimals)}`;

/** «37,5 %»: part of n in per cent, one decimal (tenths = 1000 · part / n, rounded). */
export const pctOf = (part: number, n: number) =>
  `${unitsText(roundRatio(1000n * BigInt(part), BigInt(n)), 1)} %`;

/**
 * «+5,0 п.п.»: the share part / n (%) minus a target given in whole per cent or tenths — in
 * tenths: (1000 · part − 10 · target · n) / n.
 */
export function ppFromTarget(part: number, n: number, targetPct: number): string {
  const targetTenths = BigInt(targetPct * 10);
  if (Number(targetTenths) !== targetPct * 10) throw new Error(`цель ${targetPct}: нужны десятые`);
  const num = 1000n * BigInt(part) - targetTenths * BigInt(n);
  return `${signed(roundRatio(num, BigInt(n)), 1)} п.п.`;
}

/** «−2,5 п.п.»: the change from a0 of n0 to a1 of n1, in tenths (1000·(a1·n0 − a0·n1)) / (n0·n1). */
export function ppChange(a1: number, n1: number, a0: number, n0: number): string {
  const num = 1000n * (BigInt(a1) * BigInt(n0) - BigInt(a0) * BigInt(n1));
  return `${signed(roundRatio(num, BigInt(n0) * BigInt(n1)), 1)} п.п.`;
}

/**
 * A value that is not a fraction of counts (a Wilson bound, a mean the API reports), with
 * `decimals` decimals: the double times 10^decimals rounded half away from zero.
 */
export function decimalOf(value: number, decimals: number): string {
  const scaled = Math.abs(value) * 10 ** decimals;
  const units = BigInt(Math.round(scaled)) * (value < 0 ? -1n : 1n);
  return `${units < 0n ? '-' : ''}${unitsText(units, decimals)}`;
}

/** «56,3 %» of a value the API reports in per cent; «—» where it has none. */
export const pctText = (value: number | null) =>
  value === null ? '—' : `${decimalOf(value, 1)} %`;

/** «2024/25» for the school year that ends in 2025. */
export const yearText = (year: number) => `${year - 1}/${String(year % 100).padStart(2, '0')}`;

/**
 * «21 школа», «3 школы», «11 школ»: Russian agreement by the last two digits — 11–14 take the
 * third form; otherwise a last digit 1 the first, 2–4 the second, else the third.
 */
export function countText(n: number, [one, few, many]: readonly [string, string, string]): string {
  const lastTwo = n % 100;
  const last = n % 10;
  const word =
    lastTwo >= 11 && lastTwo <= 14 ? many : last === 1 ? one : last >= 2 && last <= 4 ? few : many;
  return `${intText(n)} ${word}`;
}
