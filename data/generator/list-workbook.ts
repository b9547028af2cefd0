/**
 * A cluster list as an order's appendix or a region's letter writes it: on one sheet, tables one
 * under another, each under its title lines, with the header «№ п\п | Наименование
 * образовательной организации | Кластеризация», numbered rows and «Итого: N ОО».
 */
import { newWorkbook, writeXlsx, type CellValue } from './files.ts';

export const LIST_HEADER = [
  '№ п\\п',
  'Наименование образовательной организации',
  'Кластеризация',
] as const;

export interface ListTable {
  /** the lines above the table: «Приложение 2», «к распоряжению …», «Список …» */
  title: string[];
  /** the schools as the list names them, with the cluster as it writes it */
  rows: [school: string, cluster: string][];
  /** the number on the «Итого» row (the rows' count when true); no such row when false */
  total: number | boolean;
}

/** The sheet's rows: each table's title, header, rows and «Итого», a blank row between tables. */
export function listSheetRows(tables: readonly ListTable[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const [index, table] of tables.entries()) {
    if (index > 0) rows.push([]);
    for (const line of table.title) rows.push([line]);
    rows.push([...LIST_HEADER]);
    table.rows.forEach(([school, cluster], i) => rows.push([`${i + 1}.`, school, cluster]));
    if (table.total !== false) {
      const total = table.total === true ? table.rows.length : table.total;
      rows.push([`${table.rows.length + 1}.`, 'Итого:', `${total} ОО`]);
    }
  }
  return rows;
}

export async function writeListWorkbook(
  path: string,
  tables: readonly ListTable[],
  sheetName = 'Списки',
): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of listSheetRows(tables)) sheet.addRow(row);
  sheet.getColumn(2).width = 60;
  sheet.getColumn(3).width = 16;
  await writeXlsx(path, workbook);
}
