/** Writers for the demo source files: CSV as Excel saves it, and XLSX with stable bytes. */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';

export type CellValue = string | number | null;

/** A Russian-Excel CSV: `;` separator, decimal comma, UTF-8 with BOM or windows-1251. */
export function writeCsv(
  path: string,
  rows: readonly (readonly CellValue[])[],
  encoding: 'utf8' | 'win1251' = 'utf8',
): void {
  const text = rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
  const bytes =
    encoding === 'utf8'
      ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
      : iconv.encode(text, 'win1251');
  writeFileSync(path, bytes);
}

function csvCell(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FIXED_DATE = new Date(Date.UTC(2026, 8, 1));

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Демонстрационные данные';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/** Saves a workbook with fixed zip entry dates, so the generator writes the same bytes every run. */
export async function writeXlsx(path: string, workbook: ExcelJS.Workbook): Promise<void> {
  const original = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const stable = new JSZip();
  for (const name of Object.keys(original.files).sort()) {
    const entry = original.files[name];
    if (!entry || entry.dir) continue;
    stable.file(name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  writeFileSync(
    path,
    await stable.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }),
  );
}
