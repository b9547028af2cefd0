/**
 * Network pairs as the annual report lists them («Группы школ партнеров (7 пар)»), typed into a
 * table: the pair in one cell, «ОО-наставник – ОО» («МКОУ «Приладожская СОШ» - МКОУ «Путиловская
 * ООШ»;»), then the form of interaction and the contract. The school year from a «Учебный год»
 * column, the one given at the import (--year) or the title lines above the table.
 */
import { findHeader, type ColumnSpec, type HeaderMatch } from '../header.ts';
import { EXPECTED, schoolYearCell, textCell } from '../values.ts';
import type { NetworkPairRow } from '../datasets.ts';
import type { ParseContext } from './context.ts';
import type { Format } from './format.ts';
import { givenYear } from './cluster-lists.ts';
import { schoolYearsIn } from './list-title.ts';
import { PAIR_DETAIL_COLUMNS, pairDetails } from './pair-row.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import { YEAR } from './columns.ts';

const listingColumns = [
  { ...YEAR, required: false },
  {
    key: 'pair',
    names: [
      'Группы школ партнеров',
      'Группа школ партнеров',
      'Сетевая пара',
      'Сетевые пары',
      'ОО-наставник – ОО',
      'ОО-наставник - ОО',
      'ОО-наставник — ОО',
      'ОО-наставник – подшефная ОО',
      'ОО-наставник - подшефная ОО',
    ],
    required: true,
  },
  { key: 'number', names: ['№ п/п', '№', 'N п/п'], required: false },
  ...PAIR_DETAIL_COLUMNS,
] as const satisfies readonly ColumnSpec[];

type ListingKey = (typeof listingColumns)[number]['key'];
const EXPECTED_PAIR =
  'две школы через тире: «ОО-наставник – подшефная ОО», например «МКОУ «Приладожская СОШ» - МКОУ «Путиловская ООШ»»';

/** «1. МКОУ «А» - МКОУ «Б»;» → ['МКОУ «А»', 'МКОУ «Б»']; undefined when it is not two names. */
export function splitPair(text: string): [string, string] | undefined {
  const bare = text
    .replace(/^\s*\d+\s*[.)]\s*/, '')
    .replace(/[\s;,.]+$/, '')
    .trim();
  const parts = bare.split(/\s+[-–—]\s+/).map((part) => part.trim());
  return parts.length === 2 && parts.every(Boolean) ? [parts[0]!, parts[1]!] : undefined;
}

/** The school year of a listing without a year column: given at the import, else its title's. */
function listingYear(context: ParseContext, header: HeaderMatch<ListingKey>): number | undefined {
  if (header.columns.has('year')) return undefined;
  if (context.given?.year !== undefined) return givenYear(context);
  const title = context.sheet.rows
    .slice(0, header.rowIndex)
    .map((row) => row.filter((cell) => cell !== null).join(' '))
    .join(' ');
  const years = schoolYearsIn(title);
  if (years.length === 1) return years[0];
  context.problems.add({
    severity: 'error',
    file: context.file.name,
    message: `не указан учебный год сетевых пар: в таблице нет столбца «Учебный год»${years.length > 1 ? ', а в заголовке названо несколько учебных годов' : ''}. Укажите год при загрузке: npm run import -- <файл> --year 2023/24 (на странице «Загрузка данных» — поле «Учебный год списка») или допишите его в заголовок («на 2023-2024 учебный год»)`,
  });
  return undefined;
}

/** The two schools of a pair cell, or undefined with an error. */
function pairSchools(row: RowReader<ListingKey>): [string, string] | undefined {
  const text = row.get('pair', textCell, EXPECTED.text);
  if (text === undefined) return undefined;
  const names = splitPair(text);
  if (!names) {
    row.error(row.caption('pair'), text, EXPECTED_PAIR);
    return undefined;
  }
  const [mentor, mentee] = names.map((name) => row.schoolIn(row.caption('pair'), undefined, name));
  if (mentor === undefined || mentee === undefined) return undefined;
  if (mentor === mentee) {
    row.error(row.caption('pair'), text, 'две разные школы: наставник не может быть подшефной');
    return undefined;
  }
  return [mentor, mentee];
}

export const networkListingFormat: Format = {
  id: 'network_pairs_listing',
  title: 'Сетевые пары (список групп школ-партнёров, как в отчёте)',
  dataset: 'network_pairs',
  columns: listingColumns,
  notes: [
    'Список пар, как его пишут в отчёте («Группы школ партнеров (7 пар)»), перенесённый в таблицу: в одной ячейке пара «ОО-наставник – подшефная ОО» через тире («МКОУ «Приладожская СОШ» - МКОУ «Путиловская ООШ»»; номер «1.» в начале и «;» в конце не мешают), рядом — «Форма взаимодействия» и «Договор (соглашение, приказ)», как в шаблоне «Сетевые пары».',
    'Учебный год — из столбца «Учебный год», из командной строки (--year 2023/24), поля «Учебный год списка» на странице загрузки или из строк заголовка над таблицей («на 2023-2024 учебный год»).',
  ],
  detect: (sheet) => findHeader(sheet, listingColumns) !== undefined,
  parse(context) {
    const header = findHeader(context.sheet, listingColumns)!;
    const fixedYear = listingYear(context, header);
    const rows: NetworkPairRow[] = [];
    const keys: { row: number; key: string }[] = [];
    if (!header.columns.has('year') && fixedYear === undefined)
      return { dataset: 'network_pairs', rows };
    readRows(context, header, (row) => {
      const year = fixedYear ?? row.get('year', schoolYearCell, EXPECTED.schoolYear);
      const schools = pairSchools(row);
      const details = pairDetails(row);
      if (year === undefined || schools === undefined || details === undefined) return;
      const [mentorSchoolId, menteeSchoolId] = schools;
      rows.push({ year, mentorSchoolId, menteeSchoolId, ...details });
      keys.push({ row: row.number, key: `${year}|${mentorSchoolId}|${menteeSchoolId}` });
    });
    checkDuplicates(keys, 'учебный год и пара школ', context);
    return { dataset: 'network_pairs', rows };
  },
};
