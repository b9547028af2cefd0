/**
 * «Результативность мер»: the effect of support on the working list's schools, the network pairs
 * begun in the year against schools without a pair, and the proposed list of the next year — as
 * tables with the n beside every share.
 */
import type {
  PairEffectRow,
  ProposalRow,
  SupportEffectRow,
} from '../../../contract/api/effects-types.ts';
import { countRu, formatPctN, formatPp, SCHOOLS, schoolYear } from '../../../contract/format.ts';
import { ppColumn, type Column } from '../../../contract/table.ts';
import { outcomeText, VERDICT_TEXT } from '../../../contract/effects.ts';

const DASH = '—';
const pctN = (pct: number | null, n: number | null) => (n ? formatPctN(pct, n) : DASH);

/** A share with its n, «30,0 % (n = 200)»; sorts by the share. */
const pctNColumn = <T>(
  key: string,
  label: string,
  pct: (row: T) => number | null,
  n: (row: T) => number | null,
): Column<T> => ({ key, label, value: pct, format: (r) => pctN(pct(r), n(r)), numeric: true });

const verdictTone = (verdict: string) =>
  verdict === 'улучшение' ? 'better' : verdict === 'ухудшение' ? 'worse' : undefined;

const laterText = (row: SupportEffectRow) =>
  row.later.length
    ? row.later.map((y) => `${schoolYear(y.year)}: ${formatPctN(y.pct, y.n)}`).join('; ')
    : DASH;

export function effectColumns(year: number): Column<SupportEffectRow>[] {
  return [
    { key: 'school', label: 'ОО', value: (r) => r.short_name, custom: true },
    { key: 'cluster', label: 'Кластер', value: (r) => r.cluster },
    pctNColumn(
      'base',
      `${schoolYear(year - 1)} (до)`,
      (r) => r.base_pct,
      (r) => r.base_n,
    ),
    pctNColumn(
      'measured',
      `${schoolYear(year)} (год поддержки)`,
      (r) => r.pct,
      (r) => r.n,
    ),
    ppColumn('change', 'Изменение', (r) => r.change_pp),
    {
      key: 'verdict',
      label: 'Итог',
      value: (r) => VERDICT_TEXT[r.verdict],
      tone: (r) => verdictTone(r.verdict),
    },
    { key: 'later', label: 'Следующие годы', value: laterText },
    { key: 'pair', label: 'Сетевая пара', value: (r) => r.mentors?.join(', ') ?? 'нет' },
    { key: 'outcome', label: 'Исход', value: outcomeText },
  ];
}

/** «2 школы: 21,6 % → 22,4 %»: the peers' pooled shares before and after. */
const peersText = (r: PairEffectRow) =>
  r.peer_schools === 0
    ? VERDICT_TEXT['нет школ для сравнения']
    : `${countRu(r.peer_schools, SCHOOLS)}: ${pctN(r.peer_before_pct, r.peer_before_n)} → ${pctN(r.peer_after_pct, r.peer_after_n)}`;

export const pairColumns: Column<PairEffectRow>[] = [
  { key: 'school', label: 'Подшефная ОО', value: (r) => r.short_name, custom: true },
  { key: 'mentors', label: 'ОО-наставник', value: (r) => r.mentors.join(', ') },
  { key: 'cluster', label: 'Кластер', value: (r) => r.cluster ?? 'вне списка' },
  pctNColumn(
    'before',
    'До пары',
    (r) => r.before_pct,
    (r) => r.before_n,
  ),
  pctNColumn(
    'after',
    'Первый год пары',
    (r) => r.after_pct,
    (r) => r.after_n,
  ),
  ppColumn('change', 'Изменение', (r) => r.change_pp),
  {
    key: 'verdict',
    label: 'Итог',
    value: (r) => VERDICT_TEXT[r.verdict],
    tone: (r) => verdictTone(r.verdict),
  },
  { key: 'peers', label: 'Школы без пары: до → после', value: peersText },
  {
    key: 'peer_change',
    label: 'Школы без пары: изменение',
    value: (r) => r.peer_change_pp,
    format: (r) =>
      r.peer_schools === 0
        ? DASH
        : `${formatPp(r.peer_change_pp)} (${VERDICT_TEXT[r.peer_verdict]})`,
    numeric: true,
  },
  ppColumn('difference', 'Разница изменений', (r) => r.difference_pp),
];

const PROPOSAL_TEXT: Record<ProposalRow['proposal'], string> = {
  исключить: 'исключить из списка',
  оставить: 'оставить в списке',
  включить: 'включить в список',
};

export function proposalColumns(next: number): Column<ProposalRow>[] {
  return [
    { key: 'cluster', label: 'Кластер', value: (r) => r.cluster },
    { key: 'school', label: 'ОО', value: (r) => r.short_name, custom: true },
    { key: 'proposal', label: 'Предложение', value: (r) => PROPOSAL_TEXT[r.proposal] },
    { key: 'reason', label: 'Основание предложения', value: (r) => r.reason },
    {
      key: 'next',
      label: `В рабочем списке ${schoolYear(next)}`,
      value: (r) => (r.in_next_list ? 'уже есть' : 'нет'),
    },
  ];
}

/** «ШПУН — доля «2» …»: each cluster's key indicator, once, for the table's note. */
export function indicatorNotes(rows: readonly SupportEffectRow[]): string[] {
  const byCluster = new Map(rows.map((r) => [r.cluster, r.indicator_title]));
  return [...byCluster].map(
    ([cluster, title]) => `${cluster} — ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
  );
}
