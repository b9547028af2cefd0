/** The columns of the register of network pairs: the district's list and a school's history. */
import type { Column } from '../../../contract/table.ts';
import { yearColumn } from '../../../contract/table.ts';
import { schoolYear } from '../../../contract/format.ts';
import {
  contractText,
  type PairRow,
  type SchoolPairRow,
} from '../../../contract/api/pairs-types.ts';

const DASH = '—';
const clusters = (list: readonly string[]) => (list.length ? list.join(', ') : 'нет');
/** «2022/23 (3-й год)», or the year alone in the pair's first year */
const since = (r: { began: number; years_running: number }) =>
  r.years_running > 1
    ? `${schoolYear(r.began)} (${r.years_running}-й год)`
    : `${schoolYear(r.began)} (первый год)`;

/** Форма | договор | с какого года: the terms of a pair, in the register and a school's history. */
const pairTerms = <T extends PairRow | SchoolPairRow>(): Column<T>[] => [
  { key: 'form', label: 'Форма', value: (r) => r.form ?? DASH },
  {
    key: 'contract',
    label: 'Договор (номер, дата)',
    value: (r) => contractText(r),
    exported: (r) => r.contract ?? contractText(r),
  },
  {
    key: 'began',
    label: 'С какого года пара',
    value: (r) => r.began,
    format: since,
    exported: (r) => schoolYear(r.began),
  },
];

/** № | ОО-наставник | Подшефная ОО | кластер подшефной | форма | договор | с какого года; the year when all years are shown. */
export function pairColumns(withYear: boolean): Column<PairRow & { n: number }>[] {
  return [
    { key: 'n', label: '№', value: (r) => r.n, numeric: true },
    ...(withYear
      ? [yearColumn<PairRow & { n: number }>('year', 'Учебный год', (r) => r.year)]
      : []),
    { key: 'mentor', label: 'ОО-наставник', value: (r) => r.mentor_name, custom: true },
    { key: 'mentee', label: 'Подшефная ОО', value: (r) => r.mentee_name, custom: true },
    {
      key: 'clusters',
      label: 'Кластер подшефной в рабочем списке',
      value: (r) => clusters(r.mentee_clusters),
    },
    ...pairTerms<PairRow & { n: number }>(),
  ];
}

/** A school's history: year | роль школы | партнёр | кластеры партнёра | форма | договор | с какого года. */
export const schoolPairColumns: Column<SchoolPairRow>[] = [
  yearColumn('year', 'Учебный год', (r) => r.year),
  { key: 'role', label: 'Роль школы', value: (r) => r.role },
  { key: 'partner', label: 'Партнёр', value: (r) => r.partner_name, custom: true },
  {
    key: 'clusters',
    label: 'Кластер партнёра в рабочем списке',
    value: (r) => clusters(r.partner_clusters),
  },
  ...pairTerms<SchoolPairRow>(),
];
