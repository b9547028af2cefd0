/** Small hand-made source files for tests, written with the same writers as the demo. */
import { join } from 'node:path';
import { newWorkbook, writeCsv, writeXlsx, type CellValue } from '../../data/generator/files.ts';

export const REGISTRY_HEADER = [
  'Логин ФИС ОКО',
  'Полное наименование',
  'Краткое наименование',
  'Другие наименования',
  'Тип ОО',
  'Местность',
];

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
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Реестр ОО');
  sheet.addRow(REGISTRY_HEADER);
  rows.forEach((row) => sheet.addRow(row));
  const path = join(dir, name);
  await writeXlsx(path, workbook);
  return path;
}

export const VPR_HEADER = [
  'Учебный год',
  'Логин ОО',
  'Наименование ОО',
  'Класс',
  'Предмет',
  'Кол-во участников',
  'Кол-во «2»',
  'Кол-во «3»',
  'Кол-во «4»',
  'Кол-во «5»',
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
  writeCsv(path, [VPR_HEADER, ...rows], encoding);
  return path;
}

/** A ФИС ОКО «Статистика по отметкам» export: title rows, merged two-row header, group rows. */
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
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Статистика по отметкам');
  sheet.addRow([`Всероссийские проверочные работы ${year} (${grade} класс)`]);
  sheet.addRow(['Дата: 20.04.2025']);
  sheet.addRow([`Предмет: ${subject}`]);
  sheet.addRow(['Статистика по отметкам']);
  sheet.addRow([]);
  sheet.addRow([
    'Группы участников',
    'Кол-во ОО',
    'Кол-во участников',
    'Распределение групп баллов в %',
    null,
    null,
    null,
  ]);
  sheet.addRow([null, null, null, 2, 3, 4, 5]);
  sheet.mergeCells('D6:G6');
  for (const col of ['A', 'B', 'C']) sheet.mergeCells(`${col}6:${col}7`);
  groups.forEach((row) => sheet.addRow(row));
  const path = join(dir, name);
  await writeXlsx(path, workbook);
  return path;
}
