/**
 * The year's working list as the draft распоряжение needs it: one list per cluster, in the order
 * of the methodology's table of cluster names, each with the words the order names it by and the
 * basis of its entries (the region's letter, the committee's распоряжение, a committee's
 * addition with its reason).
 */
import type { Store } from '../analytics/db.ts';
import { currentMethodology } from '../analytics/methodology-store.ts';
import { runQuery } from '../analytics/queries.ts';
import { formatDate } from './text.ts';

/** One school on one cluster's list (analytics/queries/decision_lists.sql). */
export interface ListEntry {
  cluster: string;
  school_id: string;
  short_name: string;
  full_name: string;
  source: 'регион' | 'решение комитета' | 'расчёт по методике';
  basis: string | null;
  listed_on: string | null;
  /** the reason of a committee's addition; null for an official list's entry */
  reason: string | null;
}

export interface ClusterList {
  cluster: string;
  /** «школ, функционирующих в зоне риска … (ШФЗСОР)»: the list's schools in the genitive */
  schools: string;
  entries: ListEntry[];
}

/**
 * The schools of a cluster in the genitive, as an order writes «список школ …»: the longest of
 * the cluster's names in the methodology that reads «школ …», with the code; «школ кластера «X»»
 * when it has none.
 */
export function clusterSchools(code: string, names: readonly string[]): string {
  const genitive = names
    .filter((name) => /^школ[\s,]/i.test(name))
    .sort((a, b) => b.length - a.length)[0];
  return genitive ? `${genitive.replace(/^Ш/, 'ш')} (${code})` : `школ кластера «${code}»`;
}

/** The clusters in the order of the methodology's table of names; others after them by code. */
export function clusterOrder(codes: readonly string[], tableOrder: readonly string[]): string[] {
  const rank = (code: string) => {
    const i = tableOrder.indexOf(code);
    return i < 0 ? tableOrder.length : i;
  };
  return [...codes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'ru'));
}

/** The year's lists, one per cluster with schools on it; empty when the year has no list. */
export async function decisionLists(store: Store, year: number): Promise<ClusterList[]> {
  const entries = await runQuery<ListEntry>(store, 'decision_lists', { year });
  const synonyms = (await currentMethodology(store)).clusterNames.synonyms;
  const codes = clusterOrder([...new Set(entries.map((e) => e.cluster))], Object.keys(synonyms));
  return codes.map((cluster) => ({
    cluster,
    schools: clusterSchools(cluster, synonyms[cluster] ?? []),
    entries: entries.filter((e) => e.cluster === cluster),
  }));
}

/** What an official list's entries rest on: «<document> (список региона)». */
function officialBasis(entry: ListEntry): string {
  const document = entry.basis ?? 'документ не указан';
  return `${document} (${entry.source === 'регион' ? 'список региона' : 'список комитета'})`;
}

/** A committee's addition: who, when, by which document and why. */
function additionBasis(entry: ListEntry): string {
  const how =
    entry.source === 'расчёт по методике'
      ? 'включена по расчёту по методике решением комитета'
      : 'включена решением комитета';
  const document = entry.basis ? ` (${entry.basis})` : '';
  return `${entry.short_name} — ${how} от ${formatDate(entry.listed_on)}${document}; причина: ${entry.reason}`;
}

/**
 * The basis of a list, one line each: every document of its official entries with how many
 * schools it gives, then every committee's addition with its reason.
 */
export function basisLines(entries: readonly ListEntry[]): string[] {
  const documents = new Map<string, number>();
  for (const entry of entries.filter((e) => e.reason === null)) {
    const line = officialBasis(entry);
    documents.set(line, (documents.get(line) ?? 0) + 1);
  }
  return [
    ...[...documents].map(([line, count]) => `${line} — ${count} ОО`),
    ...entries.filter((e) => e.reason !== null).map(additionBasis),
  ];
}

/** What the year's lists rest on, for the preamble: «списков региона и решений комитета». */
export function listSources(lists: readonly ClusterList[]): string[] {
  const entries = lists.flatMap((l) => l.entries);
  return [
    entries.some((e) => e.source === 'регион') && 'списков региона',
    entries.some((e) => e.source === 'решение комитета') && 'решений комитета',
    entries.some((e) => e.source === 'расчёт по методике') && 'расчёта по методике',
  ].filter((s): s is string => !!s);
}
