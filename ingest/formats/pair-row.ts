/**
 * What both layouts of network pairs read beside the two schools: the form of interaction (as
 * written and as the register names it) and the contract, agreement or order (as written, with
 * its number and date from their own columns or from the text).
 */
import type { ColumnSpec } from '../header.ts';
import type { NetworkPairRow } from '../datasets.ts';
import type { RowReader } from './row-reader.ts';
import {
  EXPECTED_DATE,
  contractDateText,
  contractNumber,
  pairForm,
  parseRuDate,
} from './pair-contract.ts';

export const PAIR_DETAIL_COLUMNS = [
  {
    key: 'kind',
    names: ['Форма взаимодействия', 'Тип', 'Вид сопровождения', 'Форма сопровождения'],
    required: false,
  },
  {
    key: 'contract',
    names: ['Договор (соглашение, приказ)', 'Договор', 'Соглашение', 'Договор (соглашение)'],
    required: false,
  },
  { key: 'contractNumber', names: ['Номер договора', '№ договора'], required: false },
  { key: 'contractDate', names: ['Дата договора'], required: false },
] as const satisfies readonly ColumnSpec[];

type DetailKey = (typeof PAIR_DETAIL_COLUMNS)[number]['key'];
export type PairDetails = Omit<NetworkPairRow, 'year' | 'mentorSchoolId' | 'menteeSchoolId'>;

/**
 * The contract of a row: as written, with its number and date from their own columns or, when
 * those are empty, from the text («Договор № 01 /2023 от 03.10.2023 года…» → «01/2023»,
 * 2023-10-03). Undefined, with an error, when a date is not a date.
 */
function readContract<K extends string>(
  row: RowReader<K | DetailKey>,
): Pick<PairDetails, 'contract' | 'contractNumber' | 'contractDate'> | undefined {
  const contract = row.text('contract') ?? null;
  const number = row.text('contractNumber') ?? (contract ? contractNumber(contract) : undefined);
  const dateCell = row.text('contractDate');
  const [dateText, column, expected] =
    dateCell !== undefined
      ? [dateCell, 'contractDate' as const, EXPECTED_DATE]
      : [
          contract ? contractDateText(contract) : undefined,
          'contract' as const,
          `дата договора после «от» в виде ДД.ММ.ГГГГ, например «Договор № 01/2023 от 03.10.2023»`,
        ];
  const date = dateText === undefined ? null : parseRuDate(dateText);
  if (date === undefined) {
    row.error(row.caption(column), dateText, expected);
    return undefined;
  }
  return { contract, contractNumber: number ?? null, contractDate: date };
}

/** The form and the contract of a row; undefined, with an error, when a date does not read. */
export function pairDetails<K extends string>(
  row: RowReader<K | DetailKey>,
): PairDetails | undefined {
  const contract = readContract(row);
  if (contract === undefined) return undefined;
  const kind = row.text('kind') ?? null;
  return { kind, form: kind === null ? null : pairForm(kind), ...contract };
}
