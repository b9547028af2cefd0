/** Network pairs (наставник ↔ подшефная школа) and the region's official cluster lists. */
import { findHeader, type ColumnSpec } from '../header.ts';
import { splitLoginCell } from '../schools.ts';
import { EXPECTED, schoolYearCell, textCell } from '../values.ts';
import type { NetworkPairRow, OfficialClusterRow } from '../datasets.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import { YEAR } from './columns.ts';

/** A school cell: «(login) name», a login or a name. */
function schoolCell<K extends string>(row: RowReader<K>, key: K): string | undefined {
  const text = row.get(key, textCell, EXPECTED.text);
  if (text === undefined) return undefined;
  const { login, name } = splitLoginCell(text);
  return row.schoolIn(row.caption(key), login, login ? name || undefined : name);
}

const pairColumns = [
  YEAR,
  {
    key: 'mentor',
    names: ['ОО-наставник', 'Школа-наставник', 'Наставник', 'ОО наставник'],
    required: true,
  },
  {
    key: 'mentee',
    names: ['Подшефная ОО', 'Подшефная школа', 'Школа-партнёр', 'Сопровождаемая ОО'],
    required: true,
  },
  {
    key: 'kind',
    names: ['Форма взаимодействия', 'Тип', 'Вид сопровождения', 'Форма сопровождения'],
    required: false,
  },
] as const satisfies readonly ColumnSpec[];

export const networkPairsFormat: Format = {
  id: 'network_pairs',
  title: 'Сетевые пары (шаблон)',
  dataset: 'network_pairs',
  columns: pairColumns,
  example: ['2025/26', 'Гимназия № 1', 'Берёзовская СОШ', 'сетевое наставничество'],
  notes: [
    'Одна строка — одна пара школ в одном учебном году. Школы указываются логином, наименованием или в виде «(логин) наименование».',
  ],
  detect: (sheet) => findHeader(sheet, pairColumns) !== undefined,
  parse(context) {
    const header = findHeader(context.sheet, pairColumns)!;
    const rows: NetworkPairRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const year = row.get('year', schoolYearCell, EXPECTED.schoolYear);
      const mentor = schoolCell(row, 'mentor');
      const mentee = schoolCell(row, 'mentee');
      if (year === undefined || mentor === undefined || mentee === undefined) return;
      if (mentor === mentee) {
        row.error(row.caption('mentee'), mentee, 'другая школа, не сама школа-наставник');
        return;
      }
      rows.push({
        year,
        mentorSchoolId: mentor,
        menteeSchoolId: mentee,
        kind: row.text('kind') ?? null,
      });
      keys.push({ row: row.number, key: `${year}|${mentor}|${mentee}` });
    });
    checkDuplicates(keys, 'учебный год и пара школ', context);
    return { dataset: 'network_pairs', rows };
  },
};

const clusterColumns = [
  YEAR,
  { key: 'school', names: ['Наименование ОО', 'ОО', 'Школа', 'Логин ОО'], required: true },
  { key: 'cluster', names: ['Кластер', 'Категория', 'Группа риска', 'Перечень'], required: true },
] as const satisfies readonly ColumnSpec[];

export const officialClustersFormat: Format = {
  id: 'official_clusters',
  title: 'Региональные списки кластеров (шаблон)',
  dataset: 'official_clusters',
  columns: clusterColumns,
  example: ['2025/26', 'Берёзовская СОШ', 'ШФЗСОР'],
  notes: [
    'Одна строка — одна школа в одном кластере по приказу региона (ШНОР, ШФЗСОР, ШПУН, ШЛ и другие). Школа может входить в несколько кластеров.',
    'Списки показываются рядом с рассчитанными признаками, расхождения выделяются.',
  ],
  detect: (sheet) => findHeader(sheet, clusterColumns) !== undefined,
  parse(context) {
    const header = findHeader(context.sheet, clusterColumns)!;
    const rows: OfficialClusterRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const year = row.get('year', schoolYearCell, EXPECTED.schoolYear);
      const schoolId = schoolCell(row, 'school');
      const cluster = row.get('cluster', textCell, EXPECTED.text);
      if (year === undefined || schoolId === undefined || cluster === undefined) return;
      rows.push({ year, schoolId, cluster });
      keys.push({ row: row.number, key: `${year}|${schoolId}|${cluster.toLowerCase()}` });
    });
    checkDuplicates(keys, 'учебный год, ОО и кластер', context);
    return { dataset: 'official_clusters', rows };
  },
};
