/**
 * Функциональная грамотность page: its URL parameters, filter choices, table columns, trend rows
 * and the district's figures of the chosen grade. Plain functions: the view and its sections
 * only draw what these return.
 */
import type {
  FgDistrictRow,
  FgLevels,
  FgPage,
  FgSchoolRow,
  FgTargets,
  FgTrendRow,
} from '../../../contract/api/fg-types.ts';
import {
  countRu,
  formatInt,
  formatPct,
  formatPp,
  SCHOOLS,
  schoolYear,
} from '../../../contract/format.ts';
import {
  IN_BROWSER,
  intColumn,
  participantsColumn,
  pctColumn,
  ppColumn,
  yearColumn,
  type Column,
  type PageRequest,
} from '../../../contract/table.ts';
import { formatPupils } from '../../../contract/charts/fg-contributions.ts';
import type { Choice } from './choices.ts';

/** The school table's order, asked of the server with the page too. */
export const FG_SCHOOL_SORT = { key: 'contribution', direction: 'desc' } as const;
/** The contribution chart shows at most this many schools, the largest contributions. */
export const FG_CHART_MAX = 40;

export interface FgQuery {
  year: string | undefined;
  grade: string | undefined;
  direction: string | undefined;
}

/** year, grade and direction from the URL, as given: the server resolves defaults and unknowns. */
export function readFgQuery(query: URLSearchParams): FgQuery {
  return {
    year: query.get('year') ?? undefined,
    grade: query.get('grade') ?? undefined,
    direction: query.get('direction') ?? undefined,
  };
}

/** GET /api/fg parameters: the URL's selection and the first IN_BROWSER schools by contribution. */
export function fgPageParams(query: FgQuery) {
  return { ...query, limit: IN_BROWSER, sort: FG_SCHOOL_SORT.key, dir: FG_SCHOOL_SORT.direction };
}

/** GET /api/fg/schools parameters: one page of the shown selection's schools. */
export function fgSchoolsParams(data: FgPage, request: PageRequest) {
  return { year: data.year!, grade: data.grade ?? 'all', direction: data.direction!, ...request };
}

/** The filters' choices; a value of the URL without data is offered as «(нет данных)». */
export function fgFilterChoices(data: FgPage): {
  years: Choice[];
  grades: Choice[];
  directions: Choice[];
} {
  const yearMissing = data.year !== null && !data.years.includes(data.year);
  const gradeMissing = data.grade !== null && !data.grades.includes(data.grade);
  const directionMissing = data.direction !== null && !data.directions.includes(data.direction);
  return {
    years: [
      ...(yearMissing
        ? [{ value: String(data.year), label: `${schoolYear(data.year!)} (нет данных)` }]
        : []),
      ...data.years.map((y) => ({ value: String(y), label: schoolYear(y) })),
    ],
    grades: [
      { value: 'all', label: 'все классы' },
      ...data.grades.map((g) => ({ value: String(g), label: `${g} класс` })),
      ...(gradeMissing
        ? [{ value: String(data.grade), label: `${data.grade} класс (нет данных)` }]
        : []),
    ],
    directions: [
      ...(directionMissing
        ? [{ value: data.direction!, label: `${data.direction} (нет данных)` }]
        : []),
      ...data.directions.map((d) => ({ value: d, label: d })),
    ],
  };
}

/** The grade filter's value: «all» for all grades pooled. */
export const gradeValue = (grade: number | null) => (grade === null ? 'all' : String(grade));

export const fgGradeText = (grade: number | null) =>
  grade === null ? 'все классы' : `${grade} класс`;

/** «из 1 направления», «из 6 направлений» */
export const ofDirections = (n: number) =>
  n % 10 === 1 && n % 100 !== 11 ? 'направления' : 'направлений';

/** The shown direction is one the year has data for. */
export const directionKnown = (data: FgPage) =>
  data.direction !== null && data.directions.includes(data.direction);

/** District rows of the chosen grade, one per direction. */
export const districtOfGrade = (data: FgPage): FgDistrictRow[] =>
  data.district.filter((r) => r.grade === data.grade);

export interface FgDistrictFigures {
  directions: number;
  lowMet: number;
  highMet: number;
  participations: number;
  /** n per direction: «1 200» when all are equal, otherwise «1 150–1 230» */
  nRange: string;
}

/** The KPI figures of the chosen grade's district rows. */
export function fgDistrictFigures(ofGrade: readonly FgDistrictRow[]): FgDistrictFigures {
  const counts = ofGrade.map((r) => r.participants_count);
  const [min, max] = counts.length ? [Math.min(...counts), Math.max(...counts)] : [0, 0];
  return {
    directions: ofGrade.length,
    lowMet: ofGrade.filter((r) => r.low_met).length,
    highMet: ofGrade.filter((r) => r.high_met).length,
    participations: counts.reduce((s, n) => s + n, 0),
    nRange: min === max ? formatInt(min) : `${formatInt(min)}–${formatInt(max)}`,
  };
}

