/** Small hand-made source files for tests, written with the same writers as the demo. */
import { join } from 'node:path';
import { writeCsv, type CellValue } from '../../data/generator/files.ts';
import { writeMarksExportWorkbook, writeRegistryWorkbook } from '../../data/generator/layouts.ts';
import { VPR_TEMPLATE_HEADER } from '../../data/generator/write-vpr.ts';

export const REGISTRY_ROWS: CellValue[][] = [
  [
    'sch000001',
    'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»',
    'СОШ № 1',
    'Первая школа',
    'СОШ',
    'городская',
  ],
  [
    'sch000002',
    'Муниципальное казённое общеобразовательное учреждение «Лесная основная общеобразовательная школа»',
    'Лесная ООШ',
    '',
    'ООШ',
    'сельская',
  ],
  [
    'sch000003',
    'Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 3»',
    'Гимназия № 3',
    '',
    'гимназия',
    'городская',
  ],
];

export async function writeRegistryFile(
  dir: string,
  rows: CellValue[][] = REGISTRY_ROWS,
  name = 'реестр.xlsx',
): Promise<string> {
  const path = join(dir, name);
  await writeRegistryWorkbook(path, rows);
  return path;
}

/** A ВПР template row of the 5th grade with `n2` marks «2» out of `n`; the rest are «3». */
export const vprFailRow = (year: string, login: string, subject: string, n: number, n2: number) => [
  year,
  login,
  '',
  5,
  subject,
  n,
  n2,
  n - n2,
  0,
  0,
];

/**
 * Two schools where weighting matters: СОШ № 1 has 10 pupils, 5 of them «2» (50 %);
 * Гимназия № 3 has 90 pupils, 9 of them «2» (10 %). District: 14 / 100 = 14 %, not 30 %.
 */
export const VPR_ROWS: CellValue[][] = [
  ['2024/25', 'sch000001', 'СОШ № 1', 5, 'Математика', 10, 5, 3, 1, 1],
  ['2024/25', 'sch000003', 'Гимназия № 3', 5, 'Математика', 90, 9, 21, 40, 20],
  ['2024/25', 'sch000002', 'Лесная ООШ', 5, 'Математика', 4, 1, 2, 1, 0],
];

export function writeVprCsv(
  dir: string,
  rows: CellValue[][] = VPR_ROWS,
  name = 'впр.csv',
  encoding: 'utf8' | 'win1251' = 'utf8',
): string {
  const path = join(dir, name);
  writeCsv(path, [VPR_TEMPLATE_HEADER, ...rows], encoding);
  return path;
}

/** A ФИС ОКО «Статистика по отметкам» export: title rows, merged two-row header, group rows from row 9. */
export async function writeFisOkoExport(
  dir: string,
  {
    year = 2025,
    grade = 5,
    subject = 'Математика',
    groups,
  }: { year?: number; grade?: number; subject?: string; groups: CellValue[][] },
  name = 'фис око.xlsx',
): Promise<string> {
  const path = join(dir, name);
  await writeMarksExportWorkbook(path, { year, grade, subject, date: '20.04.2025', groups });
  return path;
}

/** The header of the ВПР task template (without the optional school name), as people write it. */
export const VPR_TASK_HEADER = [
  'Учебный год',
  'Логин ОО',
  'Класс',
  'Предмет',
  'Задание',
  'Макс. балл',
  'Уровень сложности',
  'Кол-во участников',
  'Выполнение, %',
];
