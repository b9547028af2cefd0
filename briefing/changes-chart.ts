/** The district briefing's chart of schools by their significant improvements and declines. */
import * as Plot from '@observablehq/plot';
import { OKABE_ITO } from '../contract/charts/palette.ts';
import { CHART_WIDTH } from './charts.ts';
import type { SchoolShareRow } from './rows.ts';
import { formatInt } from './text.ts';

export interface SchoolChanges {
  name: string;
  better: SchoolShareRow[];
  worse: SchoolShareRow[];
}

const BETTER = 'значимые улучшения';
const WORSE = 'значимые ухудшения';

export function changesSpec(schools: SchoolChanges[]): Plot.PlotOptions {
  const bars = schools.flatMap((s) => [
    { school: s.name, kind: BETTER, value: s.better.length },
    { school: s.name, kind: WORSE, value: -s.worse.length },
  ]);
  const extent = Math.max(...bars.map((b) => Math.abs(b.value)));
  return {
    width: CHART_WIDTH,
    height: 26 * schools.length + 60,
    marginLeft: 170,
    x: {
      label: '← ухудшения · число долей · улучшения →',
      labelAnchor: 'center',
      // symmetric, with room for the count labels beyond the longest bar
      domain: [-extent - 1, extent + 1],
      tickFormat: Math.abs,
    },
    y: { label: null, domain: schools.map((s) => s.name) },
    color: { domain: [BETTER, WORSE], range: [OKABE_ITO.blue, OKABE_ITO.vermillion], legend: true },
    marks: [
      Plot.barX(bars, { y: 'school', x: 'value', fill: 'kind' }),
      Plot.text(
        bars.filter((b) => b.value > 0),
        { y: 'school', x: 'value', text: 'value', textAnchor: 'start', dx: 4 },
      ),
      Plot.text(
        bars.filter((b) => b.value < 0),
        { y: 'school', x: 'value', text: (b) => formatInt(-b.value), textAnchor: 'end', dx: -4 },
      ),
      Plot.ruleX([0]),
    ],
  };
}
