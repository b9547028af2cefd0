/**
 * «Сравнение лет»: the URL's years and series, why a selection cannot be compared, the series
 * list of the indicator filter, the tables' columns and the district's KPIs. Plain functions:
 * the view and its sections only draw what these return.
 */
import type {
  CompareOption,
  CompareOptions,
  ComparePair,
  GridSchoolRow,
} from '../../../contract/api/compare-types.ts';
import {
  countRu,
  formatDecimal,
  formatInt,
  SCHOOLS,
  schoolYear,
} from '../../../contract/format.ts';
import { intColumn, pctColumn, ppColumn, type Column } from '../../../contract/table.ts';
import { CHANGE_NAMES, STATUS_NAMES } from '../../../contract/charts/compare-grid.ts';
import { markedName } from './nonobjective.ts';

/** One series: indicator × topic (subject or ФГ direction) × grade (null: none, or all grades). */
export interface Series {
  indicator: string;
  topic: string;
  grade: number | null;
}

export const seriesKey = (o: Series) => `${o.indicator}|${o.topic}|${o.grade ?? ''}`;
export const isFgIndicator = (indicator: string) => indicator.startsWith('fg_');
const gradeText = (o: Series) =>
  o.grade != null ? `${o.grade} кл.` : isFgIndicator(o.indicator) ? 'все классы' : '';
/** «Математика, 5 кл.»: a series in the indicator list, under its indicator's title. */
export const optionLabel = (o: Series) => [o.topic, gradeText(o)].filter(Boolean).join(', ');
/** «ВПР: доля «2» — Математика, 5 кл.» */
export const seriesTitle = (o: Series & { title: string }) => `${o.title} — ${optionLabel(o)}`;
/** A series as URL (and API) parameters; no grade is an empty value. */
export const seriesParams = (o: Series) => ({
  indicator: o.indicator,
  topic: o.topic,
  grade: o.grade ?? '',
});
/** The link of a series with the two years shown. */
export const seriesHref = (years: { yearA: number; yearB: number } | undefined, o: Series) =>
  `/compare?${new URLSearchParams({
    year_a: String(years?.yearA ?? ''),
    year_b: String(years?.yearB ?? ''),
    indicator: o.indicator,
    topic: o.topic,
    grade: String(o.grade ?? ''),
  })}`;

/** A four-digit year of the URL, or undefined. */
export function yearParam(query: URLSearchParams, key: 'year_a' | 'year_b'): number | undefined {
  const raw = query.get(key);
  return raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
}

export interface CompareChoice {
  yearA: number | undefined;
  yearB: number | undefined;
  /** the key of the URL's series, or of the default one; '' when there are no series */
  chosenKey: string;
  /** the series of chosenKey when it has data */
  chosen: CompareOption | undefined;
}

/**
 * Years A and B (the URL's, or the last two with data) and the series (the URL's, or ВПР доля «2»
 * Математика 5 кл., or the first one).
 */
export function readCompareQuery(
  query: URLSearchParams,
  options: CompareOptions | undefined,
): CompareChoice {
  const years = options?.years ?? [];
  const all = options?.options ?? [];
  const indicator = query.get('indicator');
  const grade = query.get('grade') ?? '';
  const preferred =
    all.find((o) => o.indicator === 'vpr_dolya2' && o.topic === 'Математика' && o.grade === 5) ??
    all[0];
  const chosenKey = indicator
    ? seriesKey({
        indicator,
        topic: query.get('topic') ?? '',
        grade: /^\d{1,2}$/.test(grade) ? Number(grade) : null,
      })
    : preferred
      ? seriesKey(preferred)
      : '';
  return {
    yearA: yearParam(query, 'year_a') ?? years.at(-2),
    yearB: yearParam(query, 'year_b') ?? years.at(-1),
    chosenKey,
    chosen: all.find((o) => seriesKey(o) === chosenKey),
  };
}

