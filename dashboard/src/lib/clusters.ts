/**
 * «Кластеры по годам»: the working lists' history as tables (cluster × year, the span between two
 * years, each school's clusters by year) and the working list of a year with its decisions.
 */
import type {
  ClusterHistoryRow,
  ClusterSpanRow,
  ListDecisionRow,
  SchoolClusterYear,
  WorkingListRow,
} from '../../../contract/api/cluster-types.ts';
import { exitSentence, schoolShareText, stillText } from '../../../contract/cluster-history.ts';
import {
  countRu,
  formatDate,
  formatDateTime,
  formatInt,
  pluralRu,
  SCHOOLS,
  schoolYear,
} from '../../../contract/format.ts';
import { intColumn, yearColumn, type Column } from '../../../contract/table.ts';

const DASH = '—';
const names = (list: readonly string[]) => (list.length ? list.join(', ') : DASH);
const share = (pct: number | null) => (pct === null ? DASH : schoolShareText(pct));

/** «1 из 2, 50 %»: those who left of the year before's schools, counts first. */
export function exitText(left: number | null, of: number | null, pct: number | null): string {
  if (left === null || of === null) return DASH;
  if (of === 0) return 'в списке не было школ';
  return `${formatInt(left)} из ${formatInt(of)}, ${share(pct)}`;
}

export const historyColumns: Column<ClusterHistoryRow>[] = [
  { key: 'cluster', label: 'Кластер', value: (r) => r.cluster },
  yearColumn('year', 'Учебный год', (r) => r.year),
  intColumn('schools', 'Школ в списке', (r) => r.schools),
  intColumn('entered', 'Вошли', (r) => r.entered),
  intColumn('left', 'Вышли', (r) => r.left_count),
  intColumn('stayed', 'Остались', (r) => r.stayed),
  {
    key: 'exit',
    label: 'Доля вышедших',
    value: (r) => r.exit_pct,
    format: (r) => exitText(r.left_count, r.prev_schools, r.exit_pct),
    numeric: true,
  },
  { key: 'entered_names', label: 'Кто вошёл', value: (r) => names(r.entered_names) },
  { key: 'left_names', label: 'Кто вышел', value: (r) => names(r.left_names) },
];

/** The sentence of a cluster in the span, as the committee writes it. */
export function spanSentence(r: ClusterSpanRow, from: number, to: number): string {
  const exit = exitSentence(r.cluster, from, to, r.from_schools, r.left_count);
  const still = r.from_schools > 0 ? `; ${stillText(r.still, r.from_schools)}` : '';
  const entered = r.entered > 0 ? `; вошли ${formatInt(r.entered)}` : '';
  return `${exit}${still}${entered}`;
}

export const spanColumns = (from: number, to: number): Column<ClusterSpanRow>[] => [
  { key: 'cluster', label: 'Кластер', value: (r) => r.cluster },
  intColumn('from', `Школ в ${schoolYear(from)}`, (r) => r.from_schools),
  intColumn('still', `Из них в списке ${schoolYear(to)}`, (r) => r.still),
  intColumn('left', 'Вышли', (r) => r.left_count),
  {
    key: 'exit',
    label: 'Доля вышедших',
    value: (r) => r.exit_pct,
    format: (r) => exitText(r.left_count, r.from_schools, r.exit_pct),
    numeric: true,
  },
  intColumn('entered', `Вошли к ${schoolYear(to)}`, (r) => r.entered),
  intColumn('to', `Школ в ${schoolYear(to)}`, (r) => r.to_schools),
  { key: 'left_names', label: 'Кто вышел', value: (r) => names(r.left_names) },
];

/** A school's row: its clusters in each year («ШНОР, ШПУН» or «—»). */
export interface SchoolYearsRow {
  school_id: string;
  short_name: string;
  years: Record<number, string>;
}

export function schoolYearRows(entries: readonly SchoolClusterYear[]): SchoolYearsRow[] {
  const bySchool = new Map<string, SchoolYearsRow>();
  for (const e of entries) {
    const row = bySchool.get(e.school_id) ?? {
      school_id: e.school_id,
      short_name: e.short_name,
      years: {},
    };
    row.years[e.year] = row.years[e.year] ? `${row.years[e.year]}, ${e.cluster}` : e.cluster;
    bySchool.set(e.school_id, row);
  }
  return [...bySchool.values()];
}

