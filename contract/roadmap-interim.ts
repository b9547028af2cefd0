/**
 * TODO(lead): use contract/roadmap.ts — a stand-in for its status labels and its deadline
 * parser until that branch is merged; remove this file then and import from there.
 */

/** The statuses of a road-map measure, in the order the page offers them. */
export const ROADMAP_STATUSES = [
  'запланировано',
  'выполнено',
  'перенесено',
  'не выполнено',
] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

const MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The calendar year of a month of school year `year` (2024 = 2023/24): September on is year − 1. */
const yearOfMonth = (month: number, year: number) => (month >= 9 ? year - 1 : year);

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Every date a term names, in the order written: «15.09.2023», «15.09.», «Октябрь 2023 г». */
function termDates(term: string, year: number): { at: number; date: string }[] {
  const dates: { at: number; date: string }[] = [];
  for (const m of term.matchAll(/(\d{1,2})\.(\d{1,2})\.?(\d{4})?/g)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const y = m[3] ? Number(m[3]) : yearOfMonth(month, year);
    if (month >= 1 && month <= 12 && day >= 1 && day <= lastDay(y, month))
      dates.push({ at: m.index, date: iso(y, month, day) });
  }
  const words =
    /(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*(?:\s+(\d{4}))?/gi;
  for (const m of term.matchAll(words)) {
    const stem = m[1]!.toLowerCase();
    const month = MONTHS.findIndex((s) => (s === 'ма' ? stem.startsWith('ма') : stem === s)) + 1;
    const y = m[2] ? Number(m[2]) : yearOfMonth(month, year);
    dates.push({ at: m.index, date: iso(y, month, lastDay(y, month)) });
  }
  return dates.sort((a, b) => a.at - b.at);
}

/**
 * The last date a term names, ISO, in school year `year`; null when it names none
 * («в течение года»). «15.08. – 15.09.» of 2023/24 → 2023-09-15; «Октябрь 2023 г» → 2023-10-31.
 */
export function termDeadline(term: string | null | undefined, year: number): string | null {
  if (!term) return null;
  return termDates(term, year).at(-1)?.date ?? null;
}
