/**
 * The municipal road map (муниципальная дорожная карта) of a school year: its statuses, whom a
 * measure serves, and the deadline read from a term as the road map writes it («15.08. – 15.09.»,
 * «Октябрь 2023 г», «в течение года»).
 */

/** A measure's status, stored as the Russian word itself (roadmap_measure.status). */
export const ROADMAP_STATUSES = [
  'запланировано',
  'выполнено',
  'перенесено',
  'не выполнено',
] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** Whom a measure serves: all of the year's working list, one cluster of it, or named schools. */
export const ROADMAP_SERVES = ['list', 'cluster', 'schools'] as const;
export type RoadmapServes = (typeof ROADMAP_SERVES)[number];

/** Month stems in any case form: «январь», «января», «в январе». */
const MONTHS: readonly RegExp[] = [
  /^январ/,
  /^феврал/,
  /^март/,
  /^апрел/,
  /^ма[йяе]$/,
  /^июн/,
  /^июл/,
  /^август/,
  /^сентябр/,
  /^октябр/,
  /^ноябр/,
  /^декабр/,
];

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A month without a year lies in the school year: September–December in its first calendar year. */
const yearOfMonth = (month: number, schoolYear: number) =>
  month >= 9 ? schoolYear - 1 : schoolYear;

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const fullYear = (text: string | undefined) =>
  text === undefined ? undefined : text.length === 2 ? 2000 + Number(text) : Number(text);

// «15.09.», «15.09.2023», «15.09.23», «01.11 2023 года»
const NUMERIC = /(?<!\d)(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})(?!\d)|\.?\s*(\d{4})(?!\d))?/gu;
// «Октябрь 2023 г», «20 октября», «ноябрь»
const WORD = /(?:(?<!\d)(\d{1,2})\s+)?(?<![а-яё])([а-яё]{3,})(?:\s*(\d{4})(?!\d))?/giu;
const WHOLE_YEAR = /в\s+течени[ие]\s+(?:всего\s+)?(?:учебного\s+)?года/iu;

type Found = { at: number; date: string };

function numericDates(term: string, year: number): Found[] {
  const found: Found[] = [];
  for (const match of term.matchAll(NUMERIC)) {
    const month = Number(match[2]);
    const written = fullYear(match[3] ?? match[4]);
    const date = isoDate(written ?? yearOfMonth(month, year), month, Number(match[1]));
    if (date) found.push({ at: match.index, date });
  }
  return found;
}

function monthDates(term: string, year: number): Found[] {
  const found: Found[] = [];
  for (const match of term.matchAll(WORD)) {
    const word = match[2]!.toLowerCase();
    const month = MONTHS.findIndex((stem) => stem.test(word)) + 1;
    if (month === 0) continue;
    const calendarYear = fullYear(match[3]) ?? yearOfMonth(month, year);
    const day = match[1] === undefined ? daysIn(calendarYear, month) : Number(match[1]);
    const date = isoDate(calendarYear, month, day);
    if (date) found.push({ at: match.index, date });
  }
  return found;
}

/**
 * The last date a term names, as an ISO date, in the school year `year` (its closing calendar
 * year: 2024 = 2023/24): a date or month without a year falls in September–December of 2023 or
 * January–August of 2024; a month alone means its last day; «в течение (учебного) года» the end
 * of the school year (31 August). Null when the term names no date («По графику КОиПО»).
 */
export function termDeadline(term: string, year: number): string | null {
  const found = [...numericDates(term, year), ...monthDates(term, year)];
  if (found.length > 0) return found.reduce((last, f) => (f.at > last.at ? f : last)).date;
  return WHOLE_YEAR.test(term) ? `${year}-08-31` : null;
}
