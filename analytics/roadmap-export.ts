/**
 * The «roadmap» export as XLSX: each school year's road map on its own sheet in the layout of the
 * распоряжение (analytics/roadmap-workbook.ts), with the statuses on the right.
 */
import type ExcelJS from 'exceljs';
import { addRoadmapSheet, type RoadmapCell, type RoadmapSheetRow } from './roadmap-workbook.ts';

/** The flat export's rows (analytics/exports/roadmap.sql), with their column names. */
interface FlatRoadmap {
  columns: readonly string[];
  rows: readonly (readonly RoadmapCell[])[];
}

const MEASURE_COLUMNS = [
  'measure_no',
  'measure',
  'term',
  'responsible_municipal',
  'responsible_school',
  'expected_result',
  'confirming_document',
  'measure_status',
  'status_on',
  'status_note',
];

/** «2023/24» → «2023-2024 учебный год», as the road map's title writes it. */
const spelledYear = (year: string) => {
  const first = Number(year.slice(0, 4));
  return `${first}-${first + 1} учебный год`;
};

/** One sheet per school year; the measures under their sections, in the document's order. */
export function addRoadmapSheets(workbook: ExcelJS.Workbook, table: FlatRoadmap): void {
  const at = (name: string) => table.columns.indexOf(name);
  const years = [...new Set(table.rows.map((row) => String(row[at('year')])))];
  for (const year of years.length > 0 ? years : [null]) {
    const rows: RoadmapSheetRow[] = [];
    let section = '';
    for (const row of table.rows.filter((r) => String(r[at('year')]) === year)) {
      const heading = String(row[at('section')] ?? '');
      if (heading !== section && heading !== '') rows.push({ section: heading });
      section = heading;
      rows.push(MEASURE_COLUMNS.map((column) => row[at(column)] ?? null));
    }
    const title = [
      'МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА',
      ...(year === null ? [] : [`на ${spelledYear(year)}`]),
    ];
    const name = year === null ? 'Дорожная карта' : `Дорожная карта ${year.replace('/', '-')}`;
    addRoadmapSheet(workbook, name, title, rows, true);
  }
}
