/**
 * A school's page: its flags by year and the columns of its tables (results against the district,
 * one result's history, ВПР tasks, ФГ, teachers' difficulties). Plain functions: the view and its
 * sections only draw what these return.
 */
import type {
  SchoolFgRow,
  SchoolFlag,
  SchoolResultRow,
  SchoolTaskRow,
  SchoolTeacherRow,
} from '../../../contract/api/types.ts';
import { formatPctN, formatPctOf } from '../../../contract/format.ts';
import {
  intColumn,
  markColumn,
  participantsColumn,
  pctColumn,
  ppColumn,
  yearColumn,
  type Column,
} from '../../../contract/table.ts';
import { resultLabel } from './school-results.ts';

/** The latest year with a computed rule and its flags (none: no year, no flags). */
export function latestFlags(flags: readonly SchoolFlag[]): {
  year: number | undefined;
  flags: SchoolFlag[];
} {
  if (flags.length === 0) return { year: undefined, flags: [] };
  const year = Math.max(...flags.map((f) => f.year));
  return { year, flags: flags.filter((f) => f.year === year) };
}

/** The years with a triggered flag, newest first, each with its clusters. */
export function flagHistory(flags: readonly SchoolFlag[]): { year: number; clusters: string[] }[] {
  const triggered = flags.filter((f) => f.triggered);
  return [...new Set(triggered.map((f) => f.year))]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      clusters: triggered.filter((f) => f.year === year).map((f) => f.cluster),
    }));
}

/** Rows of a table that carry a year: those of the first row's year (the newest comes first). */
export const ofFirstYear = <T extends { year: number }>(rows: readonly T[]): T[] =>
  rows.filter((r) => r.year === rows[0]?.year);

/** Tasks shown: all of them, or those with insufficient completion and the borderline zone. */
export const shownTasks = (tasks: readonly SchoolTaskRow[], all: boolean): SchoolTaskRow[] =>
  tasks.filter((t) => all || t.status !== 'достаточно');

const resultDiff = (r: SchoolResultRow) =>
  r.district_key_pct == null ? null : r.key_pct - r.district_key_pct;

/** 10 p.p. and more from the district is marked; small groups are not judged. */
const diffTone = (r: SchoolResultRow) => {
  const diff = resultDiff(r) ?? 0;
  if (r.is_small_n) return undefined;
  return diff >= 10 ? 'worse' : diff <= -10 ? 'better' : undefined;
};

export const resultColumns: Column<SchoolResultRow>[] = [
  { key: 'result', label: 'Процедура, предмет, класс', value: resultLabel, custom: true },
  participantsColumn,
  pctColumn('key', 'Доля «2» (ЕГЭ: ниже минимума)', (r) => r.key_pct, {
    format: (r) => formatPctOf(r.key_pct, r.key_count),
  }),
  pctColumn('district_key', 'То же по району', (r) => r.district_key_pct, {
    format: (r) => formatPctN(r.district_key_pct, r.district_participants_count),
  }),
  ppColumn('diff', 'Разница с районом', resultDiff, { tone: diffTone }),
  pctColumn('kachestvo', 'Качество знаний', (r) => r.kachestvo_pct),
  pctColumn('district_kachestvo', 'Качество по району', (r) => r.district_kachestvo_pct),
  markColumn('avg', 'Средняя отметка (ЕГЭ: тестовый балл)', (r) => r.avg_mark ?? r.avg_test_score),
];

export const historyColumns: Column<SchoolResultRow>[] = [
  yearColumn('year', 'Учебный год', (r) => r.year),
  participantsColumn,
  ...(['key_pct', 'district_key_pct', 'region_key_pct', 'country_key_pct'] as const).map((key, i) =>
    pctColumn<SchoolResultRow>(key, ['Школа', 'Район', 'Регион', 'РФ'][i]!, (r) => r[key]),
  ),
  pctColumn('kachestvo', 'Качество знаний школы', (r) => r.kachestvo_pct),
];

export const taskColumns: Column<SchoolTaskRow>[] = [
  { key: 'work', label: 'Работа', value: (t) => `${t.subject}, ${t.grade} кл.` },
  { key: 'task', label: 'Задание', value: (t) => t.task },
  { key: 'skill', label: 'Проверяемое умение', value: (t) => t.skill },
  { key: 'difficulty', label: 'Уровень', value: (t) => t.difficulty },
  pctColumn('completion', 'Выполнение (n)', (t) => t.completion_pct, {
    format: (t) => formatPctOf(t.completion_pct, t.participants_count),
  }),
  pctColumn('district', 'Район', (t) => t.district_pct),
  pctColumn('region', 'Регион', (t) => t.region_pct),
  pctColumn('country', 'РФ', (t) => t.country_pct),
  {
    key: 'status',
    label: 'Оценка выполнения',
    value: (t) => t.status,
    tone: (t) =>
      t.status === 'недостаточно' ? 'bad' : t.status === 'пограничная зона' ? 'warn' : undefined,
  },
];

/** «выполнены», or which of the two ФГ targets is not met. */
export const fgTargetsText = (r: Pick<SchoolFgRow, 'low_met' | 'high_met'>) =>
  r.low_met && r.high_met
    ? 'выполнены'
    : [!r.low_met && 'по низким не выполнена', !r.high_met && 'по высоким не выполнена']
        .filter(Boolean)
        .join('; ');

export const fgColumns: Column<SchoolFgRow>[] = [
  { key: 'direction', label: 'Направление', value: (r) => r.direction },
  { key: 'grade', label: 'Класс', value: (r) => r.grade, numeric: true },
  participantsColumn,
  pctColumn('low', 'Недостаточный и низкий', (r) => r.low_share_pct, {
    format: (r) => formatPctOf(r.low_share_pct, r.low_count),
    tone: (r) => (r.is_small_n || r.low_met ? undefined : 'bad'),
  }),
  pctColumn('district_low', 'То же по району', (r) => r.district_low_share_pct),
  pctColumn('high', 'Высокий', (r) => r.high_share_pct, {
    format: (r) => formatPctOf(r.high_share_pct, r.high_count),
    tone: (r) => (r.is_small_n || r.high_met ? undefined : 'bad'),
  }),
  pctColumn('district_high', 'Высокий по району', (r) => r.district_high_share_pct),
  { key: 'targets', label: 'Цели', value: fgTargetsText },
];

export const teacherColumns: Column<SchoolTeacherRow>[] = [
  { key: 'area', label: 'Область компетенций', value: (r) => r.area ?? 'Все области' },
  intColumn('teachers', 'Педагогов (n)', (r) => r.teachers_count),
  pctColumn('deficit', 'С высоким и критическим уровнем затруднений', (r) => r.deficit_pct, {
    format: (r) => formatPctOf(r.deficit_pct, r.deficit_count),
    tone: (r) =>
      !r.is_small_n && r.district_deficit_pct != null && r.deficit_pct > r.district_deficit_pct
        ? 'bad'
        : undefined,
  }),
  pctColumn('district', 'По району', (r) => r.district_deficit_pct, {
    format: (r) => formatPctN(r.district_deficit_pct, r.district_teachers_count),
  }),
  ppColumn('change', 'Изменение к прошлой диагностике', (r) => r.change_pp),
];
