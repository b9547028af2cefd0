/**
 * Heat map of ВПР task completion: rows are schools (most insufficient tasks first) and, kept
 * apart below a blank row, the district, region and RF; columns are task numbers. Colour is the
 * % completion on a sequential colour-blind-safe scale; cells below the insufficiency threshold
 * get a dark frame so the map still reads in grey print; every cell has its value and a tooltip.
 */
import * as Plot from '@observablehq/plot';
import type { DeficitVpr, TaskStatus } from '../api/deficits-types.ts';
import { formatInt, formatPct } from '../format.ts';
import { HEAT_SCHEME } from './palette.ts';

export interface HeatCell {
  /** row label on the y axis */
  row: string;
  kind: 'school' | 'baseline';
  school_id: string | null;
  task: string;
  skill: string | null;
  pct: number;
  /** null when the source gave no n (a region or RF row): unknown, not 0 */
  n: number | null;
  status: TaskStatus;
  small: boolean;
}

export interface HeatRow {
  label: string;
  kind: 'school' | 'baseline';
  school_id: string | null;
  /** largest n over the tasks (the participants of the subject and grade); null if none known */
  n: number | null;
  small: boolean;
  insufficient: number;
}

export interface HeatMap {
  cells: HeatCell[];
  rows: HeatRow[];
  tasks: string[];
}

/** Blank row between the schools and the baselines. */
const GAP = '\u2003';

export const BASELINES = { district: 'Район', region: 'Регион', country: 'РФ' } as const;

export function heatMap(data: DeficitVpr): HeatMap {
  const skill = new Map(data.tasks.map((t) => [t.task, t.skill]));
  const cells: HeatCell[] = data.schools.map((c) => ({
    row: c.short_name,
    kind: 'school',
    school_id: c.school_id,
    task: c.task,
    skill: skill.get(c.task) ?? null,
    pct: c.completion_pct,
    n: c.participants_count,
    status: c.status,
    small: c.is_small_n,
  }));
  for (const t of data.tasks) {
    cells.push({
      row: BASELINES.district,
      kind: 'baseline',
      school_id: null,
      task: t.task,
      skill: t.skill,
      pct: t.district_pct,
      n: t.district_n,
      status: t.district_status,
      small: t.district_small_n,
    });
    if (t.region_pct != null && t.region_status != null)
      cells.push({
        row: BASELINES.region,
        kind: 'baseline',
        school_id: null,
        task: t.task,
        skill: t.skill,
        pct: t.region_pct,
        n: t.region_n ?? null,
        status: t.region_status,
        small: false,
      });
    if (t.country_pct != null && t.country_status != null)
      cells.push({
        row: BASELINES.country,
        kind: 'baseline',
        school_id: null,
        task: t.task,
        skill: t.skill,
        pct: t.country_pct,
        n: t.country_n ?? null,
        status: t.country_status,
        small: false,
      });
  }
  const rows = new Map<string, HeatRow>();
  for (const c of cells) {
    const row = rows.get(c.row) ?? {
      label: c.row,
      kind: c.kind,
      school_id: c.school_id,
      n: null,
      small: false,
      insufficient: 0,
    };
    if (c.n != null) row.n = Math.max(row.n ?? 0, c.n);
    row.small ||= c.small;
    if (c.status === 'недостаточно') row.insufficient += 1;
    rows.set(c.row, row);
  }
  const schools = [...rows.values()]
    .filter((r) => r.kind === 'school')
    .sort((a, b) => b.insufficient - a.insufficient || a.label.localeCompare(b.label, 'ru'));
  const baselines = Object.values(BASELINES)
    .map((label) => rows.get(label))
    .filter((r): r is HeatRow => r !== undefined);
  return { cells, rows: [...schools, ...baselines], tasks: data.tasks.map((t) => t.task) };
}

export const cellTitle = (c: HeatCell) =>
  [
    `${c.row}, задание ${c.task}`,
    c.skill ? `Умение: ${c.skill}` : null,
    `Выполнение: ${formatPct(c.pct)}${c.n == null ? '' : ` (n = ${formatInt(c.n)})`}${c.small ? ', мало данных' : ''}`,
    `Оценка по порогам ФИС ОКО: ${c.status}`,
  ]
    .filter(Boolean)
    .join('\n');

export function heatmapSpec(map: HeatMap, width: number): Plot.PlotOptions {
  const schools = map.rows.filter((r) => r.kind === 'school').map((r) => r.label);
  const baselines = map.rows.filter((r) => r.kind === 'baseline').map((r) => r.label);
  const domain = baselines.length > 0 ? [...schools, GAP, ...baselines] : schools;
  const insufficient = map.cells.filter((c) => c.status === 'недостаточно');
  return {
    width,
    height: 26 * domain.length + 70,
    marginLeft: 170,
    marginRight: 150,
    marginTop: 40,
    marginBottom: 10,
    x: { domain: map.tasks, label: 'Номер задания', axis: 'top', tickSize: 0 },
    y: { domain, label: null, tickSize: 0 },
    color: {
      type: 'linear',
      scheme: HEAT_SCHEME,
      domain: [0, 100],
      legend: true,
      label: 'Выполнение задания, %',
      ticks: 5,
    },
    marks: [
      Plot.cell(map.cells, {
        x: 'task',
        y: 'row',
        fill: 'pct',
        inset: 1,
        title: cellTitle,
        tip: true,
      }),
      Plot.cell(insufficient, {
        x: 'task',
        y: 'row',
        fill: 'none',
        stroke: '#111',
        strokeWidth: 2,
        inset: 2,
      }),
      Plot.text(map.cells, {
        x: 'task',
        y: 'row',
        text: (c: HeatCell) => formatInt(c.pct),
        fill: (c: HeatCell) => (c.pct >= 65 ? 'white' : '#111'),
        pointerEvents: 'none',
      }),
      Plot.text(map.rows, {
        y: 'label',
        frameAnchor: 'right',
        textAnchor: 'start',
        dx: 8,
        fill: '#333',
        text: (r: HeatRow) =>
          [r.n == null ? '' : `n = ${formatInt(r.n)}`, r.small ? 'мало данных' : '']
            .filter(Boolean)
            .join(', '),
      }),
    ],
  };
}
