/**
 * The sentences of the effect of support, as the committee writes them: whole schools, counts
 * first («из 5 ШФЗСОР 2023/24: у 3 значимое улучшение, у 1 без значимых изменений, у 1
 * ухудшение; вышли из списка 2»).
 */
import type { EffectSummaryRow, EffectVerdict, SupportEffectRow } from './api/effects-types.ts';
import { formatInt, pluralRu, schoolYear } from './format.ts';

/** «вышли из списка 2», «вышла из списка 1». */
const countedVerb = (n: number, forms: [string, string, string], rest: string) =>
  `${pluralRu(n, forms)} ${rest} ${formatInt(n)}`;

/** The summary of one cluster's (or group's) schools by the change and the outcome. */
export function effectSummarySentence(row: EffectSummaryRow, year: number): string {
  const parts = [
    row.improved > 0 && `у ${formatInt(row.improved)} значимое улучшение`,
    row.unchanged > 0 && `у ${formatInt(row.unchanged)} без значимых изменений`,
    row.worsened > 0 && `у ${formatInt(row.worsened)} ухудшение`,
    row.not_measured > 0 && `у ${formatInt(row.not_measured)} изменение не измерено`,
  ].filter(Boolean);
  const outcomes = [
    row.left_count > 0 && countedVerb(row.left_count, ['вышла', 'вышли', 'вышли'], 'из кластера'),
    row.stayed > 0 && countedVerb(row.stayed, ['осталась', 'остались', 'остались'], 'в кластере'),
    row.worse_cluster > 0 &&
      countedVerb(row.worse_cluster, ['перешла', 'перешли', 'перешли'], 'в более тяжёлый кластер'),
  ].filter(Boolean);
  // a road map's section heading may end in a colon of its own
  const label = row.label.replace(/:\s*$/, '');
  const who =
    row.grouping === 'cluster'
      ? `из ${formatInt(row.schools)} ${label} ${schoolYear(year)}`
      : `${label}: из ${formatInt(row.schools)} ${pluralRu(row.schools, ['школы', 'школ', 'школ'])}`;
  return `${who}: ${parts.join(', ')}${outcomes.length ? `; ${outcomes.join(', ')}` : ''}`;
}

/** «значимое улучшение» and the other verdicts as a committee reads them. */
export const VERDICT_TEXT: Record<EffectVerdict | 'нет школ для сравнения', string> = {
  улучшение: 'значимое улучшение',
  'без значимых изменений': 'без значимых изменений',
  ухудшение: 'значимое ухудшение',
  'мало данных': 'мало участников для вывода',
  'нет данных до начала': 'нет результатов до начала поддержки',
  'нет повторного измерения': 'нет повторного измерения',
  'нет школ для сравнения': 'нет школ для сравнения',
};

const OUTCOME_TEXT: Record<string, string> = {
  вышла: 'вышла из кластера',
  осталась: 'осталась в кластере',
  хуже: 'перешла в более тяжёлый кластер',
};

/** «вышла из кластера (список 2026/27: —)», «осталась в кластере (по расчёту: ШПУН, ШФЗСОР)». */
export function outcomeText(row: SupportEffectRow): string {
  if (row.outcome === null) return 'ещё не измерено';
  const where =
    row.outcome_basis === 'список следующего года'
      ? `список ${schoolYear(row.list_year + 1)}`
      : `по расчёту на результатах ${schoolYear(row.list_year)}`;
  const clusters = row.next_clusters?.length ? row.next_clusters.join(', ') : 'нет кластеров';
  return `${OUTCOME_TEXT[row.outcome]} (${where}: ${clusters})`;
}
