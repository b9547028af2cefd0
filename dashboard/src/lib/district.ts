/**
 * «Обзор района»: the schools table's columns, the year's changes, the KPI texts and the chart's
 * reference lines. Plain functions: the view and its sections only draw what these return.
 */
import type {
  ClusterCardRow,
  DistrictChange,
  DistrictResultRow,
} from '../../../contract/api/types.ts';
import type { FgDistrictRow } from '../../../contract/api/fg-types.ts';
import {
  formatInt,
  formatPct,
  formatPctN,
  formatUpTo,
  schoolYear,
} from '../../../contract/format.ts';
import { formatKeyShare } from '../../../contract/results.ts';
import {
  intColumn,
  markColumn,
  participantsColumn,
  pctColumn,
  ppColumn,
  type Column,
} from '../../../contract/table.ts';

/** Above this many schools a bar per school no longer reads: the chart shows bands instead. */
export const BARS_MAX = 60;
/** The schools table's first order, asked of the server with the first rows too. */
export const DISTRICT_SORT = { key: 'key', direction: 'desc' } as const;

/** A row's name: the school's, or «Район» / «Регион» for the benchmark rows. */
export const districtRowName = (r: DistrictResultRow) =>
  r.short_name ?? (r.level === 'district' ? 'Район' : 'Регион');

/** The key share's change from last year, p.p. (null without last year's figure). */
export const keyChange = (r: Pick<DistrictResultRow, 'key_pct' | 'prev_key_pct'>) =>
  r.prev_key_pct == null ? null : r.key_pct - r.prev_key_pct;

/** A key share at least twice the district's (small groups are not judged). */
export const keyTooHigh = (r: DistrictResultRow, district: DistrictResultRow | undefined) =>
  !!district && !r.is_small_n && district.key_pct > 0 && r.key_pct >= 2 * district.key_pct;

export interface DistrictColumnsInput {
  /** the selection's year, for the clusters' heading */
  year: number | undefined;
  isEge: boolean;
  /** «Доля «2»» or its ЕГЭ wording */
  keyLabel: string;
  /** the district's row: a school's key share twice its own is marked */
  district: DistrictResultRow | undefined;
}

const egeColumns = (key: Column<DistrictResultRow>): Column<DistrictResultRow>[] => [
  {
    key: 'avg_test_score',
    label: 'Средний тестовый балл',
    value: (r) => r.avg_test_score,
    format: (r) => formatUpTo(r.avg_test_score, 1),
    numeric: true,
  },
  { ...key, label: 'Ниже минимального балла' },
  pctColumn('high_band', 'Высокобалльники (81–100)', (r) => r.high_band_pct),
  intColumn('score_100', 'Стобалльники', (r) => r.score_100_count),
];

const markColumns = (key: Column<DistrictResultRow>): Column<DistrictResultRow>[] => [
  pctColumn('uspevaemost', 'Успеваемость', (r) => r.uspevaemost_pct),
  pctColumn('kachestvo', 'Качество знаний', (r) => r.kachestvo_pct),
  markColumn('avg_mark', 'Средняя отметка', (r) => r.avg_mark),
  { ...key, label: 'Доля «2»' },
  pctColumn('dolya5', 'Доля «5»', (r) => r.dolya5_pct),
];

/** The district's schools table: name, clusters, marks of the procedure, last year and trend. */
export function districtColumns(input: DistrictColumnsInput): Column<DistrictResultRow>[] {
  const key = pctColumn<DistrictResultRow>('key', '', (r) => r.key_pct, {
    // ЕГЭ without a grading scale: «шкала неизвестна», not 0 %
    format: formatKeyShare,
    tone: (r) => (keyTooHigh(r, input.district) ? 'bad' : undefined),
  });
  const change = (r: DistrictResultRow) => keyChange(r) ?? 0;
  return [
    { key: 'school', label: 'Школа', value: districtRowName, custom: true },
    {
      key: 'clusters',
      label: `Кластеры ${input.year != null ? schoolYear(input.year) : ''}`,
      value: (r) => r.clusters.join(', ') || null,
      custom: true,
    },
    participantsColumn,
    ...(input.isEge ? egeColumns(key) : markColumns(key)),
    pctColumn('prev', `${input.keyLabel} год назад`, (r) => r.prev_key_pct, {
      format: (r) =>
        r.prev_key_pct == null ? '—' : formatPctN(r.prev_key_pct, r.prev_participants_count),
    }),
    ppColumn<DistrictResultRow>('change', 'Изменение за год', keyChange, {
      tone: (r) => (change(r) >= 10 ? 'worse' : change(r) <= -10 ? 'better' : undefined),
    }),
    {
      key: 'trend',
      label: 'Динамика по годам',
      value: (r) => r.history.length,
      custom: true,
      screenOnly: true,
    },
  ];
}

