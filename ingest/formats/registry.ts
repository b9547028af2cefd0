/** Canonical template «Реестр ОО»: one row per school. */
import { z } from 'zod';
import { findHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, showCell, textCell } from '../values.ts';
import type { RegistryRow } from '../datasets.ts';
import type { Format, ParseContext } from './format.ts';
import { cellAt, checkDuplicates, isBlankRow } from './rows.ts';

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
  parse({ file, sheet, problems }: ParseContext) {
    const header = findHeader(sheet, columns)!;
    const rows: RegistryRow[] = [];
    const cell = cellAt(file, sheet, header, problems);
    const keys: { row: number; key: string }[] = [];
    for (let r = header.rowIndex + 1; r < sheet.rows.length; r++) {
      if (isBlankRow(sheet, r)) continue;
      const login = cell(r, 'login', textCell, EXPECTED.text);
      const fullName = cell(r, 'fullName', textCell, EXPECTED.text);
      const shortName = cell(r, 'shortName', textCell, EXPECTED.text);
      const schoolType = cell(
        r,
        'schoolType',
        typeCell,
        `один из типов: ${SCHOOL_TYPES.join(', ')}`,
      );
      const aliases = String(sheet.rows[r]?.[header.columns.get('aliases') ?? -1] ?? '');
      const locality = String(
        sheet.rows[r]?.[header.columns.get('locality') ?? -1] ?? '',
      ).toLowerCase();
      if (locality && !['городская', 'сельская'].includes(locality)) {
        problems.add({
          severity: 'error',
          file: file.name,
          sheet: sheet.name,
          row: r + 1,
          column: 'Местность',
          value: showCell(locality),
          expected: '«городская» или «сельская»',
        });
      }
      if (
        login === undefined ||
        fullName === undefined ||
        shortName === undefined ||
        schoolType === undefined
      )
        continue;
      rows.push({
        schoolId: login,
        fullName,
        shortName,
        aliases: aliases
          .split(/[;|]/)
          .map((a) => a.trim())
          .filter(Boolean),
        schoolType,
        isRural: locality ? locality === 'сельская' : null,
      });
      keys.push({ row: r + 1, key: login.toLowerCase() });
    }
    checkDuplicates(keys, 'Логин ФИС ОКО', { file, sheet, problems } as ParseContext);
    return { dataset: 'registry', rows };
  },
};
