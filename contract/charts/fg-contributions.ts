/**
 * Each school's contribution to the district's ФГ gap: its whole pupils of the district's pupils
 * above the low target (fg_targets shares them out so that they add up), and their share.
 */
import * as Plot from '@observablehq/plot';
import type { FgSchoolRow } from '../api/fg-types.ts';
import { countRu, formatInt, formatPct } from '../format.ts';
import { OKABE_ITO } from './palette.ts';

const GREY = '#9ca3af';

/** Schools with a share of the district's pupils above the target, largest first. */
export function contributingSchools(rows: readonly FgSchoolRow[]): FgSchoolRow[] {
  return rows
    .filter((r) => r.low_gap_contribution_pupils > 0)
    .sort((a, b) => b.low_gap_contribution_pupils - a.low_gap_contribution_pupils);
}

export const PUPILS: readonly [string, string, string] = [
  'обучающийся',
  'обучающихся',
  'обучающихся',
];

/** «35 обучающихся»: pupils are counted whole (fg_targets counts them so). */
export const formatPupils = (value: number) => countRu(value, PUPILS);

export function fgContributionsSpec(rows: readonly FgSchoolRow[], width: number): Plot.PlotOptions {
  const data = contributingSchools(rows);
  const tip = (r: FgSchoolRow) =>
    `${r.short_name}${r.is_small_n ? ' (мало данных)' : ''}\n` +
    `Вклад в отставание района: ${formatPupils(r.low_gap_contribution_pupils)} (${formatPct(r.low_gap_contribution_pct)})\n` +
    `Сверх цели школы: ${formatPupils(r.low_excess_pupils)}\n` +
    `Доля недостаточного и низкого: ${formatPct(r.low_share_pct)} (${formatInt(r.low_count)} из n = ${formatInt(r.participants_count)})`;
  const max = Math.max(5, ...data.map((r) => r.low_gap_contribution_pct ?? 0));
  return {
    width,
    height: 26 * data.length + 76,
    marginLeft: width < 700 ? 140 : 190,
    marginRight: 170,
    marginBottom: 46,
    x: {
      label: 'Вклад в отставание района, % от обучающихся района сверх цели',
      domain: [0, max * 1.05],
      grid: true,
      labelOffset: 40,
    },
    y: { label: null, domain: data.map((r) => r.short_name) },
    marks: [
      Plot.barX(data, {
        x: 'low_gap_contribution_pct',
        y: 'short_name',
        fill: (r: FgSchoolRow) => (r.is_small_n ? GREY : OKABE_ITO.vermillion),
        title: tip,
      }),
      Plot.text(data, {
        x: 'low_gap_contribution_pct',
        y: 'short_name',
        text: (r: FgSchoolRow) =>
          `${formatPct(r.low_gap_contribution_pct)} · ${formatPupils(r.low_gap_contribution_pupils)} (n = ${formatInt(r.participants_count)})`,
        textAnchor: 'start',
        dx: 4,
        fill: '#1f2933',
      }),
      Plot.ruleX([0]),
    ],
  };
}
