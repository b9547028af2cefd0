/**
 * All Russian number, share and plural formatting of the dashboard lives here.
 *
 * One rounding rule for every number shown with a fixed number of decimals: half away from zero
 * on the DECIMAL value the number stands for, as a methodologist rounds by hand (56,25 → 56,3;
 * 12,35 → 12,4; 0,05 → 0,1; 99,95 → 100,0; −0,05 → −0,1). A double carries noise from the
 * arithmetic that made it (12,35 computed as 12.349999999999998, 10 п.п. as 9.999999999999998),
 * so the value is first settled to 9 decimals (rounded half away from zero to a whole number of
 * 1e-9), then rounded to the decimals shown, in exact integer arithmetic. A value that rounds to
 * zero has no minus («0,0», never «−0,0»). analytics/models/macros.sql (round_units, ru_num) is
 * the same rule in SQL; test/contract/rounding-cases.ts is the table of cases both must pass.
 */
const integer = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

const DASH = '—';
/** Decimals a value is settled to before it is rounded for display (see above). */
const SETTLE_DECIMALS = 9;

/**
 * The value in whole units of 10^−decimals, rounded by the rule above (decimals 0…9):
 * roundedUnits(12.35, 1) = 124n, roundedUnits(-0.05, 1) = -1n.
 */
export function roundedUnits(value: number, decimals: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`Не число: ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > SETTLE_DECIMALS)
    throw new RangeError(`Знаков после запятой: ${decimals}`);
  // The same double product as SQL's x * 1e9, rounded half away from zero to a whole number.
  const scaled = value * 10 ** SETTLE_DECIMALS;
  const settled = BigInt(Math.sign(scaled) * Math.round(Math.abs(scaled)));
  const unit = 10n ** BigInt(SETTLE_DECIMALS - decimals);
  const magnitude = (abs(settled) + unit / 2n) / unit;
  return settled < 0n ? -magnitude : magnitude;
}

const abs = (n: bigint) => (n < 0n ? -n : n);

/** The rounded value as a number (for downloads): roundTo(1.005, 2) = 1.01, never −0. */
export function roundTo(value: number, decimals: number): number {
  const units = roundedUnits(value, decimals);
  return units === 0n ? 0 : Number(units) / 10 ** decimals;
}

/** The magnitude of rounded units as Russian digits: 12345,7 → «12 345,7» (no sign). */
function ruDigits(units: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const whole = integer.format(abs(units) / scale);
  if (decimals === 0) return whole;
  return `${whole},${String(abs(units) % scale).padStart(decimals, '0')}`;
}

/** «12,4», «-0,1» (a hyphen-minus, as Intl ru-RU writes it) or «0,0»: the rounding rule, in ru-RU. */
export function formatDecimal(value: number | null | undefined, decimals: number): string {
  if (value == null || !Number.isFinite(value)) return DASH;
  const units = roundedUnits(value, decimals);
  return `${units < 0n ? '-' : ''}${ruDigits(units, decimals)}`;
}

/** «12,50» → «12,5», «10,00» → «10»: trailing zeros of the decimals dropped. */
const dropTrailingZeros = (text: string) => (text.includes(',') ? text.replace(/,?0+$/, '') : text);

/** 12,5 or 5: up to `decimals` decimals by the rounding rule, trailing zeros dropped. */
export const formatUpTo = (value: number | null | undefined, decimals: number) =>
  dropTrailingZeros(formatDecimal(value, decimals));

/** 81,5 or 12: a value of a region's own indicator, as many decimals as it has (up to 2). */
export const formatNumber = (value: number | null | undefined) => formatUpTo(value, 2);

/** 12,3 % */
export const formatPct = (value: number | null | undefined) =>
  value == null || !Number.isFinite(value) ? DASH : `${formatDecimal(value, 1)} %`;

/** «+2,1», «−2,1» (a typographic minus, not a hyphen) or «0,0»: a signed change, one decimal. */
export function formatSigned(value: number, decimals = 1): string {
  const units = roundedUnits(value, decimals);
  const sign = units > 0n ? '+' : units < 0n ? '\u2212' : '';
  return `${sign}${ruDigits(units, decimals)}`;
}

/** +1, −5 or 0: a signed value (a cut point of a change) with up to `decimals` decimals. */
export const formatSignedUpTo = (value: number, decimals: number) =>
  dropTrailingZeros(formatSigned(value, decimals));

/** +2,1 п.п. or −2,1 п.п. (percentage-point change; a typographic minus, not a hyphen) */
export const formatPp = (value: number | null | undefined) =>
  value == null || !Number.isFinite(value) ? DASH : `${formatSigned(value)} п.п.`;

/** 1 234 */
export const formatInt = (value: number | null | undefined) => formatDecimal(value, 0);

/** 3,75 */
export const formatMark = (value: number | null | undefined) => formatDecimal(value, 2);

/** 12,3 % (45): a share with the count it is made of. */
export const formatPctOf = (pct: number | null | undefined, count: number | null | undefined) =>
  `${formatPct(pct)} (${formatInt(count)})`;

/** 12,3 % (n = 45): a share with its number of participants. */
export const formatPctN = (pct: number | null | undefined, n: number | null | undefined) =>
  `${formatPct(pct)} (n = ${formatInt(n)})`;

/** Russian plural: pluralRu(5, ['школа', 'школы', 'школ']) → 'школ'. */
export function pluralRu(n: number, [one, few, many]: readonly [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** «18 школ» */
export const countRu = (n: number, forms: readonly [string, string, string]) =>
  `${formatInt(n)} ${pluralRu(n, forms)}`;

export const SCHOOLS: readonly [string, string, string] = ['школа', 'школы', 'школ'];

/** 2024/25 for the school year that ends in 2025. */
export const schoolYear = (year: number) => `${year - 1}/${String(year).slice(2)}`;

/** 23.11.2026 from an ISO date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** 23.11.2026 10:41 from an ISO date-time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  return `${formatDate(iso)} ${iso.slice(11, 16)}`;
}
