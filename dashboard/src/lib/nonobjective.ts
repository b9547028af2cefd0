/**
 * The marker of a school flagged for signs of non-objective results (risk cluster
 * «Необъективность») wherever it is ranked or coloured: its words for title, aria-label and exports.
 */
import { schoolYear } from '../../../contract/format.ts';

/** The risk cluster whose schools are marked. */
export const NONOBJECTIVE_CLUSTER = 'Необъективность';

/** «Признаки необъективности результатов в 2024/25 и 2025/26: …»; undefined without years. */
export function nonobjectiveTitle(years: readonly number[] | undefined): string | undefined {
  if (!years || years.length === 0) return undefined;
  return `Признаки необъективности результатов в ${years.map(schoolYear).join(' и ')} (кластер риска «${NONOBJECTIVE_CLUSTER}»): место школы в сравнении может не отражать реальный уровень`;
}

/** The title of a cluster badge: an explanation for «Необъективность», else none. */
export const clusterTitle = (cluster: string, year: number | undefined) =>
  cluster === NONOBJECTIVE_CLUSTER && year !== undefined ? nonobjectiveTitle([year]) : undefined;

/** A school's name with the marker's words, for exports and tooltips. */
export const markedName = (name: string, years: readonly number[] | undefined) =>
  years && years.length > 0 ? `${name} (признаки необъективности результатов)` : name;