/** Why nothing can be compared, in Russian; undefined when the selection is fine. */
export function compareProblem(years: readonly number[], selection: CompareChoice) {
  const { yearA, yearB, chosen } = selection;
  if (years.length < 2)
    return 'Для сравнения нужны данные хотя бы за два учебных года: загрузите результаты ещё одного года.';
  if (yearA === undefined || yearB === undefined) return 'Выберите два учебных года.';
  if (yearA === yearB)
    return `Выберите два разных учебных года: сейчас оба года — ${schoolYear(yearA)}.`;
  const missing = [yearA, yearB].filter((y) => !years.includes(y));
  if (missing.length > 0)
    return `Нет данных за ${missing.map(schoolYear).join(' и ')} учебный год. Данные есть за ${years.map(schoolYear).join(', ')}.`;
  if (!chosen) return 'Выбранного показателя нет в данных: выберите показатель из списка.';
  return undefined;
}

/** The indicator filter's groups: one per indicator title, its series by topic and grade. */
export function optionGroups(options: readonly CompareOption[]) {
  const byTitle = new Map<string, CompareOption[]>();
  for (const o of options) byTitle.set(o.title, [...(byTitle.get(o.title) ?? []), o]);
  return [...byTitle].map(([title, items]) => ({
    title,
    items: items.sort(
      (a, b) => a.topic.localeCompare(b.topic, 'ru') || (a.grade ?? 99) - (b.grade ?? 99),
    ),
  }));
}

// ------- one series in two years -------

/** The series has a share in both years. */
export const bothYears = (p: ComparePair) => p.pct_a != null && p.pct_b != null;
export const isSmall = (p: ComparePair) => Boolean(p.is_small_n_a || p.is_small_n_b);
export const significance = (p: ComparePair) =>
  !bothYears(p) ? null : p.is_significant ? 'значимо' : 'не значимо';
const toneOf = (p: ComparePair) =>
  p.is_significant ? (p.direction === 'ухудшение' ? 'worse' : 'better') : undefined;
/** z with two decimals by the rounding rule, «-2,35»; «—» when it cannot be computed. */
export const zText = (z: number | null) => formatDecimal(z, 2);
/** A small n marks the row (never highlighted as a change); else a significant change for the worse. */
export const rowTone = (p: ComparePair) =>
  isSmall(p)
    ? 'small-n'
    : p.is_significant && p.direction === 'ухудшение'
      ? 'sig-worse'
      : undefined;

const YEARS: readonly [string, string, string] = ['год', 'года', 'лет'];
/** «Изменение 2024/25 → 2025/26», and «за 2 года» when the years are not next to each other. */
export const changeLabel = (yearA: number, yearB: number) =>
  `Изменение ${schoolYear(yearA)} → ${schoolYear(yearB)}` +
  (Math.abs(yearB - yearA) > 1 ? `, за ${countRu(Math.abs(yearB - yearA), YEARS)}` : '');

function yearColumns(yearA: number, yearB: number): Column<ComparePair>[] {
  const a = schoolYear(yearA);
  const b = schoolYear(yearB);
  return [
    pctColumn('pct_a', `Доля ${a}`, (p) => p.pct_a),
    intColumn('n_a', `n ${a}`, (p) => p.n_a),
    pctColumn('pct_b', `Доля ${b}`, (p) => p.pct_b),
    intColumn('n_b', `n ${b}`, (p) => p.n_b),
    ppColumn('change', changeLabel(yearA, yearB), (p) => p.change_pp, { tone: toneOf }),
    {
      key: 'z',
      label: 'z',
      value: (p) => p.z_score,
      format: (p) => zText(p.z_score),
      numeric: true,
    },
    { key: 'significance', label: 'Значимость', value: significance, custom: true },
    {
      key: 'direction',
      label: 'Оценка',
      value: (p) => p.direction,
      format: (p) => p.direction ?? '—',
      tone: toneOf,
    },
  ];
}

