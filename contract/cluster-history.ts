/**
 * The sentences of cluster history, as the committee writes them: counts first, then the share,
 * whole schools («из 5 ШНОР 2019/20 к 2020/21 вышли 5, 100 %»).
 */
import { formatInt, formatUpTo, pluralRu, schoolYear } from './format.ts';

/** A share of schools, «100 %», «66,7 %»: one decimal at most. */
export const schoolShareText = (pct: number) => `${formatUpTo(pct, 1)} %`;

/** «вышли 5», «вышла 1», «не вышла ни одна». */
export function leftText(left: number): string {
  if (left === 0) return 'не вышла ни одна';
  return `${pluralRu(left, ['вышла', 'вышли', 'вышли'])} ${formatInt(left)}`;
}

/**
 * «из 5 ШНОР 2019/20 к 2020/21 вышли 5, 100 %»; «в 2019/20 в списке ШНОР не было школ» when the
 * first year had none.
 */
export function exitSentence(
  cluster: string,
  from: number,
  to: number,
  fromSchools: number,
  left: number,
): string {
  if (fromSchools === 0) return `в ${schoolYear(from)} в списке ${cluster} не было школ`;
  const share = schoolShareText((100 * left) / fromSchools);
  return `из ${formatInt(fromSchools)} ${cluster} ${schoolYear(from)} к ${schoolYear(to)} ${leftText(left)}, ${share}`;
}

/** «осталось 2 из 5», «осталась 1 из 5»: of the first year's schools, those still listed. */
export function stillText(still: number, fromSchools: number): string {
  return `${pluralRu(still, ['осталась', 'осталось', 'осталось'])} ${formatInt(still)} из ${formatInt(fromSchools)}`;
}