export const schoolYearColumns = (years: readonly number[]): Column<SchoolYearsRow>[] => [
  { key: 'school', label: 'Школа', value: (r) => r.short_name, custom: true },
  ...years.map((year): Column<SchoolYearsRow> => ({
    key: `y${year}`,
    label: schoolYear(year),
    value: (r) => r.years[year] ?? DASH,
  })),
];

/** The span chosen in the address (?from=&to=), or the first and the last year. */
export function spanYears(
  query: URLSearchParams,
  years: readonly number[],
): { from: number; to: number } | null {
  if (years.length === 0) return null;
  const pick = (key: string, fallback: number) => {
    const value = Number(query.get(key));
    return years.includes(value) ? value : fallback;
  };
  return { from: pick('from', years[0]!), to: pick('to', years.at(-1)!) };
}

export const workingListColumns: Column<WorkingListRow>[] = [
  { key: 'cluster', label: 'Кластер', value: (r) => r.cluster },
  { key: 'school', label: 'Школа', value: (r) => r.short_name ?? r.school_id, custom: true },
  {
    key: 'source',
    label: 'Источник',
    value: (r) => r.source ?? 'не в списке',
  },
  { key: 'basis', label: 'Основание', value: (r) => r.basis ?? DASH },
  {
    key: 'listed_on',
    label: 'Дата',
    value: (r) => r.listed_on,
    format: (r) => formatDate(r.listed_on),
  },
  { key: 'reason', label: 'Причина', value: (r) => r.reason ?? DASH },
  { key: 'agreement', label: 'Сверка с расчётом', value: (r) => r.agreement },
];

const ACTIONS = { add: 'включить', remove: 'исключить' } as const;

export const decisionColumns: Column<ListDecisionRow>[] = [
  {
    key: 'decided_at',
    label: 'Когда',
    value: (r) => r.decided_at,
    format: (r) => formatDateTime(r.decided_at),
  },
  { key: 'action', label: 'Решение', value: (r) => ACTIONS[r.action] },
  { key: 'cluster', label: 'Кластер', value: (r) => r.cluster },
  { key: 'school', label: 'Школа', value: (r) => r.short_name ?? r.school_id },
  { key: 'reason', label: 'Причина', value: (r) => r.reason },
  { key: 'basis', label: 'Основание', value: (r) => r.basis ?? DASH },
  { key: 'decided_by', label: 'Кто', value: (r) => r.decided_by },
];

/** «Школа · ШПУН»: a row the decision form offers. */
export const entryLabel = (r: WorkingListRow) => `${r.short_name ?? r.school_id} · ${r.cluster}`;
export const entryKey = (r: Pick<WorkingListRow, 'school_id' | 'cluster'>) =>
  `${r.cluster}|${r.school_id}`;

/** The entries the form can add (computed, not on the list) and remove (on the list). */
export function decisionChoices(rows: readonly WorkingListRow[]) {
  return {
    suggestions: rows.filter((r) => !r.in_list),
    listed: rows.filter((r) => r.in_list),
  };
}

/**
 * «в списке 8 школ в 3 кластерах; ещё 4 школы — только по расчёту»: whole schools (a school in two
 * clusters counts once), then the computed suggestions not on the list.
 */
export function listSummary(rows: readonly WorkingListRow[]): string {
  const listed = rows.filter((r) => r.in_list);
  const schools = new Set(listed.map((r) => r.school_id)).size;
  const clusters = new Set(listed.map((r) => r.cluster)).size;
  const suggested = new Set(rows.filter((r) => !r.in_list).map((r) => r.school_id)).size;
  const list =
    schools === 0
      ? 'в списке нет школ'
      : `в списке ${countRu(schools, SCHOOLS)} в ${formatInt(clusters)} ${pluralRu(clusters, ['кластере', 'кластерах', 'кластерах'])}`;
  return suggested ? `${list}; ещё ${countRu(suggested, SCHOOLS)} — только по расчёту` : list;
}

/** A school's years on the lists: «ШПУН (регион), ШФЗСОР (решение комитета)», latest year first. */
export function clustersByYear(
  entries: readonly SchoolClusterYear[],
): { year: number; text: string }[] {
  const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => b - a);
  return years.map((year) => ({
    year,
    text: entries
      .filter((e) => e.year === year)
      .map((e) => `${e.cluster} (${e.source})`)
      .join(', '),
  }));
}
