/**
 * «Дефициты», the teachers' deficits: the diagnostics year of the URL (tyear), the school ×
 * area rows and the table's columns.
 */
import type { TeacherDeficitRow } from '../../../contract/api/deficits-types.ts';
import { formatPctOf, schoolYear } from '../../../contract/format.ts';
import { pctColumn, ppColumn, type Column } from '../../../contract/table.ts';
import { areaLabel } from '../../../contract/charts/deficits-teachers.ts';
import { isYear, withCurrent, type Choice } from './choices.ts';

const byRussian = (a: string, b: string) => a.localeCompare(b, 'ru');

export interface TeacherSelection {
  /** years with diagnostics, the latest first */
  years: number[];
  /** the year as written in the URL (tyear), null when absent */
  yearParam: string | null;
  year: number;
  exists: boolean;
}

export function readTeacherQuery(
  query: URLSearchParams,
  teacherYears: readonly number[],
): TeacherSelection {
  const years = [...teacherYears].sort((a, b) => b - a);
  const yearParam = query.get('tyear');
  const year = yearParam == null ? (years[0] ?? 0) : Number(yearParam);
  return { years, yearParam, year, exists: years.includes(year) };
}

/** The year filter's value and choices, the URL's value kept when it has no data. */
export function teacherYearChoices(s: TeacherSelection): { value: string; choices: Choice[] } {
  const value = String(s.yearParam ?? s.year);
  return {
    value,
    choices: withCurrent(
      s.years.map((y) => ({ value: String(y), label: schoolYear(y) })),
      value,
      isYear(s.year) ? schoolYear(s.year) : String(s.yearParam),
    ),
  };
}

/** «2024/25 учебный год», or «год «abc»» for a value of the URL that is no year. */
export const teacherYearText = (s: TeacherSelection) =>
  isYear(s.year) ? `${schoolYear(s.year)} учебный год` : `год «${s.yearParam}»`;

/** One school, or the district (school_id null, the footer row), × every area. */
export interface TeacherSchool {
  school_id: string | null;
  short_name: string;
  teachers: number | null;
  is_small_n: boolean;
  byArea: Map<string | null, TeacherDeficitRow>;
}

export const districtTeacherRows = (rows: readonly TeacherDeficitRow[]) =>
  rows.filter((r) => r.level === 'district');

/** The competence areas of the rows, by name (without «at least one area»). */
export const teacherAreas = (rows: readonly TeacherDeficitRow[]) =>
  [...new Set(rows.filter((r) => r.area != null).map((r) => r.area!))].sort(byRussian);

/** The schools' rows gathered per school: the most teachers of an area, small n of any. */
export function teacherSchools(rows: readonly TeacherDeficitRow[]): TeacherSchool[] {
  const bySchool = new Map<string, TeacherSchool>();
  for (const r of rows) {
    if (r.level !== 'school' || !r.school_id) continue;
    const s = bySchool.get(r.school_id) ?? {
      school_id: r.school_id,
      short_name: r.short_name ?? r.school_id,
      teachers: 0,
      is_small_n: false,
      byArea: new Map(),
    };
    s.teachers = Math.max(s.teachers ?? 0, r.teachers_count);
    s.is_small_n ||= r.is_small_n;
    s.byArea.set(r.area, r);
    bySchool.set(r.school_id, s);
  }
  return [...bySchool.values()];
}

/** The district as the school table's footer row; none without district rows. */
export function teacherDistrict(rows: readonly TeacherDeficitRow[]): TeacherSchool[] {
  const district = districtTeacherRows(rows);
  const any = district.find((r) => r.area == null);
  return district.length > 0
    ? [
        {
          school_id: null,
          short_name: 'Район',
          teachers: any?.teachers_count ?? null,
          is_small_n: any?.is_small_n ?? false,
          byArea: new Map(district.map((r) => [r.area, r])),
        },
      ]
    : [];
}

/** The district's areas, the largest share first and «at least one area» last. */
export const districtSummary = (district: readonly TeacherDeficitRow[]) =>
  [...district].sort((a, b) =>
    a.area == null ? 1 : b.area == null ? -1 : b.deficit_pct - a.deficit_pct,
  );

/** The column key of an area: its place among the areas, «area-any» for at least one area. */
export const areaKey = (areas: readonly string[], area: string | null) =>
  `area-${area == null ? 'any' : areas.indexOf(area)}`;

/** Schools × areas: a share above the district's is marked, unless the school has few teachers. */
export function teacherColumns(
  rows: readonly TeacherDeficitRow[],
  minN: number,
): Column<TeacherSchool>[] {
  const district = districtTeacherRows(rows);
  const areas = teacherAreas(rows);
  const aboveDistrict = (s: TeacherSchool, area: string | null) => {
    const own = s.byArea.get(area);
    const whole = district.find((r) => r.area === area);
    return !s.is_small_n && own && whole && own.deficit_pct > whole.deficit_pct
      ? 'worse'
      : undefined;
  };
  return [
    { key: 'school', label: 'Школа', value: (s) => s.short_name, custom: true },
    { key: 'teachers', label: 'Педагогов (n)', value: (s) => s.teachers, numeric: true },
    ...[...areas, null].map((area) =>
      pctColumn<TeacherSchool>(
        areaKey(areas, area),
        `${areaLabel(area)}, %`,
        (s) => s.byArea.get(area)?.deficit_pct ?? null,
        {
          format: (s) => {
            const r = s.byArea.get(area);
            return r ? formatPctOf(r.deficit_pct, r.deficit_count) : '—';
          },
          tone: (s) => aboveDistrict(s, area),
        },
      ),
    ),
    ppColumn(
      'change',
      'Изменение «хотя бы в одной области», п.п.',
      (s) => s.byArea.get(null)?.change_pp ?? null,
    ),
    { key: 'small_n', label: `Мало данных (n < ${minN})`, value: (s) => s.is_small_n },
  ];
}
