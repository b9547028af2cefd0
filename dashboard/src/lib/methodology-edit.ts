/**
 * The methodology editor's model: the parameters of each cluster's latest rule version as an
 * editable draft, and the candidate methodology built from it (a new rule version where
 * parameters changed, effective from the chosen school year).
 */
import type { ClusterNames, ClusterRule, Methodology } from '../../../contract/methodology.ts';
import { PARAMETERS, RULE_KINDS, VALUE_NAMES } from '../../../contract/methodology-labels.ts';
import { formatNumber } from '../../../contract/format.ts';

export type ParamValue = number | boolean | string | (string | number)[];
export type Params = Record<string, ParamValue>;

/** A deep copy that also works on Svelte's reactive proxies (structuredClone does not). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Fields of a rule version that are its identity, not its thresholds. */
const FIXED = new Set(['rule', 'version', 'isDefault', 'effectiveFrom', 'band', 'comparison']);

export const latestVersion = (m: Methodology, cluster: string): ClusterRule =>
  m.clusters[cluster]!.versions.at(-1)!;

export function ruleParams(rule: ClusterRule): Params {
  return Object.fromEntries(Object.entries(rule).filter(([key]) => !FIXED.has(key))) as Params;
}

export interface Draft {
  version: string;
  effectiveFrom: string;
  general: {
    minN: number;
    egeHighFrom: number;
    trendSlopePp: number;
    significanceZ: number;
    recurringDeficitSchoolsPct: number;
    lowMaxPct: number;
    highMinPct: number;
    basicSufficientFrom: number;
    basicInsufficientBelow: number;
    advancedSufficientFrom: number;
    advancedInsufficientBelow: number;
  };
  clusters: Record<string, Params>;
  /** the table of cluster names as text (namesText) and what to do with a name not in it */
  clusterNames: { unknown: ClusterNames['unknown']; text: string };
}

/** The table of cluster names as the editor shows it: «ШФЗСОР: ШФСОР; ШФЗР; …», a line a cluster. */
export const namesText = (names: ClusterNames) =>
  Object.entries(names.synonyms)
    .map(([code, others]) => (others.length > 0 ? `${code}: ${others.join('; ')}` : code))
    .join('\n');

/**
 * Reads the table back: a line is a code, then after «:» its other names separated by «;»
 * (names in words may hold commas); a Russian message for a line without a code.
 */
export function parseNamesText(
  text: string,
): { synonyms: ClusterNames['synonyms'] } | { error: string } {
  const synonyms: ClusterNames['synonyms'] = {};
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    const code = (colon < 0 ? line : line.slice(0, colon)).trim();
    if (!code)
      return {
        error: `Названия кластеров, строка ${index + 1}: перед «:» нужен код кластера (например, «ШФЗСОР: ШФСОР; ШФЗР»).`,
      };
    const others = colon < 0 ? [] : line.slice(colon + 1).split(';');
    synonyms[code] = [
      ...(synonyms[code] ?? []),
      ...others.map((name) => name.trim()).filter(Boolean),
    ];
  }
  return { synonyms };
}

export function draftOf(m: Methodology, effectiveFrom: string, version: string): Draft {
  return {
    version,
    effectiveFrom,
    general: {
      minN: m.minN,
      egeHighFrom: m.egeHighFrom,
      trendSlopePp: m.trendSlopePp,
      significanceZ: m.significanceZ,
      recurringDeficitSchoolsPct: m.recurringDeficitSchoolsPct,
      lowMaxPct: m.fgTargets.lowMaxPct,
      highMinPct: m.fgTargets.highMinPct,
      basicSufficientFrom: m.taskThresholds.basic.sufficientFrom,
      basicInsufficientBelow: m.taskThresholds.basic.insufficientBelow,
      advancedSufficientFrom: m.taskThresholds.advanced.sufficientFrom,
      advancedInsufficientBelow: m.taskThresholds.advanced.insufficientBelow,
    },
    clusters: Object.fromEntries(
      Object.keys(m.clusters).map((c) => [c, clone(ruleParams(latestVersion(m, c)))]),
    ),
    clusterNames: { unknown: m.clusterNames.unknown, text: namesText(m.clusterNames) },
  };
}

/** The clusters whose parameters the draft changes. */
export const changedClusters = (m: Methodology, draft: Draft) =>
  Object.keys(m.clusters).filter((c) => !same(draft.clusters[c], ruleParams(latestVersion(m, c))));

/**
 * The candidate methodology, or a Russian message when a changed rule would start before the
 * version in force. A change from the same school year replaces that version.
 */
export function candidateOf(m: Methodology, draft: Draft): Methodology | { error: string } {
  const next = clone(m);
  const g = draft.general;
  const names = parseNamesText(draft.clusterNames.text);
  if ('error' in names) return names;
  next.clusterNames = { unknown: draft.clusterNames.unknown, synonyms: names.synonyms };
  Object.assign(next, {
    version: draft.version.trim(),
    minN: g.minN,
    egeHighFrom: g.egeHighFrom,
    trendSlopePp: g.trendSlopePp,
    significanceZ: g.significanceZ,
    recurringDeficitSchoolsPct: g.recurringDeficitSchoolsPct,
    fgTargets: { lowMaxPct: g.lowMaxPct, highMinPct: g.highMinPct },
    taskThresholds: {
      basic: { sufficientFrom: g.basicSufficientFrom, insufficientBelow: g.basicInsufficientBelow },
      advanced: {
        sufficientFrom: g.advancedSufficientFrom,
        insufficientBelow: g.advancedInsufficientBelow,
      },
    },
  });
  for (const cluster of changedClusters(m, draft)) {
    const versions = next.clusters[cluster]!.versions;
    const current = versions.at(-1)!;
    if (draft.effectiveFrom < current.effectiveFrom)
      return {
        error: `Новое правило кластера ${cluster} не может действовать раньше действующего (с ${current.effectiveFrom}).`,
      };
    const rule = {
      ...current,
      ...draft.clusters[cluster],
      version: draft.version.trim(),
      isDefault: false,
      effectiveFrom: draft.effectiveFrom,
    } as ClusterRule;
    if (draft.effectiveFrom === current.effectiveFrom) versions[versions.length - 1] = rule;
    else versions.push(rule);
  }
  return next;
}

/** The kind of a rule in words, with what a ranking rule compares the school to. */
export function ruleKind(rule: ClusterRule): string {
  const kind = RULE_KINDS[rule.rule] ?? rule.rule;
  return rule.rule === 'rank_band' ? `${kind}: ${VALUE_NAMES[rule.comparison]}` : kind;
}

/** A parameter value as the page shows it: ru-RU numbers, да/нет, lists with Russian names. */
export function showValue(key: string, value: unknown): string {
  const unit = PARAMETERS[key]?.unit;
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number') return `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
  if (Array.isArray(value)) return listText(value) || '—';
  return VALUE_NAMES[String(value)] ?? String(value);
}

/** A list as the editor shows it: «доля «2», средняя отметка» rather than codes. */
export const listText = (values: readonly (string | number)[]) =>
  values.map((v) => VALUE_NAMES[String(v)] ?? String(v)).join(', ');

const CODES = new Map(Object.entries(VALUE_NAMES).map(([code, name]) => [name, code]));

/** Reads a list typed as «4, 5» or «доля «2», средняя отметка» back: numbers stay numbers, names become codes. */
export function parseList(text: string, numeric: boolean): (string | number)[] {
  const items = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return numeric
    ? items.map((s) => Number(s.replace(',', '.')))
    : items.map((s) => CODES.get(s.toLowerCase()) ?? s);
}
