/**
 * «Дефициты», the ВПР task deficits: the work of the URL (year, subject, grade) and its school
 * filter (school), the filters' choices, the tables' columns and the KPI figures.
 */
import type {
  DeficitOptions,
  DeficitSchoolCell,
  DeficitTaskRow,
  DeficitVpr,
  TaskStatus,
} from '../../../contract/api/deficits-types.ts';
import { formatInt, formatPct, schoolYear } from '../../../contract/format.ts';
import { pctColumn, ppColumn, type Column } from '../../../contract/table.ts';
import type { HeatMap } from '../../../contract/charts/deficits-heatmap.ts';
import { isYear, withCurrent, type Choice } from './choices.ts';

const byRussian = (a: string, b: string) => a.localeCompare(b, 'ru');

export type VprCombo = DeficitOptions['vpr'][number];

export const vprYears = (combos: readonly VprCombo[]) =>
  [...new Set(combos.map((c) => c.year))].sort((a, b) => b - a);
export const subjectsOf = (combos: readonly VprCombo[], year: number) =>
  [...new Set(combos.filter((c) => c.year === year).map((c) => c.subject))].sort(byRussian);
export const gradesOf = (combos: readonly VprCombo[], year: number, subject: string) =>
  combos
    .filter((c) => c.year === year && c.subject === subject)
    .map((c) => c.grade)
    .sort((a, b) => a - b);
/** Математика when the year has it, else the first subject. */
export function defaultSubject(combos: readonly VprCombo[], year: number): string {
  const list = subjectsOf(combos, year);
  return list.includes('Математика') ? 'Математика' : (list[0] ?? '');
}
/** 5th grade when the subject has it, else the lowest. */
export function defaultGrade(combos: readonly VprCombo[], year: number, subject: string): number {
  const list = gradesOf(combos, year, subject);
  return list.includes(5) ? 5 : (list[0] ?? 0);
}

/** The ВПР work of the URL: year, subject, grade (defaults filled in) and the school filter. */
export interface VprSelection {
  /** year and grade as written in the URL, null when absent */
  yearParam: string | null;
  gradeParam: string | null;
  year: number;
  subject: string;
  grade: number;
  /** the combination has data */
  exists: boolean;
  /** «Математика, 5 класс, 2024/25 учебный год», with the URL's values when they are not valid */
  text: string;
  /** school_id of the school filter, '' for all schools */
  school: string;
}

export function readVprQuery(query: URLSearchParams, combos: readonly VprCombo[]): VprSelection {
  const yearParam = query.get('year');
  const year = yearParam == null ? (vprYears(combos)[0] ?? 0) : Number(yearParam);
  const subject = query.get('subject') ?? defaultSubject(combos, year);
  const gradeParam = query.get('grade');
  const grade = gradeParam == null ? defaultGrade(combos, year, subject) : Number(gradeParam);
  const gradeText =
    Number.isInteger(grade) && grade > 0 ? `${grade} класс` : `класс «${gradeParam ?? ''}»`;
  const yearText = isYear(year) ? `${schoolYear(year)} учебный год` : `год «${yearParam ?? ''}»`;
  return {
    yearParam,
    gradeParam,
    year,
    subject,
    grade,
    exists: combos.some((c) => c.year === year && c.subject === subject && c.grade === grade),
    text: `${subject || 'предмет не выбран'}, ${gradeText}, ${yearText}`,
    school: query.get('school') ?? '',
  };
}

/** The URL parameters of a work. */
export type VprParams = {
  year: number;
  subject: string;
  grade: number | string;
};

/** Another year: the subject and grade stay when the year has them, else its defaults. */
export function chooseVprYear(
  combos: readonly VprCombo[],
  s: VprSelection,
  value: string,
): VprParams {
  const year = Number(value);
  const subject = subjectsOf(combos, year).includes(s.subject)
    ? s.subject
    : defaultSubject(combos, year);
  const grade = gradesOf(combos, year, subject).includes(s.grade)
    ? s.grade
    : defaultGrade(combos, year, subject);
  return { year, subject, grade };
}

