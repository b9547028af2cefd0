/** Canonical template «Реестр ОО»: one row per school. */
import { z } from 'zod';
import { findHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, integerCell, schoolYearCell, textCell } from '../values.ts';
import type { RegistryRow } from '../datasets.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows } from './row-reader.ts';

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;

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
  {
    key: 'year',
    names: ['Учебный год (контингент)', 'Учебный год', 'Год'],
    required: false,
  },
  // Optional enrolment by grade, for the coverage of diagnostics (tested / enrolled).
  ...GRADES.map((grade) => ({
    key: `grade${grade}`,
    names: [
      `Обучающихся ${grade} кл.`,
      `Обучающихся в ${grade} классе`,
      `Контингент ${grade} кл.`,
      `Численность ${grade} кл.`,
      `${grade} кл.`,
    ],
    required: false,
  })),
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
    '2025/26',
    98,
    96,
    101,
    95,
    94,
    97,
    93,
    96,
    92,
    61,
    58,
  ],
  notes: [
    'Одна строка — одна школа. Логин ФИС ОКО — постоянный ключ школы: по нему связываются результаты разных лет.',
    'В «Других наименованиях» перечислите через «;» написания, которые встречаются в файлах операторов: по ним школа будет узнана.',
    `Тип ОО — один из: ${SCHOOL_TYPES.join(', ')}. Местность — «городская» или «сельская».`,
    'Необязательно: число обучающихся по классам («Обучающихся 1 кл.» … «Обучающихся 11 кл.») и учебный год, к которому оно относится. Из них считается охват диагностик (участники / обучающиеся); без года числа относятся ко всем годам.',
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
      const year = row.optional('year', schoolYearCell, EXPECTED.schoolYear);
      const enrolment = GRADES.map((grade) => ({
        grade,
        pupils: row.optional(`grade${grade}`, integerCell(0, 5000), EXPECTED.count),
      }));
      const locality = row.text('locality')?.toLowerCase();
      if (locality && !['городская', 'сельская'].includes(locality))
        row.error(row.caption('locality'), locality, '«городская» или «сельская»');
      if (
        login === undefined ||
        fullName === undefined ||
        shortName === undefined ||
        schoolType === undefined ||
        year === undefined ||
        enrolment.some((e) => e.pupils === undefined)
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
        enrolmentYear: year,
        enrolment: enrolment.flatMap((e) =>
          e.pupils == null ? [] : [{ grade: e.grade, pupils: e.pupils }],
        ),
      });
      keys.push({ row: row.number, key: login.toLowerCase() });
    });
    checkDuplicates(keys, 'Логин ФИС ОКО', context);
    return { dataset: 'registry', rows };
  },
};
