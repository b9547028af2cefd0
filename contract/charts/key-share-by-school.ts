/** Bar chart spec: the key share (доля «2» or below the ЕГЭ minimum) per school, with district and region lines. */
import * as Plot from '@observablehq/plot';
import type { DistrictResultRow } from '../api/types.ts';
import { formatInt } from '../format.ts';
import { formatKeyShare } from '../results.ts';
import { OKABE_ITO } from './palette.ts';

export interface KeyShareOptions {
  axisLabel: string;
  district: number | undefined;
  region: number | undefined;
}

export const SMALL_N = '#b5b5b5';

/** The district's share as a solid line and the region's as a dashed one (each when known). */
export const benchmarkRules = ({ district, region }: Omit<KeyShareOptions, 'axisLabel'>) => [
  district === undefined
    ? null
    : Plot.ruleX([district], { stroke: OKABE_ITO.vermillion, strokeWidth: 2 }),
  region === undefined
    ? null
    : Plot.ruleX([region], { stroke: OKABE_ITO.purple, strokeWidth: 2, strokeDasharray: '5,4' }),
];

export function keyShareBySchoolSpec(
  rows: readonly DistrictResultRow[],
  { axisLabel, district, region }: KeyShareOptions,
  width: number,
): Plot.PlotOptions {
  const data = [...rows].sort((a, b) => b.key_pct - a.key_pct);
  const label = (r: DistrictResultRow) =>
    `${formatKeyShare(r)} (n = ${formatInt(r.participants_count)})${r.is_small_n ? ', мало данных' : ''}`;
  const maxValue = Math.max(10, ...data.map((r) => r.key_pct), district ?? 0, region ?? 0);
  return {
    width,
    height: 26 * data.length + 60,
    marginLeft: 170,
    marginRight: 170,
    x: { label: `${axisLabel}, %`, domain: [0, maxValue * 1.05], grid: true },
    y: { label: null, domain: data.map((r) => r.short_name!) },
    marks: [
      Plot.barX(data, {
        x: 'key_pct',
        y: 'short_name',
        fill: (r: DistrictResultRow) => (r.is_small_n ? SMALL_N : OKABE_ITO.blue),
        title: (r: DistrictResultRow) => `${r.short_name}: ${label(r)}`,
      }),
      Plot.text(data, {
        x: 'key_pct',
        y: 'short_name',
        text: label,
        textAnchor: 'start',
        dx: 4,
        fill: '#222',
      }),
      ...benchmarkRules({ district, region }),
      Plot.ruleX([0]),
    ],
  };
}