/** Another subject: the grade stays when the subject has it, else its default. */
export function chooseVprSubject(
  combos: readonly VprCombo[],
  s: VprSelection,
  value: string,
): VprParams {
  const grade = gradesOf(combos, s.year, value).includes(s.grade)
    ? s.grade
    : defaultGrade(combos, s.year, value);
  return { year: s.year, subject: value, grade };
}

/** Another grade: year and subject as shown. */
export const chooseVprGrade = (s: VprSelection, value: string): VprParams => ({
  year: s.year,
  subject: s.subject,
  grade: value,
});

/** The three filters' choices and values, the URL's value kept when it has no data. */
export function vprFilterChoices(combos: readonly VprCombo[], s: VprSelection) {
  const year = String(s.yearParam ?? s.year);
  const grade = String(s.gradeParam ?? s.grade);
  return {
    year,
    years: withCurrent(
      vprYears(combos).map((y) => ({ value: String(y), label: schoolYear(y) })),
      year,
      isYear(s.year) ? schoolYear(s.year) : String(s.yearParam),
    ),
    subjects: withCurrent(
      subjectsOf(combos, s.year).map((v) => ({ value: v, label: v })),
      s.subject,
      s.subject,
    ),
    grade,
    grades: withCurrent(
      gradesOf(combos, s.year, s.subject).map((g) => ({ value: String(g), label: `${g} класс` })),
      grade,
      `${grade} класс`,
    ),
  };
}

/** «Математика, 5 класс, 2024/25 учебный год» of a loaded work. */
export const vprTitle = (vpr: DeficitVpr) =>
  `${vpr.subject}, ${vpr.grade} класс, ${schoolYear(vpr.year)} учебный год`;

/** The download name's part: «Математика, 5 класс, 2024-25». */
export const vprFilePart = (vpr: DeficitVpr) =>
  `${vpr.subject}, ${vpr.grade} класс, ${schoolYear(vpr.year).replace('/', '-')}`;

const DIFFICULTY: Record<string, string> = { Б: 'базовый', П: 'повышенный', В: 'высокий' };
const difficultyText = (d: string | null) => (d ? `${d} — ${DIFFICULTY[d] ?? d}` : '—');
const isAdvanced = (d: string | null) => d === 'П' || d === 'В';
export const statusTone = (s: TaskStatus | null | undefined) =>
  s === 'недостаточно' ? 'bad' : s === 'пограничная зона' ? 'warn' : undefined;
export const shortSkill = (s: string | null) =>
  s && s.length > 90 ? `${s.slice(0, 88)}…` : (s ?? '—');

/** The thresholds as they are in the data, per level of difficulty. */
export function thresholdsText(tasks: readonly DeficitTaskRow[]): string {
  const basic = tasks.find((t) => !isAdvanced(t.difficulty));
  const advanced = tasks.find((t) => isAdvanced(t.difficulty));
  const text = (t: DeficitTaskRow, what: string) =>
    `${what}: «достаточно» от ${formatPct(t.sufficient_from)}, «недостаточно» ниже ${formatPct(t.insufficient_below)}, между ними — пограничная зона`;
  return [
    basic ? text(basic, 'базовые задания (Б)') : null,
    advanced ? text(advanced, 'задания повышенного и высокого уровня (П, В)') : null,
  ]
    .filter(Boolean)
    .join('; ');
}

export interface VprFigures {
  /** the most participants of a task in the district, region and RF */
  districtN: number;
  regionN: number;
  countryN: number;
  /** schools on the heat map, and of them those with a task below «недостаточно» */
  schoolsShown: number;
  schoolsWithDeficit: number;
  /** tasks the district as a whole does insufficiently */
  insufficientTasks: DeficitTaskRow[];
  /** the task with the largest share of schools below «недостаточно» */
  worstTask: DeficitTaskRow | undefined;
}

export function vprFigures(vpr: DeficitVpr, map: HeatMap): VprFigures {
  const most = (n: (t: DeficitTaskRow) => number) => Math.max(0, ...vpr.tasks.map(n));
  const schools = map.rows.filter((r) => r.kind === 'school');
  const share = (t: DeficitTaskRow) => t.insufficient_schools_count / Math.max(1, t.schools_count);
  return {
    districtN: most((t) => t.district_n),
    regionN: most((t) => t.region_n ?? 0),
    countryN: most((t) => t.country_n ?? 0),
    schoolsShown: schools.length,
    schoolsWithDeficit: schools.filter((r) => r.insufficient > 0).length,
    insufficientTasks: vpr.tasks.filter((t) => t.district_status === 'недостаточно'),
    worstTask: [...vpr.tasks].sort((a, b) => share(b) - share(a))[0],
  };
}

