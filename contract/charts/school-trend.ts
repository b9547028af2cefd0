/** Line chart spec: one school's key share by year against the district, region and RF. */
import * as Plot from '@observablehq/plot';
import type { SchoolResultRow } from '../api/types.ts';
import { formatInt, formatPct, schoolYear } from '../format.ts';
import { LEVEL_COLORS } from './palette.ts';

export interface TrendPoint {
  year: number;
  series: keyof typeof LEVEL_COLORS;
  value: number;
  n?: number;
}

/** Reshapes the school's rows of one result into points per series. */
export function trendPoints(rows: readonly SchoolResultRow[]): TrendPoint[] {
  return rows.flatMap((r): TrendPoint[] => {
    const points: TrendPoint[] = [
      { year: r.year, series: 'Школа', value: r.key_pct, n: r.participants_count },
    ];
    if (r.district_key_pct != null)
      points.push({
        year: r.year,
        series: 'Район',
        value: r.district_key_pct,
        n: r.district_participants_count ?? undefined,
      });
    if (r.region_key_pct != null)
      points.push({ year: r.year, series: 'Регион', value: r.region_key_pct });
    if (r.country_key_pct != null)
      points.push({ year: r.year, series: 'РФ', value: r.country_key_pct });
    return points;
  });
}

export function schoolTrendSpec(
  points: readonly TrendPoint[],
  axisLabel: string,
  width: number,
): Plot.PlotOptions {
  const years = [...new Set(points.map((p) => p.year))].sort();
  const series = Object.keys(LEVEL_COLORS).filter((s) => points.some((p) => p.series === s));
  const title = (p: TrendPoint) =>
    `${p.series}, ${schoolYear(p.year)}: ${formatPct(p.value)}${p.n ? ` (n = ${formatInt(p.n)})` : ''}`;
  return {
    width,
    height: 280,
    marginRight: 20,
    x: { label: null, type: 'point', domain: years, tickFormat: (y: number) => schoolYear(y) },
    y: { label: `${axisLabel}, %`, grid: true, zero: true },
    color: {
      domain: series,
      range: series.map((s) => LEVEL_COLORS[s as keyof typeof LEVEL_COLORS]),
      legend: true,
    },
    symbol: { domain: series, legend: false },
    marks: [
      Plot.line(points, { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(points, { x: 'year', y: 'value', fill: 'series', symbol: 'series', r: 4, title }),
      Plot.text(
        points.filter((p) => p.series === 'Школа'),
        {
          x: 'year',
          y: 'value',
          text: (p: TrendPoint) => formatPct(p.value),
          dy: -12,
          fill: LEVEL_COLORS.Школа,
        },
      ),
    ],
  };
}
