/** Line chart spec: one school's доля «2» by year against the district, region and RF. */
import * as Plot from '@observablehq/plot';
import type { SchoolVprRow } from '../api/types.ts';
import { formatPct, schoolYear } from '../format.ts';

export interface TrendPoint {
  year: number;
  series: string;
  value: number;
  n?: number;
}

const SERIES = ['Школа', 'Район', 'Регион', 'РФ'] as const;
const SERIES_COLORS = ['#2a6fb0', '#c2410c', '#6b21a8', '#4d7c0f'];

/** Reshapes the school's rows of one subject × grade into points per series. */
export function trendPoints(rows: readonly SchoolVprRow[]): TrendPoint[] {
  return rows.flatMap((r) => [
    { year: r.year, series: 'Школа', value: r.dolya2_pct, n: r.participants_count },
    {
      year: r.year,
      series: 'Район',
      value: r.district_dolya2_pct,
      n: r.district_participants_count,
    },
    ...(r.region_dolya2_pct == null
      ? []
      : [{ year: r.year, series: 'Регион', value: r.region_dolya2_pct }]),
    ...(r.country_dolya2_pct == null
      ? []
      : [{ year: r.year, series: 'РФ', value: r.country_dolya2_pct }]),
  ]);
}

export function schoolTrendSpec(points: readonly TrendPoint[], width: number): Plot.PlotOptions {
  const years = [...new Set(points.map((p) => p.year))].sort();
  const title = (p: TrendPoint) =>
    `${p.series}, ${schoolYear(p.year)}: ${formatPct(p.value)}${p.n ? ` (n = ${p.n})` : ''}`;
  return {
    width,
    height: 280,
    marginRight: 20,
    x: { label: null, type: 'point', domain: years, tickFormat: (y: number) => schoolYear(y) },
    y: { label: 'Доля отметок «2», %', grid: true, zero: true },
    color: { domain: [...SERIES], range: SERIES_COLORS, legend: true },
    marks: [
      Plot.line(points, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(points, { x: 'year', y: 'value', fill: 'series', r: 4, title }),
      Plot.text(
        points.filter((p) => p.series === 'Школа'),
        {
          x: 'year',
          y: 'value',
          text: (p: TrendPoint) => formatPct(p.value),
          dy: -12,
          fill: SERIES_COLORS[0],
        },
      ),
    ],
  };
}