export const taskColumns: Column<DeficitTaskRow>[] = [
  { key: 'task', label: 'Задание', value: (t) => t.task },
  { key: 'skill', label: 'Проверяемое умение', value: (t) => t.skill },
  {
    key: 'difficulty',
    label: 'Уровень',
    value: (t) => t.difficulty,
    format: (t) => difficultyText(t.difficulty),
  },
  { key: 'max_score', label: 'Макс. балл', value: (t) => t.max_score, numeric: true },
  pctColumn('district', 'Район, %', (t) => t.district_pct, {
    tone: (t) => statusTone(t.district_status),
  }),
  {
    key: 'district_n',
    label: 'Участников в районе (n)',
    value: (t) => t.district_n,
    numeric: true,
  },
  pctColumn('region', 'Регион, %', (t) => t.region_pct),
  pctColumn('country', 'РФ, %', (t) => t.country_pct),
  {
    key: 'insufficient_schools',
    label: 'Школ с недостаточным выполнением',
    value: (t) => t.insufficient_schools_count,
    format: (t) => `${formatInt(t.insufficient_schools_count)} из ${formatInt(t.schools_count)}`,
    exported: (t) => t.insufficient_schools_count,
    numeric: true,
    tone: (t) =>
      t.schools_count > 0 && t.insufficient_schools_count / t.schools_count >= 0.5
        ? 'bad'
        : undefined,
  },
  { key: 'schools', label: 'Школ с данными (n)', value: (t) => t.schools_count, numeric: true },
  {
    key: 'status',
    label: 'Оценка района',
    value: (t) => t.district_status,
    tone: (t) => statusTone(t.district_status),
  },
];

/** The school filter's choices: every school of the work by name. */
export const schoolChoices = (cells: readonly DeficitSchoolCell[]): Choice[] =>
  [...new Map(cells.map((c) => [c.school_id, c.short_name])).entries()]
    .sort((a, b) => byRussian(a[1], b[1]))
    .map(([value, label]) => ({ value, label }));

/** The cells of the chosen school, or all of them. */
export const cellsOfSchool = (cells: readonly DeficitSchoolCell[], school: string) =>
  cells.filter((c) => !school || c.school_id === school);

/** The school × task table: each cell beside its task's skill and the district and region. */
export function cellColumns(
  tasks: readonly DeficitTaskRow[],
  minN: number,
): Column<DeficitSchoolCell>[] {
  const taskOf = new Map(tasks.map((t) => [t.task, t]));
  const task = (c: DeficitSchoolCell) => taskOf.get(c.task);
  return [
    { key: 'school', label: 'Школа', value: (c) => c.short_name, custom: true },
    { key: 'task', label: 'Задание', value: (c) => c.task },
    {
      key: 'skill',
      label: 'Проверяемое умение',
      value: (c) => task(c)?.skill ?? null,
      format: (c) => shortSkill(task(c)?.skill ?? null),
    },
    { key: 'difficulty', label: 'Уровень', value: (c) => task(c)?.difficulty ?? null },
    pctColumn('pct', 'Выполнение, %', (c) => c.completion_pct, {
      tone: (c) => statusTone(c.status),
    }),
    { key: 'n', label: 'Участников (n)', value: (c) => c.participants_count, numeric: true },
    pctColumn('district', 'Район, %', (c) => task(c)?.district_pct ?? null),
    ppColumn('vs_district', 'Разница с районом, п.п.', (c) => c.vs_district_pp),
    pctColumn('region', 'Регион, %', (c) => task(c)?.region_pct ?? null),
    ppColumn('vs_region', 'Разница с регионом, п.п.', (c) => c.vs_region_pp),
    {
      key: 'status',
      label: 'Оценка по порогам',
      value: (c) => c.status,
      tone: (c) => statusTone(c.status),
    },
    { key: 'small_n', label: `Мало данных (n < ${minN})`, value: (c) => c.is_small_n },
  ];
}