/** The low (недостаточный и низкий) and the high level: their columns differ only in names. */
export type FgLevel = 'low' | 'high';
const LEVEL_NAMES = {
  low: {
    name: 'низкий',
    count: 'Недостаточный и низкий, чел.',
    share: 'Доля недостаточного и низкого',
    target: 'Цель: не более',
    status: 'Цель по низкому уровню',
    gap: 'Отклонение по низкому',
  },
  high: {
    name: 'высокий',
    count: 'Высокий, чел.',
    share: 'Доля высокого',
    target: 'Цель: не менее',
    status: 'Цель по высокому уровню',
    gap: 'Отклонение по высокому',
  },
} as const;

export const targetStatus = (met: boolean) => (met ? 'выполнена' : 'не выполнена');
const missed = (level: FgLevel) => (r: FgLevels) => (r[`${level}_met`] ? undefined : 'bad');
const countColumn = (level: FgLevel): Column<FgLevels> =>
  intColumn(`${level}_count`, LEVEL_NAMES[level].count, (r) => r[`${level}_count`]);
const shareColumn = (level: FgLevel): Column<FgLevels> =>
  pctColumn(`${level}_share`, LEVEL_NAMES[level].share, (r) => r[`${level}_share_pct`], {
    tone: missed(level),
  });
const gapColumn = (level: FgLevel, label: string = LEVEL_NAMES[level].gap): Column<FgLevels> =>
  ppColumn(`${level}_gap`, label, (r) => r[`${level}_share_pct`] - r[`${level}_target_pct`], {
    tone: missed(level),
  });
const levelColumns = (level: FgLevel): Column<FgLevels>[] => [
  countColumn(level),
  shareColumn(level),
  pctColumn(`${level}_target`, LEVEL_NAMES[level].target, (r) => r[`${level}_target_pct`]),
  {
    key: `${level}_status`,
    label: LEVEL_NAMES[level].status,
    value: (r) => targetStatus(r[`${level}_met`]),
    tone: (r) => (r[`${level}_met`] ? 'better' : 'bad'),
  },
  gapColumn(level),
];

/** The district table: directions × grades against both targets. */
export const fgDistrictColumns: Column<FgDistrictRow>[] = [
  { key: 'direction', label: 'Направление', value: (r) => r.direction },
  {
    key: 'grade',
    label: 'Класс',
    value: (r) => r.grade ?? 99,
    format: (r) => fgGradeText(r.grade),
    exported: (r) => fgGradeText(r.grade),
  },
  participantsColumn,
  ...levelColumns('low'),
  ...levelColumns('high'),
  pctColumn('coverage', 'Охват', (r) => r.coverage_pct),
];

/** A school, or the district as the footer row of the school table (school_id null: no link). */
export type SchoolOrDistrict = Omit<FgSchoolRow, 'school_id'> & { school_id: string | null };

/** The district's row of the shown direction as the school table's footer. */
export function districtFootRow(district: FgDistrictRow | undefined): SchoolOrDistrict[] {
  return district
    ? [
        {
          ...district,
          school_id: null,
          short_name: 'Район',
          school_type: '',
          // the schools' contributions add up to the district's excess: the footer shows the sum
          low_gap_contribution_pupils: district.low_excess_pupils,
          low_gap_contribution_pct: null,
        },
      ]
    : [];
}

export const fgSchoolColumns: Column<SchoolOrDistrict>[] = [
  { key: 'school', label: 'Школа', value: (r) => r.short_name, custom: true },
  participantsColumn,
  countColumn('low'),
  shareColumn('low'),
  gapColumn('low', 'Отклонение от цели'),
  intColumn('excess', 'Обучающихся сверх цели', (r) => r.low_excess_pupils, {
    format: (r) => (r.low_excess_pupils > 0 ? formatPupils(r.low_excess_pupils) : '—'),
  }),
  intColumn(
    'contribution',
    'Вклад в отставание района, обучающихся',
    (r) => r.low_gap_contribution_pupils,
    { format: contributionText },
  ),
  shareColumn('high'),
  pctColumn('coverage', 'Охват', (r) => r.coverage_pct, {
    format: (r) =>
      r.coverage_pct == null
        ? '—'
        : `${formatPct(r.coverage_pct)} из ${formatInt(r.enrolled_count)}`,
  }),
];

/**
 * A school's whole pupils of the district's excess and their share («3 (60,0 %)»); a school within
 * the target «0 — цель выполнена»; the district's footer the sum «5 — всего по району».
 */
