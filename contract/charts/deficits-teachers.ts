/**
 * Bars of the district share of teachers with a high + critical level of difficulty per
 * competence area (and in at least one area), labelled with the count and n, the change since
 * the previous diagnostic in п.п., and a tick at the previous diagnostic's value.
 */
import * as Plot from '@observablehq/plot';
import type { TeacherDeficitRow } from '../api/deficits-types.ts';
import { formatInt, formatPct, formatPp, pluralRu, schoolYear } from '../format.ts';
import { OKABE_ITO } from './palette.ts';

export const ANY_AREA = 'Хотя бы в одной области';

export const areaLabel = (area: string | null) => area ?? ANY_AREA;

const TEACHERS = ['педагога', 'педагогов', 'педагогов'] as const;

/** «64 из 281 педагога» */
export const teachersOf = (r: TeacherDeficitRow) =>
  `${formatInt(r.deficit_count)} из ${formatInt(r.teachers_count)} ${pluralRu(r.teachers_count, TEACHERS)}`;

export const changeText = (r: TeacherDeficitRow) =>
  r.change_pp == null || r.previous_year == null
    ? 'предыдущей диагностики нет'
    : `${formatPp(r.change_pp)} к ${schoolYear(r.previous_year)}`;

export const barLabel = (r: TeacherDeficitRow) =>
  `${formatPct(r.deficit_pct)} (${teachersOf(r)}), ${changeText(r)}`;

export function teacherBarsSpec(
  rows: readonly TeacherDeficitRow[],
  width: number,
): Plot.PlotOptions {
  const areas = rows.filter((r) => r.area != null).sort((a, b) => b.deficit_pct - a.deficit_pct);
  const data = [...areas, ...rows.filter((r) => r.area == null)];
  const previous = data
    .filter((r) => r.change_pp != null)
    .map((r) => ({ ...r, previous_pct: r.deficit_pct - r.change_pp! }));
  const max = Math.max(
    10,
    ...data.map((r) => r.deficit_pct),
    ...previous.map((r) => r.previous_pct),
  );
  return {
    width,
    height: 44 * data.length + 60,
    marginLeft: 200,
    marginRight: 20,
    marginBottom: 45,
    x: {
      labelAnchor: 'center',
      labelOffset: 38,
      label: 'Доля педагогов с высоким и критическим уровнем затруднений, %',
      domain: [0, Math.min(100, max * 1.9)],
      grid: true,
    },
    y: { domain: data.map((r) => areaLabel(r.area)), label: null, tickSize: 0 },
    marks: [
      Plot.barX(data, {
        x: 'deficit_pct',
        y: (r: TeacherDeficitRow) => areaLabel(r.area),
        fill: (r: TeacherDeficitRow) => (r.area == null ? OKABE_ITO.sky : OKABE_ITO.blue),
        insetTop: 6,
        insetBottom: 6,
        title: (r: TeacherDeficitRow) =>
          `${areaLabel(r.area)}\nЗатруднения высокого и критического уровня: ${formatPct(r.deficit_pct)}\n${teachersOf(r)} (n = ${formatInt(r.teachers_count)})\nИзменение: ${changeText(r)}`,
        tip: true,
      }),
      Plot.tickX(previous, {
        x: 'previous_pct',
        y: (r: TeacherDeficitRow) => areaLabel(r.area),
        stroke: OKABE_ITO.black,
        strokeWidth: 2,
        strokeDasharray: '3,2',
      }),
      Plot.text(data, {
        x: (r: TeacherDeficitRow) =>
          Math.max(r.deficit_pct, r.change_pp == null ? 0 : r.deficit_pct - r.change_pp),
        y: (r: TeacherDeficitRow) => areaLabel(r.area),
        text: barLabel,
        textAnchor: 'start',
        dx: 6,
        fill: '#222',
      }),
      Plot.ruleX([0]),
    ],
  };
}
