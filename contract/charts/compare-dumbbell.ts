/**
 * Dumbbell (arrow) chart of «Сравнение лет»: per school the share in year A (hollow dot) →
 * year B (filled dot), the district on top and as a reference line; significant changes in
 * colour (worsening vermillion, improvement blue), the rest grey. Tooltips carry n.
 */
import * as Plot from '@observablehq/plot';
import type { ComparePair } from '../api/compare-types.ts';
import { formatDecimal, formatInt, formatPct, formatPp, schoolYear } from '../format.ts';
import { OKABE_ITO } from './palette.ts';

export const DISTRICT_LABEL = 'Район (все школы)';

export const CHANGE_KINDS = [
  'значимое ухудшение',
  'значимое улучшение',
  'изменение не значимо',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
const KIND_COLORS = [OKABE_ITO.vermillion, OKABE_ITO.blue, '#8a96a3'];

export const changeKind = (p: ComparePair): ChangeKind =>
  // a small group is never highlighted as a change
  !p.is_significant || p.is_small_n_a || p.is_small_n_b
    ? 'изменение не значимо'
    : p.direction === 'ухудшение'
      ? 'значимое ухудшение'
      : 'значимое улучшение';

export interface DumbbellOptions {
  yearA: number;
  yearB: number;
  /** x axis label, e.g. «Доля отметок «2», %» */
  axisLabel: string;
  higherIsBetter: boolean;
  minN: number;
}

interface Row {
  label: string;
  pair: ComparePair;
  kind: ChangeKind;
}

/**
 * «Лицей № 2 *» for a school with fewer than minN participants in A or B, «… ⚠» for one flagged
 * for signs of non-objective results in A or B (the tooltip says so in words).
 */
export const rowLabel = (p: ComparePair) =>
  p.level === 'district'
    ? DISTRICT_LABEL
    : `${p.short_name ?? p.school_id}${p.is_small_n_a || p.is_small_n_b ? ' *' : ''}${p.nonobjective_years?.length ? ' ⚠' : ''}`;

function tooltip(p: ComparePair, { yearA, yearB, minN }: DumbbellOptions): string {
  const part = (year: number, pct: number | null, n: number | null) =>
    pct == null
      ? `${schoolYear(year)}: нет данных`
      : `${schoolYear(year)}: ${formatPct(pct)} (n = ${formatInt(n)})`;
  const lines = [
    p.level === 'district' ? DISTRICT_LABEL : (p.short_name ?? p.school_id ?? ''),
    part(yearA, p.pct_a, p.n_a),
    part(yearB, p.pct_b, p.n_b),
  ];
  if (p.change_pp != null)
    lines.push(
      `Изменение: ${formatPp(p.change_pp)}, ${p.is_significant ? 'значимо' : 'не значимо'}${p.z_score == null ? '' : ` (z = ${formatDecimal(p.z_score, 2)})`}`,
    );
  if (p.is_small_n_a || p.is_small_n_b) lines.push(`Мало данных: n < ${minN}`);
  if (p.nonobjective_years?.length)
    lines.push(
      `Признаки необъективности результатов в ${p.nonobjective_years.map(schoolYear).join(' и ')}`,
    );
  return lines.join('\n');
}

export function dumbbellSpec(
  district: ComparePair | undefined,
  schools: readonly ComparePair[],
  options: DumbbellOptions,
  width: number,
): Plot.PlotOptions {
  // Worst value in B first: the schools that need attention are on top.
  const sign = options.higherIsBetter ? 1 : -1;
  const sorted = [...schools].sort(
    (a, b) =>
      sign * ((a.pct_b ?? a.pct_a ?? 0) - (b.pct_b ?? b.pct_a ?? 0)) ||
      (a.short_name ?? '').localeCompare(b.short_name ?? '', 'ru'),
  );
  const rows: Row[] = [...(district ? [district] : []), ...sorted].map((pair) => ({
    label: rowLabel(pair),
    pair,
    kind: changeKind(pair),
  }));
  const both = rows.filter((r) => r.pair.pct_a != null && r.pair.pct_b != null);
  const values = rows.flatMap((r) => [r.pair.pct_a ?? 0, r.pair.pct_b ?? 0]);
  const max = Math.min(100, Math.max(10, ...values) * 1.08);
  const longest = Math.max(...rows.map((r) => r.label.length), 8);
  const title = (r: Row) => tooltip(r.pair, options);
  return {
    width,
    height: 26 * rows.length + 70,
    marginLeft: Math.min(260, 7.5 * longest + 16),
    marginRight: 24,
    marginTop: 30,
    x: { label: options.axisLabel, domain: [0, max], grid: true, axis: 'top' },
    y: { label: null, domain: rows.map((r) => r.label), type: 'point' },
    color: { domain: [...CHANGE_KINDS], range: KIND_COLORS, legend: true },
    marks: [
      district?.pct_b == null
        ? null
        : Plot.ruleX([district.pct_b], {
            stroke: OKABE_ITO.black,
            strokeDasharray: '4,3',
            strokeOpacity: 0.6,
          }),
      Plot.arrow(both, {
        x1: (r: Row) => r.pair.pct_a,
        x2: (r: Row) => r.pair.pct_b,
        y1: 'label',
        y2: 'label',
        stroke: 'kind',
        strokeWidth: (r: Row) => (r.pair.is_significant ? 2.5 : 1.5),
        headLength: 7,
        insetStart: 4,
        insetEnd: 5,
        bend: false,
      }),
      Plot.dot(
        rows.filter((r) => r.pair.pct_a != null),
        {
          x: (r: Row) => r.pair.pct_a,
          y: 'label',
          r: 4,
          fill: 'white',
          stroke: '#4b5563',
          strokeWidth: 1.5,
          // a plain tooltip here: one pointer tip (on year B) is enough per row
          title,
        },
      ),
      Plot.dot(
        rows.filter((r) => r.pair.pct_b != null),
        {
          x: (r: Row) => r.pair.pct_b,
          y: 'label',
          r: 5,
          fill: 'kind',
          stroke: 'white',
          title,
          tip: true,
        },
      ),
    ],
  };
}