export function contributionText(r: SchoolOrDistrict): string {
  const pupils = formatInt(r.low_gap_contribution_pupils);
  if (r.school_id == null) return `${pupils} — всего по району`;
  if (r.low_met) return '0 — цель выполнена';
  if (r.low_gap_contribution_pupils === 0) return '0';
  return `${pupils} (${formatPct(r.low_gap_contribution_pct)})`;
}

/** One year of the district's trend: its low and high share. */
export interface TrendYear {
  year: number;
  low: FgTrendRow | undefined;
  high: FgTrendRow | undefined;
}

/** The trend rows by year, the latest first. */
export function trendYears(rows: readonly FgTrendRow[]): TrendYear[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  return years.map((year) => ({
    year,
    low: rows.find((r) => r.year === year && r.indicator === 'fg_low'),
    high: rows.find((r) => r.year === year && r.indicator === 'fg_high'),
  }));
}

const interval = (r: FgTrendRow | undefined) =>
  r ? `${formatPct(r.ci_low_pct)} – ${formatPct(r.ci_high_pct)}` : '—';
const significance = (r: FgTrendRow | undefined) =>
  !r || r.change_pp == null ? '—' : r.change_significant ? 'значимо' : 'незначимо';

/** The trend table's columns; a share above the low target or below the high one is marked. */
export function fgTrendColumns(targets: FgTargets | null): Column<TrendYear>[] {
  const missesTarget = (level: FgLevel, r: FgTrendRow | undefined) =>
    !!r &&
    !!targets &&
    (level === 'low' ? r.pct > targets.low_target_pct : r.pct < targets.high_target_pct);
  const levelTrend = (level: FgLevel): Column<TrendYear>[] => {
    const name = LEVEL_NAMES[level].name;
    return [
      pctColumn(`${level}_share`, LEVEL_NAMES[level].share, (r) => r[level]?.pct, {
        tone: (r) => (missesTarget(level, r[level]) ? 'bad' : undefined),
      }),
      {
        key: `${level}_ci`,
        label: `95 % интервал (${name})`,
        value: (r) => interval(r[level]),
        numeric: true,
      },
      ppColumn(`${level}_change`, `Изменение за год (${name})`, (r) => r[level]?.change_pp),
      {
        key: `${level}_significant`,
        label: `Значимость изменения (${name})`,
        value: (r) => significance(r[level]),
        tone: (r) => (r[level]?.change_significant ? 'warn' : undefined),
      },
    ];
  };
  return [
    yearColumn('year', 'Учебный год', (r) => r.year),
    intColumn('n', 'Участников (n)', (r) => r.low?.n),
    ...levelTrend('low'),
    ...levelTrend('high'),
  ];
}

/** The trend chart's note: the significant changes and n by year, oldest first. */
export function trendNote(trend: readonly FgTrendRow[], loaded: string): string {
  const significant = trend.filter((r) => r.change_significant);
  const changes =
    significant.length === 0
      ? 'таких изменений нет'
      : significant
          .map(
            (r) =>
              `${r.indicator === 'fg_low' ? 'недостаточный и низкий' : 'высокий'} в ${schoolYear(r.year)}: ${formatPp(r.change_pp)}`,
          )
          .join('; ');
  const byYear = trendYears(trend)
    .reverse()
    .map((r) => `${schoolYear(r.year)} — ${formatInt(r.low?.n)}`)
    .join(', ');
  return `Полосы — 95 % доверительный интервал Уилсона; кольцо — изменение к предыдущему году больше, чем допускает случайность при таком n (${changes}). n по годам: ${byYear}. Данные загружены ${loaded}.`;
}

/** The contribution chart's note: which schools it shows, out of how many. */
export function contributionNote(options: {
  schoolUser: boolean;
  shown: number;
  contributing: number;
  lowTarget: number;
  /** the district's whole pupils above the low target, shared out over the shown schools */
  districtExcess: number;
  districtN: number;
  loaded: string;
}): string {
  const { schoolUser, shown, contributing, lowTarget, districtExcess, districtN, loaded } = options;
  const whom = schoolUser
    ? `Доля школы выше цели ${formatPct(lowTarget)}; серым — если n меньше методического минимума (мало данных)`
    : `${shown === 1 ? 'Показана' : 'Показаны'} ${countRu(shown, SCHOOLS)} с вкладом в превышение цели ${formatPct(lowTarget)}${contributing > shown ? ` — с наибольшим из ${formatInt(contributing)}` : ''}; серым — школы с n меньше методического минимума (мало данных)`;
  return `${whom}. Сверх цели по району — ${formatPupils(districtExcess)}, n района = ${formatInt(districtN)}. Данные загружены ${loaded}.`;
}
