/**
 * Writers of the real file layouts, shared by the demo generator and the test fixtures:
 * the registry template and the ФИС ОКО «Статистика по отметкам» export.
 */
import { newWorkbook, writeXlsx, type CellValue } from './files.ts';

export const REGISTRY_HEADER = [
  'Логин ФИС ОКО',
  'Полное наименование',
  'Краткое наименование',
  'Другие наименования',
  'Тип ОО',
  'Местность',
];

export async function writeRegistryWorkbook(
  path: string,
  rows: readonly CellValue[][],
): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Реестр ОО');
  sheet.addRow(REGISTRY_HEADER);
  rows.forEach((row) => sheet.addRow(row));
  sheet.columns.forEach((column, i) => (column.width = [14, 70, 22, 30, 10, 12][i] ?? 12));
  await writeXlsx(path, workbook);
}

export interface MarksExport {
  year: number;
  grade: number;
  subject: string;
  date: string;
  maxScore?: number;
  /** group rows: name, Кол-во ОО, Кол-во участников, % «2», «3», «4», «5» */
  groups: readonly CellValue[][];
}

/** Title rows, then a two-row header with merged cells, then the group rows, as ФИС ОКО exports them. */
export async function writeMarksExportWorkbook(path: string, e: MarksExport): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Статистика по отметкам');
  sheet.addRow([`Всероссийские проверочные работы ${e.year} (${e.grade} класс)`]);
  sheet.mergeCells('A1:G1');
  sheet.addRow([`Дата: ${e.date}`]);
  sheet.addRow([`Предмет: ${e.subject}`]);
  sheet.addRow(['Статистика по отметкам']);
  sheet.addRow(e.maxScore === undefined ? [] : [`Максимальный первичный балл: ${e.maxScore}`]);
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
  sheet.mergeCells('D7:G7');
  for (const col of ['A', 'B', 'C']) sheet.mergeCells(`${col}7:${col}8`);
  e.groups.forEach((row) => sheet.addRow(row));
  sheet.getColumn(1).width = 80;
  await writeXlsx(path, workbook);
}
