/**
 * A legitimate large XLSX: the first `rows` synthetic ВПР task results (about 155 a school),
 * with filler columns up to `columns`, written by exceljs's streaming writer. For the tests and
 * the benchmark of reading large sheets (issue: 180 000 × 20 must not stall the server).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeSynthetic } from '../../data/generator/synthetic.ts';

export interface WideXlsx {
  path: string;
  /** the registry of the synthetic schools (CSV) */
  registry: string;
  rows: number;
}

export async function writeWideXlsx(dir: string, rows: number, columns = 20): Promise<WideXlsx> {
  const synthetic = writeSynthetic(dir, { schools: Math.ceil(rows / 150), years: 1 });
  const lines = readFileSync(synthetic.years[0]!.tasks.path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  const header = lines[0]!.split(';');
  const filler = Array.from({ length: columns - header.length }, (_, i) => `Примечание ${i + 1}`);
  const path = join(dir, `ВПР задания ${rows} строк.xlsx`);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = writer.addWorksheet('Лист1');
  sheet.addRow([...header, ...filler]).commit();
  for (const line of lines.slice(1, rows + 1))
    sheet.addRow([...line.split(';'), ...filler.map((_, i) => `п${i + 1}`)]).commit();
  sheet.commit();
  await writer.commit();
  return { path, registry: synthetic.registry, rows: Math.min(rows, lines.length - 1) };
}
