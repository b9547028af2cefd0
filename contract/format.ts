/** All Russian number, share and plural formatting of the dashboard lives here. */
const decimal1 = new Intl.NumberFormat('ru-RU', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const decimal2 = new Intl.NumberFormat('ru-RU', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const integer = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const signed1 = new Intl.NumberFormat('ru-RU', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

const upTo2 = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });

const DASH = '—';

/** 81,5 or 12: a value of a region's own indicator, as many decimals as it has (up to 2). */
export const formatNumber = (value: number | null | undefined) =>
  value == null ? DASH : upTo2.format(value);

/** 12,3 % */
export const formatPct = (value: number | null | undefined) =>
  value == null ? DASH : `${decimal1.format(value)} %`;

/** +2,1 п.п. or −2,1 п.п. (percentage-point change; a typographic minus, not a hyphen) */
export const formatPp = (value: number | null | undefined) =>
  value == null ? DASH : `${signed1.format(value).replace('-', '\u2212')} п.п.`;

/** 1 234 */
export const formatInt = (value: number | null | undefined) =>
  value == null ? DASH : integer.format(value);

/** 3,75 */
export const formatMark = (value: number | null | undefined) =>
  value == null ? DASH : decimal2.format(value);

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
