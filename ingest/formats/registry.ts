/** Canonical template «Реестр ОО»: one row per school. */
import { z } from 'zod';
import { findHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, textCell } from '../values.ts';
import type { RegistryRow } from '../datasets.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows } from './row-reader.ts';

const SCHOOL_TYPES = [
  'СОШ',
  'ООШ',
  'НОШ',
  'гимназия',
  'лицей',
  'ЦО',
  'СОШ с УИОП',
  'школа-интернат',
];

const columns = [
  { key: 'login', names: ['Логин ФИС ОКО', 'Логин', 'Логин ОО', 'Код ОО'], required: true },
  {
    key: 'fullName',
    names: ['Полное наименование', 'Наименование ОО', 'Наименование'],
    required: true,
  },
  { key: 'shortName', names: ['Краткое наименование', 'Сокращённое наименование'], required: true },
  { key: 'aliases', names: ['Другие наименования', 'Синонимы', 'Псевдонимы'], required: false },
  { key: 'schoolType', names: ['Тип ОО', 'Тип', 'Вид ОО'], required: true },
  { key: 'locality', names: ['Местность', 'Город/село', 'Тип местности'], required: false },
] as const satisfies readonly ColumnSpec[];

const typeCell = z.preprocess(
  (cell) =>
    SCHOOL_TYPES.find(
      (t) =>
        t.toLowerCase() ===
        String(cell ?? '')
          .trim()
          .toLowerCase(),
    ),
  z.string(),
);

export const registryFormat: Format = {
  id: 'registry',
  title: 'Реестр ОО (шаблон)',
  dataset: 'registry',
  columns,
  example: [
    'sch470101',
    'Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 1»',
    'Гимназия № 1',
    'МБОУ «Гимназия №1»; Гимназия 1',
    'гимназия',
    'городская',
  ],
  notes: [
    'Одна строка — одна школа. Логин ФИС ОКО — постоянный ключ школы: по нему связываются результаты разных лет.',
    'В «Других наименованиях» перечислите через «;» написания, которые встречаются в файлах операторов: по ним школа будет узнана.',
    `Тип ОО — один из: ${SCHOOL_TYPES.join(', ')}. Местность — «городская» или «сельская».`,
  ],
  detect: (sheet) => findHeader(sheet, columns) !== undefined,
  parse(context) {
    const header = findHeader(context.sheet, columns)!;
    const rows: RegistryRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const login = row.get('login', textCell, EXPECTED.text);
      const fullName = row.get('fullName', textCell, EXPECTED.text);
      const shortName = row.get('shortName', textCell, EXPECTED.text);
      const schoolType = row.get(
        'schoolType',
        typeCell,
        `один из типов: ${SCHOOL_TYPES.join(', ')}`,
      );
      const locality = row.text('locality')?.toLowerCase();
      if (locality && !['городская', 'сельская'].includes(locality))
        row.error(row.caption('locality'), locality, '«городская» или «сельская»');
      if (
        login === undefined ||
        fullName === undefined ||
        shortName === undefined ||
        schoolType === undefined
      )
        return;
      rows.push({
        schoolId: login,
        fullName,
        shortName,
        aliases: (row.text('aliases') ?? '')
          .split(/[;|]/)
          .map((a) => a.trim())
          .filter(Boolean),
        schoolType,
        isRural: locality ? locality === 'сельская' : null,
      });
      keys.push({ row: row.number, key: login.toLowerCase() });
    });
    checkDuplicates(keys, 'Логин ФИС ОКО', context);
    return { dataset: 'registry', rows };
  },
};