/** «3 из 4»: directions that met the ФГ target on low levels or on the high level. */
export function fgMetText(fg: readonly FgDistrictRow[], measure: 'low' | 'high'): string {
  const met = fg.filter((r) => (measure === 'low' ? r.low_met : r.high_met)).length;
  return `${formatInt(met)} из ${formatInt(fg.length)}`;
}

/** «Р1: 4 · Р2: 2»: schools flagged this year per cluster (every row carries its counts), or «нет». */
export function listedByCluster(clusters: readonly ClusterCardRow[]): string {
  const byCluster = new Map<string, number>();
  for (const c of clusters) if (c.list_count > 0) byCluster.set(c.cluster, c.list_count);
  return (
    [...byCluster].map(([cluster, count]) => `${cluster}: ${formatInt(count)}`).join(' · ') || 'нет'
  );
}

/** One cluster card of the overview: the working list's schools and the calculation's suggestions. */
export interface ClusterCard {
  cluster: string;
  title: string;
  listed: ClusterCardRow[];
  suggested: ClusterCardRow[];
  /** whole counts (the rows may be shortened) */
  listCount: number;
  suggestedCount: number;
  lastYearCount: number | null;
  leftNames: string[];
}

/** The overview's rows grouped into cluster cards, in the order the server sent them. */
export function clusterCards(rows: readonly ClusterCardRow[]): ClusterCard[] {
  const clusters = [...new Set(rows.map((r) => r.cluster))];
  return clusters.map((cluster) => {
    const of = rows.filter((r) => r.cluster === cluster);
    const first = of[0]!;
    return {
      cluster,
      title: first.cluster_title,
      listed: of.filter((r) => r.in_list),
      suggested: of.filter((r) => !r.in_list),
      listCount: first.list_count,
      suggestedCount: first.suggested_count,
      lastYearCount: first.last_year_count,
      leftNames: first.left_names,
    };
  });
}

/** The chart's reference lines: the district's and, when known, the region's key share. */
export function benchmarkLines(
  district: DistrictResultRow,
  region: DistrictResultRow | undefined,
): string {
  const line = (r: DistrictResultRow) =>
    `${formatPct(r.key_pct)}, n = ${formatInt(r.participants_count)}`;
  return `Сплошная линия — район (${line(district)})${region ? `, пунктир — регион (${line(region)})` : ''}`;
}

/** The year's changes shown: only the significant ones unless all are asked for. */
export const shownChanges = (changes: readonly DistrictChange[], all: boolean) =>
  changes.filter((c) => all || c.change_significant);

const improved = (c: DistrictChange) => c.change_pp > 0 === c.higher_is_better;

/** «значимое улучшение», «значимое ухудшение» or «в пределах случайных колебаний». */
export const changeMeaning = (c: DistrictChange) =>
  c.change_significant
    ? improved(c)
      ? 'значимое улучшение'
      : 'значимое ухудшение'
    : 'в пределах случайных колебаний';

export const changeColumns: Column<DistrictChange>[] = [
  { key: 'title', label: 'Показатель', value: (c) => c.title },
  {
    key: 'topic',
    label: 'Предмет или направление',
    value: (c) => (c.grade == null ? c.topic : `${c.topic}, ${c.grade} кл.`),
  },
  pctColumn('prev', 'Год назад', (c) => c.prev_pct),
  pctColumn('now', 'В этом году', (c) => c.pct, { format: (c) => formatPctN(c.pct, c.n) }),
  ppColumn('change', 'Изменение', (c) => c.change_pp, {
    tone: (c) => (c.change_significant ? (improved(c) ? 'better' : 'worse') : undefined),
  }),
  { key: 'meaning', label: 'Оценка', value: changeMeaning },
];
