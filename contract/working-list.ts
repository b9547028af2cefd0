/**
 * The words of the committee's working list, shared by the pages and the briefings: where an entry
 * came from («список региона, письмо … от …») and what the calculation by the methodology says
 * beside it (the cross-check).
 */
import type { ListAgreement, ListSource } from './api/cluster-types.ts';
import { formatDate } from './format.ts';

/** The source in words: «список региона», «решение комитета», «добавлена по расчёту по методике». */
export const SOURCE_TEXT: Record<ListSource, string> = {
  регион: 'список региона',
  'решение комитета': 'решение комитета',
  'расчёт по методике': 'решение комитета по расчёту по методике',
};

/** The cross-check in words, beside an entry of the list or a suggestion of the calculation. */
export const AGREEMENT_TEXT: Record<ListAgreement, string> = {
  совпадает: 'расчёт по методике совпадает',
  'только в списке': 'по расчёту по методике признак не установлен',
  'только по расчёту': 'предложено расчётом по методике, в рабочем списке нет',
  'нет правила в методике': 'по методике этот кластер не рассчитывается',
};

export interface ListEntry {
  cluster: string;
  source: ListSource | null;
  basis: string | null;
  /** ISO date */
  listed_on: string | null;
  reason?: string | null;
}

/**
 * «список региона, письмо КОиПО ЛО от 10.10.2023 № 19-39080/2023»; without a basis, the date:
 * «решение комитета от 01.12.2026: результаты ниже района».
 */
export function entrySourceText(entry: ListEntry): string {
  const source = entry.source ? SOURCE_TEXT[entry.source] : 'рабочий список';
  const basis = entry.basis
    ? `, ${entry.basis}`
    : entry.listed_on
      ? ` от ${formatDate(entry.listed_on)}`
      : '';
  const reason = entry.reason ? `: ${entry.reason}` : '';
  return `${source}${basis}${reason}`;
}

/** «ШПУН (список региона, письмо … от …)» */
export const entryText = (entry: ListEntry) => `${entry.cluster} (${entrySourceText(entry)})`;

/** «ШПУН (список региона)»: where a table cell has no room for the basis. */
export const entryShortText = (entry: ListEntry) =>
  `${entry.cluster} (${entry.source ? SOURCE_TEXT[entry.source] : 'рабочий список'})`;
