/**
 * A road map on a worksheet in the layout of the committee's распоряжение (Приложение 1): title
 * lines, the header of seven columns, each section as a row merged across the table, its measures
 * under it. The export adds «Статус», «Дата статуса», «Отметка» on the right; the demo generator
 * and the tests write their road maps with the same code.
 */
import type ExcelJS from 'exceljs';

export const ROADMAP_HEADER = [
  '№ п/п',
  'Направления деятельности, наименование мероприятия (краткое содержание)',
  'Дата',
  'Ответственные исполнители на муниципальном уровне',
  'Ответственные исполнители на институциональном уровне',
  'Ожидаемые результаты',
  'Подтверждающий документ',
] as const;

export const ROADMAP_STATUS_HEADER = ['Статус', 'Дата статуса', 'Отметка'] as const;

export type RoadmapCell = string | number | null;

/** A row under the header: a section's heading, or the cells of a measure (or of its continuation). */
export type RoadmapSheetRow = { section: string } | readonly RoadmapCell[];

const WIDTHS = [6, 48, 14, 30, 30, 40, 30, 16, 14, 30];

/** Adds the road map as a sheet: `withStatus` adds the three status columns. */
export function addRoadmapSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  title: readonly string[],
  rows: readonly RoadmapSheetRow[],
  withStatus = false,
): ExcelJS.Worksheet {
  const header = [...ROADMAP_HEADER, ...(withStatus ? ROADMAP_STATUS_HEADER : [])];
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  for (const line of title) {
    const row = sheet.addRow([line]);
    row.font = { bold: true };
    sheet.mergeCells(row.number, 1, row.number, header.length);
    row.alignment = { horizontal: 'center' };
  }
  sheet.addRow([]);
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  for (const row of rows) {
    if ('section' in row) {
      const added = sheet.addRow([row.section]);
      added.font = { bold: true };
      sheet.mergeCells(added.number, 1, added.number, header.length);
    } else {
      sheet.addRow([...row]).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  header.forEach((_, i) => (sheet.getColumn(i + 1).width = WIDTHS[i]));
  return sheet;
}
