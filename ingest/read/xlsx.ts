/**
 * XLSX reader (exceljs). Merged cells repeat the master value, so multi-row headers read
 * naturally; formulas are never evaluated, only their cached result is read.
 */
import ExcelJS from 'exceljs';
import type { Cell, Sheet } from './table.ts';
import { checkSheetSize } from './limits.ts';

export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: Cell[][] = [];
    // exceljs recounts every row on each columnCount read: take it once per sheet.
    const rowCount = worksheet.rowCount;
    const columnCount = worksheet.columnCount;
    checkSheetSize(rowCount, columnCount, worksheet.name);
    for (let r = 1; r <= rowCount; r++) {
      const row = worksheet.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= columnCount; c++) cells.push(cellValue(row.getCell(c).value));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    }
    sheets.push({ name: worksheet.name, rows });
  });
  return sheets;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return null;
  return null;
}
