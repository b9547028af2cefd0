/**
 * Histogram spec for a district too large for a bar per school: how many schools fall in each
 * 5-п.п. band of the key share, small-n schools stacked apart, with district and region lines.
 */
import * as Plot from '@observablehq/plot';
import type { KeyShareBand } from '../api/types.ts';
import { countRu, formatInt, SCHOOLS } from '../format.ts';
import { benchmarkRules, SMALL_N, type KeyShareOptions } from './key-share-by-school.ts';
import { OKABE_ITO } from './palette.ts';

const BAND = 5;
const ENOUGH = 'достаточно данных';
const SMALL = 'мало данных';

export function keyShareBandsSpec(
  bands: readonly KeyShareBand[],
  { axisLabel, district, region }: KeyShareOptions,
  width: number,
): Plot.PlotOptions {
  const data = bands.flatMap((b) => {
    const to = b.band_from + BAND;
    const range = `${formatInt(b.band_from)}–${formatInt(to)} %`;
    return [
      { from: b.band_from, to, count: b.schools, kind: ENOUGH, range },
      { from: b.band_from, to, count: b.small_schools, kind: SMALL, range },
    ].filter((d) => d.count > 0);
  });
  const maxValue = Math.max(10, ...data.map((d) => d.to), district ?? 0, region ?? 0);
  return {
    width,
    height: 320,
    marginLeft: 60,
    x: { label: `${axisLabel}, %`, domain: [0, Math.min(100, maxValue)] },
    y: { label: 'Школ', grid: true, tickFormat: formatInt },
    color: { domain: [ENOUGH, SMALL], range: [OKABE_ITO.blue, SMALL_N], legend: true },
    marks: [
      Plot.rectY(data, {
        x1: 'from',
        x2: 'to',
        y: 'count',
        fill: 'kind',
        inset: 0.5,
        title: (d: (typeof data)[number]) => `${d.range}: ${countRu(d.count, SCHOOLS)} (${d.kind})`,
      }),
      ...benchmarkRules({ district, region }),
      Plot.ruleY([0]),
    ],
  };
}
