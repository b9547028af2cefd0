/**
 * Empty canonical templates for download: the header row, one example row, and an
 * instructions sheet in Russian with every column, its synonyms and the format's notes.
 */
import ExcelJS from 'exceljs';
import type { Format } from './formats/format.ts';
import { datasetTitle } from './datasets.ts';

export async function templateWorkbook(format: Format): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Мониторинг качества образования';
  const data = workbook.addWorksheet('Данные');
  const header = format.columns.map((c) => c.names[0]!);
  data.addRow(header).font = { bold: true };
  data.addRow([...(format.example ?? [])]);
  data.columns.forEach((column, i) => (column.width = Math.max(12, header[i]!.length + 4)));
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const help = workbook.addWorksheet('Инструкция');
  help.getColumn(1).width = 34;
  help.getColumn(2).width = 16;
  help.getColumn(3).width = 70;
  help.addRow([format.title]).font = { bold: true, size: 14 };
  help.addRow([`Набор данных: ${datasetTitle(format.dataset)}`]);
  help.addRow([
    'Заполните лист «Данные» начиная со второй строки (строку-пример замените своими данными). Порядок столбцов не важен; заголовок можно писать любым из указанных вариантов; допускаются десятичная запятая, числа в виде текста, разделители разрядов пробелом, пропуски «X», «Х», «-».',
  ]);
  if (format.columns.some((c) => c.key === 'login' || c.key === 'name'))
    help.addRow([
      'Школа указывается логином ФИС ОКО, наименованием или обоими: наименование сверяется с реестром ОО без учёта регистра, кавычек, «№» и форм собственности (МБОУ, МКОУ…).',
    ]);
  help.addRow([]);
  help.addRow(['Столбец', 'Обязательный', 'Другие допустимые заголовки']).font = { bold: true };
  for (const column of format.columns)
    help.addRow([
      column.names[0],
      column.required ? 'да' : 'нет',
      column.names.slice(1).join('; ') || '—',
    ]);
  help.addRow([]);
  for (const note of format.notes ?? []) help.addRow([note]);
  help.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
