/** Bar chart spec: доля «2» per school for one year × subject × grade, with district and region lines. */
import * as Plot from '@observablehq/plot';
import type { VprSchoolRow } from '../api/types.ts';
import { formatInt, formatPct } from '../format.ts';

export interface Dolya2Options {
  district: number | undefined;
  region: number | undefined;
}

export const COLORS = {
  school: '#2a6fb0',
  small: '#b5b5b5',
  district: '#c2410c',
  region: '#6b21a8',
} as const;

export function dolya2BySchoolSpec(
  rows: readonly VprSchoolRow[],
  { district, region }: Dolya2Options,
  width: number,
): Plot.PlotOptions {
  const data = [...rows].sort((a, b) => b.dolya2_pct - a.dolya2_pct);
  const label = (r: VprSchoolRow) =>
    `${formatPct(r.dolya2_pct)} (n = ${formatInt(r.participants_count)})${r.is_small_n ? ', мало данных' : ''}`;
  const maxValue = Math.max(10, ...data.map((r) => r.dolya2_pct), district ?? 0, region ?? 0);
  return {
    width,
    height: 28 * data.length + 60,
    marginLeft: 170,
    marginRight: 150,
    x: {
      label: 'Доля отметок «2», %',
      domain: [0, maxValue * 1.05],
      grid: true,
      tickFormat: (v: number) => `${v}`,
    },
    y: { label: null, domain: data.map((r) => r.short_name) },
    marks: [
      Plot.barX(data, {
        x: 'dolya2_pct',
        y: 'short_name',
        fill: (r: VprSchoolRow) => (r.is_small_n ? COLORS.small : COLORS.school),
        title: (r: VprSchoolRow) => `${r.short_name}: ${label(r)}`,
      }),
      Plot.text(data, {
        x: 'dolya2_pct',
        y: 'short_name',
        text: label,
        textAnchor: 'start',
        dx: 4,
        fill: '#222',
      }),
      district === undefined
        ? null
        : Plot.ruleX([district], { stroke: COLORS.district, strokeWidth: 2 }),
      region === undefined
        ? null
        : Plot.ruleX([region], { stroke: COLORS.region, strokeWidth: 2, strokeDasharray: '5,4' }),
      Plot.ruleX([0]),
    ],
  };
}