/** The district table: every series of the district in years A and B. */
export const districtColumns = (yearA: number, yearB: number): Column<ComparePair>[] => [
  { key: 'title', label: 'Показатель', value: (p) => p.title },
  { key: 'topic', label: 'Предмет / направление', value: (p) => p.topic, custom: true },
  {
    key: 'grade',
    label: 'Класс',
    value: (p) => p.grade ?? (isFgIndicator(p.indicator) ? 'все' : null),
    numeric: true,
  },
  ...yearColumns(yearA, yearB),
];

/** The school table: every school on one series, with a note of missing years and small n. */
export function schoolColumns(yearA: number, yearB: number, minN: number): Column<ComparePair>[] {
  const note = (p: ComparePair) => {
    const parts: string[] = [];
    if (p.pct_a == null) parts.push(`нет данных за ${schoolYear(yearA)}`);
    if (p.pct_b == null) parts.push(`нет данных за ${schoolYear(yearB)}`);
    if (isSmall(p)) parts.push(`мало данных (n < ${minN})`);
    return parts.join('; ') || null;
  };
  return [
    {
      key: 'school',
      label: 'Школа',
      value: (p) => p.short_name,
      exported: (p) => markedName(p.short_name ?? '', p.nonobjective_years),
      custom: true,
    },
    ...yearColumns(yearA, yearB),
    { key: 'note', label: 'Примечание', value: note },
  ];
}

/** The district's series with data in both years, and how many changed significantly. */
export function districtChanges(district: readonly ComparePair[]) {
  const compared = district.filter(bothYears);
  const count = (direction: ComparePair['direction']) =>
    compared.filter((p) => p.is_significant && p.direction === direction).length;
  return { compared: compared.length, worse: count('ухудшение'), better: count('улучшение') };
}

/** The chart's caption part: all schools, or the largest changes of a long list. */
export const chartPart = (schools: number, charted: number) =>
  schools > charted
    ? `${countRu(charted, SCHOOLS)} с наибольшими изменениями (сначала значимые) из ${formatInt(schools)}, `
    : 'школы ';

// ------- the status × change grid -------

/** The year before B (B − 1) when the series has it: the grid compares B with it; a gap year has none. */
export const previousYear = (years: readonly number[], yearB: number) =>
  years.includes(yearB - 1) ? yearB - 1 : undefined;
/** « …и ещё 12» when a list shows fewer than it holds. */
export const moreText = (total: number, shown: number) =>
  total > shown ? ` …и ещё ${formatInt(total - shown)}` : '';
export const levelText = (level: number, names: readonly string[]) =>
  `${level} — ${names[level - 1]}`;
export const colorText = (cell: { color_level: number; color: string }) =>
  `${cell.color_level} · ${cell.color}`;

/** The grid's school table: each school's share in B, change to the previous year, its cell. */
export const gridColumns = (yearB: number, prevYear: number): Column<GridSchoolRow>[] => [
  {
    key: 'school',
    label: 'Школа',
    value: (r) => r.short_name,
    exported: (r) => markedName(r.short_name, r.nonobjective_years),
    custom: true,
  },
  pctColumn('pct', `Доля ${schoolYear(yearB)}`, (r) => r.pct),
  intColumn('n', 'n', (r) => r.n),
  ppColumn('change', `Изменение к ${schoolYear(prevYear)}`, (r) => r.change_pp),
  {
    key: 'significance',
    label: 'Значимость',
    value: (r) => (r.change_significant ? 'значимо' : 'не значимо'),
  },
  {
    key: 'status',
    label: 'Уровень',
    value: (r) => r.status_level,
    format: (r) => levelText(r.status_level, STATUS_NAMES),
    exported: (r) => levelText(r.status_level, STATUS_NAMES),
  },
  {
    key: 'change_level',
    label: 'Изменение (уровень)',
    value: (r) => r.change_level,
    format: (r) => levelText(r.change_level, CHANGE_NAMES),
    exported: (r) => levelText(r.change_level, CHANGE_NAMES),
  },
  {
    key: 'color',
    label: 'Цвет',
    value: (r) => r.color_level,
    exported: colorText,
    custom: true,
  },
];
