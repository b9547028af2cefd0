/**
 * ФГ targets of the district: per direction, the low share (недостаточный + низкий) and the
 * high share as bars in two panels, each with its configured target line.
 */
import * as Plot from '@observablehq/plot';
import type { FgDistrictRow, FgTargets } from '../api/fg-types.ts';
import { formatInt, formatPct } from '../format.ts';
import { OKABE_ITO } from './palette.ts';

export const LOW_TITLE = 'Недостаточный и низкий уровни';
export const HIGH_TITLE = 'Высокий уровень';
export const MET = 'цель выполнена';
export const NOT_MET = 'цель не выполнена';
export const STATUS_COLORS = { [MET]: OKABE_ITO.green, [NOT_MET]: OKABE_ITO.vermillion };

export interface FgBar {
  direction: string;
  panel: string;
  pct: number;
  count: number;
  n: number;
  status: string;
}

/** The fields of a district row the chart draws. */
export type FgTargetRow = Pick<
  FgDistrictRow,
  | 'direction'
  | 'participants_count'
  | 'low_count'
  | 'low_share_pct'
  | 'low_met'
  | 'high_count'
  | 'high_share_pct'
  | 'high_met'
>;

/** Two bars per direction (low share, high share) from the district rows of one grade. */
export function fgBars(rows: readonly FgTargetRow[]): FgBar[] {
  return rows.flatMap((r) => [
    {
      direction: r.direction,
      panel: LOW_TITLE,
      pct: r.low_share_pct,
      count: r.low_count,
      n: r.participants_count,
      status: r.low_met ? MET : NOT_MET,
    },
    {
      direction: r.direction,
      panel: HIGH_TITLE,
      pct: r.high_share_pct,
      count: r.high_count,
      n: r.participants_count,
      status: r.high_met ? MET : NOT_MET,
    },
  ]);
}

/** The bars of both panels with their tooltips and value labels. */
function barMarks(bars: FgBar[]): Plot.Markish[] {
  return [
    Plot.barX(bars, {
      fx: 'panel',
      y: 'direction',
      x: 'pct',
      fill: 'status',
      title: (b: FgBar) =>
        `${b.direction}\n${b.panel}: ${formatPct(b.pct)} (${formatInt(b.count)} из n = ${formatInt(b.n)})\n${b.status}`,
    }),
    Plot.text(bars, {
      fx: 'panel',
      y: 'direction',
      x: 'pct',
      text: (b: FgBar) => formatPct(b.pct),
      textAnchor: 'start',
      dx: 4,
      fill: '#1f2933',
    }),
  ];
}

/** Each panel's target as a dashed line labelled above the panel. */
function targetMarks(targets: FgTargets): Plot.Markish[] {
  const lines = [
    {
      panel: LOW_TITLE,
      x: targets.low_target_pct,
      text: `цель: не более ${formatPct(targets.low_target_pct)}`,
    },
    {
      panel: HIGH_TITLE,
      x: targets.high_target_pct,
      text: `цель: не менее ${formatPct(targets.high_target_pct)}`,
    },
  ];
  return [
    Plot.ruleX(lines, {
      fx: 'panel',
      x: 'x',
      stroke: '#1f2933',
      strokeWidth: 2,
      strokeDasharray: '6,3',
    }),
    Plot.text(lines, {
      fx: 'panel',
      x: 'x',
      text: 'text',
      frameAnchor: 'top',
      lineAnchor: 'bottom',
      dy: -4,
      fontWeight: 700,
      fill: '#1f2933',
    }),
  ];
}

export function fgTargetsSpec(
  rows: readonly FgTargetRow[],
  targets: FgTargets,
  width: number,
): Plot.PlotOptions {
  const bars = fgBars(rows);
  const directions = rows.map((r) => r.direction);
  const nOf = new Map(rows.map((r) => [r.direction, r.participants_count]));
  const max = Math.max(targets.low_target_pct, targets.high_target_pct, ...bars.map((b) => b.pct));
  const narrow = width < 700;
  return {
    width,
    height: 46 * directions.length + 90,
    marginLeft: narrow ? 150 : 215,
    marginRight: 20,
    marginTop: 62,
    marginBottom: 40,
    fx: {
      label: null,
      domain: [LOW_TITLE, HIGH_TITLE],
      padding: 0.12,
      tickPadding: 24,
    },
    x: {
      label: 'Доля обучающихся, %',
      domain: [0, Math.ceil((max * 1.22) / 5) * 5],
      grid: true,
      ticks: 5,
    },
    y: {
      label: null,
      domain: directions,
      padding: 0.25,
      tickFormat: (d: string) => `${d}\nn = ${formatInt(nOf.get(d))}`,
    },
    color: {
      domain: [MET, NOT_MET],
      range: [STATUS_COLORS[MET], STATUS_COLORS[NOT_MET]],
      legend: true,
    },
    marks: [...barMarks(bars), ...targetMarks(targets), Plot.ruleX([0])],
  };
}
