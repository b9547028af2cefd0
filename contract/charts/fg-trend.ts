/**
 * District ФГ shares by year for one direction: the low and the high share with their Wilson
 * 95 % intervals, the target lines, and the year-over-year changes larger than chance marked.
 */
import * as Plot from '@observablehq/plot';
import type { FgTargets, FgTrendRow } from '../api/fg-types.ts';
import { formatInt, formatPct, formatPp, schoolYear } from '../format.ts';
import { OKABE_ITO } from './palette.ts';

export const SERIES_TITLE = {
  fg_low: 'Недостаточный и низкий уровни',
  fg_high: 'Высокий уровень',
} as const;
const SERIES_COLOR = { fg_low: OKABE_ITO.vermillion, fg_high: OKABE_ITO.blue } as const;

export interface FgTrendPoint extends FgTrendRow {
  series: string;
}

export function trendPoints(rows: readonly FgTrendRow[]): FgTrendPoint[] {
  return rows.map((r) => ({ ...r, series: SERIES_TITLE[r.indicator] }));
}

/** «−1,0 п.п. к 2024/25, значимо» */
export function changeText(r: FgTrendRow): string {
  if (r.change_pp == null || r.prev_year == null) return 'первый год ряда';
  return `${formatPp(r.change_pp)} к ${schoolYear(r.prev_year)}, ${r.change_significant ? 'значимо (больше случайного)' : 'в пределах случайного'}`;
}

/** A point's tooltip: the share with its count, the 95 % interval and the change. */
const trendTip = (p: FgTrendPoint) =>
  `${p.series}, ${schoolYear(p.year)}: ${formatPct(p.pct)} (${formatInt(p.count)} из n = ${formatInt(p.n)})\n` +
  `95 % интервал: ${formatPct(p.ci_low_pct)} – ${formatPct(p.ci_high_pct)}\n${changeText(p)}`;

/** The two target lines, each in its series' colour and labelled right of the plot. */
function targetMarks(targets: FgTargets): Plot.Markish[] {
  const targetLines = [
    {
      y: targets.low_target_pct,
      series: SERIES_TITLE.fg_low,
      text: `цель по низкому: не более ${formatPct(targets.low_target_pct)}`,
    },
    {
      y: targets.high_target_pct,
      series: SERIES_TITLE.fg_high,
      text: `цель по высокому: не менее ${formatPct(targets.high_target_pct)}`,
    },
  ];
  return [
    Plot.ruleY(targetLines, {
      y: 'y',
      stroke: 'series',
      strokeDasharray: '6,3',
      strokeWidth: 1.5,
    }),
    Plot.text(targetLines, {
      y: 'y',
      text: 'text',
      frameAnchor: 'right',
      textAnchor: 'start',
      dx: 6,
      fill: 'series',
      fontWeight: 700,
    }),
  ];
}

/** The shares by year: intervals, lines, dots with tips, rings on significant changes, labels. */
function shareMarks(points: FgTrendPoint[]): Plot.Markish[] {
  const significant = points.filter((p) => p.change_significant);
  return [
    Plot.ruleX(points, {
      x: 'year',
      y1: 'ci_low_pct',
      y2: 'ci_high_pct',
      stroke: 'series',
      strokeWidth: 6,
      strokeOpacity: 0.3,
    }),
    Plot.line(points, { x: 'year', y: 'pct', stroke: 'series', strokeWidth: 2 }),
    Plot.dot(points, { x: 'year', y: 'pct', fill: 'series', r: 4, title: trendTip }),
    Plot.dot(significant, {
      x: 'year',
      y: 'pct',
      stroke: '#1f2933',
      strokeWidth: 2,
      r: 9,
      symbol: 'circle',
    }),
    Plot.text(points, {
      x: 'year',
      y: 'pct',
      text: (p: FgTrendPoint) => formatPct(p.pct),
      dx: 12,
      dy: -10,
      textAnchor: 'start',
      fill: 'series',
      stroke: 'white',
      strokeWidth: 3,
      paintOrder: 'stroke',
    }),
  ];
}

export function fgTrendSpec(
  rows: readonly FgTrendRow[],
  targets: FgTargets,
  width: number,
): Plot.PlotOptions {
  const points = trendPoints(rows);
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const max = Math.max(
    targets.low_target_pct,
    targets.high_target_pct,
    ...points.map((p) => p.ci_high_pct),
  );
  return {
    width,
    height: 330,
    marginLeft: 50,
    marginRight: width < 700 ? 20 : 250,
    marginTop: 20,
    x: {
      label: null,
      type: 'point',
      domain: years,
      tickFormat: (y: number) => schoolYear(y),
      inset: 30,
    },
    y: { label: 'Доля обучающихся, %', grid: true, domain: [0, Math.ceil((max * 1.1) / 5) * 5] },
    color: {
      domain: [SERIES_TITLE.fg_low, SERIES_TITLE.fg_high],
      range: [SERIES_COLOR.fg_low, SERIES_COLOR.fg_high],
      legend: true,
    },
    marks: [...targetMarks(targets), ...shareMarks(points)],
  };
}
