/**
 * The number of schools on each cluster's working list by year: a line per cluster, the count
 * written at each point, and a tip with who entered and who left.
 */
import * as Plot from '@observablehq/plot';
import type { ClusterHistoryRow } from '../api/cluster-types.ts';
import { countRu, formatInt, SCHOOLS, schoolYear } from '../format.ts';
import { exitSentence } from '../cluster-history.ts';
import { OKABE_ITO } from './palette.ts';

const CLUSTER_COLORS = [
  OKABE_ITO.vermillion,
  OKABE_ITO.blue,
  OKABE_ITO.green,
  OKABE_ITO.orange,
  OKABE_ITO.purple,
  OKABE_ITO.sky,
  OKABE_ITO.black,
];

/** The clusters in a fixed order (as listed), each with its colour on every chart. */
export function clusterColors(rows: readonly ClusterHistoryRow[]): {
  domain: string[];
  range: string[];
} {
  const domain = [...new Set(rows.map((r) => r.cluster))];
  return { domain, range: domain.map((_, i) => CLUSTER_COLORS[i % CLUSTER_COLORS.length]!) };
}

/** «ШНОР, 2020/21: 0 школ\nиз 5 ШНОР 2019/20 к 2020/21 вышли 5, 100 %\nвышли: …» */
export function seriesTip(r: ClusterHistoryRow): string {
  const lines = [`${r.cluster}, ${schoolYear(r.year)}: ${countRu(r.schools, SCHOOLS)}`];
  if (r.prev_year !== null && r.prev_schools !== null && r.left_count !== null)
    lines.push(exitSentence(r.cluster, r.prev_year, r.year, r.prev_schools, r.left_count));
  if (r.entered_names.length) lines.push(`вошли: ${r.entered_names.join(', ')}`);
  if (r.left_names.length) lines.push(`вышли: ${r.left_names.join(', ')}`);
  return lines.join('\n');
}

export function clusterSeriesSpec(
  rows: readonly ClusterHistoryRow[],
  width: number,
): Plot.PlotOptions {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const max = Math.max(1, ...rows.map((r) => r.schools));
  return {
    width,
    height: 280,
    marginLeft: 45,
    marginRight: 20,
    x: {
      label: null,
      type: 'point',
      domain: years,
      tickFormat: (y: number) => schoolYear(y),
      inset: 25,
    },
    y: {
      label: 'Школ в списке',
      grid: true,
      domain: [0, max + 1],
      ticks: Math.min(max + 1, 6),
      tickFormat: (v: number) => (Number.isInteger(v) ? formatInt(v) : ''),
    },
    color: { ...clusterColors(rows), legend: true },
    marks: [
      Plot.line(rows, { x: 'year', y: 'schools', stroke: 'cluster', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'year', y: 'schools', fill: 'cluster', r: 4, title: seriesTip }),
      Plot.text(rows, {
        x: 'year',
        y: 'schools',
        text: (r: ClusterHistoryRow) => formatInt(r.schools),
        dy: -10,
        fill: 'cluster',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}
