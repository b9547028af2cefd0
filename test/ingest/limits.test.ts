/**
 * Input limits (docs/formats.md, «Ограничения файлов»): too many columns, too long a line,
 * too long a cell, too large a sheet. Each is refused with a sentence naming the file, the
 * limit and the value, and the store is left exactly as it was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../ingest/import.ts';
import { proposeMapping } from '../../ingest/custom/propose.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import { contentHash, tempStore, type TempStore } from '../helpers/store.ts';
import { VPR_TASK_HEADER, writeRegistryFile } from '../helpers/fixtures.ts';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir)]);
});
afterEach(() => t.dispose());

const TASK_ROW = '2025/26;sch000001;5;Математика;1;1;Б;40;50';

/** Imports `content` as file `name` (through the JS path, or DuckDB's with `bulk`). */
async function refused(name: string, content: string | Uint8Array, bulk = false) {
  const path = join(t.dir, name);
  writeFileSync(path, content);
  const before = await contentHash(t.store);
  const [report] = await importPaths(t.store, [path], {
    bulkMinBytes: bulk ? 0 : Number.POSITIVE_INFINITY,
  });
  expect(report!.outcome).toBe('rejected');
  expect(await contentHash(t.store)).toBe(before);
  return report!.problems.map((p) => describeProblem(p));
}

async function xlsxWithDimension(ref: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Результаты');
  sheet.addRow(VPR_TASK_HEADER);
  sheet.addRow(TASK_ROW.split(';'));
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  expect(xml).toContain('<dimension ref="A1:I2"/>');
  zip.file('xl/worksheets/sheet1.xml', xml.replace('A1:I2', ref));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('input limits', () => {
  it('refuses a CSV with more than 500 columns', async () => {
    const wide = [...VPR_TASK_HEADER, ...Array.from({ length: 600 }, (_, i) => `Лишний ${i}`)];
    expect(await refused('широкий.csv', wide.join(';') + '\n' + TASK_ROW + '\n')).toEqual([
      'файл «широкий.csv», строка 1; значение «609 столбцов»; ожидалось: не больше 500 столбцов',
    ]);
  });

  it('refuses a CSV line longer than 1 000 000 characters, not as an unclosed quote', async () => {
    const text = VPR_TASK_HEADER.join(';') + '\n' + 'x'.repeat(1_500_000) + '\n';
    expect(await refused('длинная.csv', text)).toEqual([
      'файл «длинная.csv», строка 2; значение «строка длиной 1 500 000 символов»; ожидалось: не больше 1 000 000 символов в строке; проверьте, что строки разделены переводом строки',
    ]);
  });

  it('refuses a too long line on the bulk path too', async () => {
    const rows = Array.from({ length: 6000 }, () => TASK_ROW);
    const text = [VPR_TASK_HEADER.join(';'), ...rows, 'x'.repeat(6_000_000)].join('\n') + '\n';
    const [problem] = await refused('большой.csv', text, true);
    expect(problem).toMatch(
      /^файл «большой\.csv»(, строка \d+)?; файл не читается как таблица CSV: слишком длинная строка; ожидалось: не больше 1 000 000 символов в строке — проверьте, что строки разделены переводом строки$/,
    );
  });

  it('refuses a cell longer than 10 000 characters', async () => {
    const name = 'Школа' + 'ш'.repeat(15_000);
    const text = `${VPR_TASK_HEADER.join(';')}\n2025/26;${name};5;Математика;1;1;Б;40;50\n`;
    expect(await refused('длинная-ячейка.csv', text)).toEqual([
      'файл «длинная-ячейка.csv», строка 2, столбец «B»; значение «ячейка длиной 15 005 символов»; ожидалось: не больше 10 000 символов в ячейке',
    ]);
  });

  it('refuses an XLSX whose sheet states more rows than allowed, before reading it', async () => {
    expect(await refused('огромный.xlsx', await xlsxWithDimension('A1:T2000000'))).toEqual([
      'файл «огромный.xlsx»; значение «2 000 000 строк на листе»; ожидалось: не больше 500 000 строк на листе; разделите файл на части',
    ]);
  });

  it('refuses an XLSX whose sheet states more columns than allowed', async () => {
    expect(await refused('широкий.xlsx', await xlsxWithDimension('A1:ZZ2'))).toEqual([
      'файл «широкий.xlsx»; значение «702 столбцов»; ожидалось: не больше 500 столбцов',
    ]);
  });

  it('refuses an XLSX sheet without a stated size once its rows are known', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Результаты').addRows([VPR_TASK_HEADER, TASK_ROW.split(';')]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const far = xml
      .replace('<dimension ref="A1:I2"/>', '')
      .replace('<row r="2"', '<row r="2000000"');
    zip.file('xl/worksheets/sheet1.xml', far);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await refused('далёкая-строка.xlsx', bytes)).toEqual([
      'файл «далёкая-строка.xlsx», лист «Результаты»; значение «2 000 000 строк на листе»; ожидалось: не больше 500 000 строк на листе; разделите файл на части',
    ]);
  });

  it('names the limit when a file beyond it is offered for column mapping', async () => {
    const wide = Array.from({ length: 501 }, (_, i) => `Столбец ${i}`).join(';');
    expect(await proposeMapping('своя.csv', new TextEncoder().encode(wide + '\n'))).toEqual({
      error:
        'файл «своя.csv», строка 1; значение «501 столбцов»; ожидалось: не больше 500 столбцов.',
    });
  });
});
