/** Network pairs (наставник ↔ подшефная школа) and the region's official cluster lists. */
import { findHeader, type ColumnSpec } from '../header.ts';
import { splitLoginCell } from '../schools.ts';
import { EXPECTED, schoolYearCell, textCell } from '../values.ts';
import type { NetworkPairRow } from '../datasets.ts';
import { LIST_COLUMNS, hasListTable, parseClusterLists } from './cluster-lists.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import { YEAR } from './columns.ts';
import { PAIR_DETAIL_COLUMNS, pairDetails } from './pair-row.ts';

/** A school cell: «(login) name», a login or a name. */
export function schoolCell<K extends string>(row: RowReader<K>, key: K): string | undefined {
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
  ...PAIR_DETAIL_COLUMNS,
] as const satisfies readonly ColumnSpec[];

export const networkPairsFormat: Format = {
  id: 'network_pairs',
  title: 'Сетевые пары (шаблон)',
  dataset: 'network_pairs',
  columns: pairColumns,
  example: [
    '2025/26',
    'Гимназия № 1',
    'Берёзовская СОШ',
    'Ресурсное (донорское) взаимодействие',
    'Договор № 01/2025 от 03.10.2025 года о сетевом взаимодействии и сотрудничестве',
    '01/2025',
    '03.10.2025',
  ],
  notes: [
    'Одна строка — одна пара школ в одном учебном году. Школы указываются логином, наименованием или в виде «(логин) наименование». Школа не может быть наставником самой себе.',
    'Форма взаимодействия хранится как написана и как форма реестра: текст о ресурсном или донорском взаимодействии («Ресурсное (донорское) взаимодействие, где одна из школ…», «донорское») — «ресурсное (донорское)», о паритетном — «паритетное», иной текст — как написан.',
    'Договор (соглашение, приказ) хранится как написан. Номер и дата — из столбцов «Номер договора» и «Дата договора» (ДД.ММ.ГГГГ), а если их нет или они пусты — из текста договора: «Договор № 01 /2023 от 03.10.2023 года…» — номер «01/2023», дата 03.10.2023.',
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
      const details = pairDetails(row);
      if (details === undefined) return;
      rows.push({ year, mentorSchoolId: mentor, menteeSchoolId: mentee, ...details });
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
    'Кластер может быть назван любым названием из таблицы названий методики (ШФСОР, ШФЗР, «школы-лидеры»…): хранится код кластера и название, как в файле. Название, которого в таблице нет, по умолчанию загружается как отдельный кластер с предупреждением (настройка методики).',
    'Основание списка (письмо, распоряжение) указывается при загрузке: --basis «…» или поле на странице загрузки. Список по распоряжению комитета считается списком комитета, остальные — списками региона.',
    'Списки показываются рядом с рассчитанными признаками, расхождения выделяются.',
  ],
  detect: (sheet) => findHeader(sheet, clusterColumns) !== undefined,
  parse: parseClusterLists,
};

export const officialListsFormat: Format = {
  id: 'official_lists',
  title: 'Списки кластеров (приложение к распоряжению, письмо региона)',
  dataset: 'official_clusters',
  columns: LIST_COLUMNS,
  notes: [
    'Списки, как их пишут в приложениях к распоряжениям и письмах: на листе одна или несколько таблиц, у каждой свои строки заголовка над ней («Список общеобразовательных организаций…»), шапка «№ п/п | Наименование образовательной организации | Кластеризация» (или «Кластер», «Категория»), нумерованные строки и строка «Итого: 5 ОО».',
    'Строка «Итого» сверяется с числом строк таблицы (расхождение — ошибка с обоими числами) и как школа не загружается.',
    'Школа — полным наименованием, кратким или с сокращением (МБОУ, МКОУ…), как в реестре ОО.',
    'Учебный год, если в таблице нет столбца «Учебный год»: из командной строки (--year 2023/24), поля «Учебный год списка» на странице загрузки или из строк заголовка, если в них назван один учебный год («2023-2024 учебный год», «2023/24»). Без года файл не загружается.',
    'Основание списка: --basis «…», поле на странице загрузки или документ, названный в строках заголовка («Приложение 2 к распоряжению … от 19.10.2023 года № 356»). Список по распоряжению (приказу) муниципального комитета — список комитета, по письму или документу КОиПО ЛО — список региона.',
  ],
  detect: hasListTable,
  parse: parseClusterLists,
};
