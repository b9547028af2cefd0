/** The school registry as the canonical XLSX template. */
import { join } from 'node:path';
import { SCHOOLS } from './district.ts';
import { newWorkbook, writeXlsx } from './files.ts';

export async function writeRegistry(dir: string): Promise<string[]> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Реестр ОО');
  sheet.addRow([
    'Логин ФИС ОКО',
    'Полное наименование',
    'Краткое наименование',
    'Другие наименования',
    'Тип ОО',
    'Местность',
  ]);
  for (const s of SCHOOLS) {
    sheet.addRow([
      s.login,
      s.fullName,
      s.shortName,
      s.aliases.join('; '),
      s.type,
      s.rural ? 'сельская' : 'городская',
    ]);
  }
  sheet.columns.forEach((column, i) => (column.width = [14, 70, 22, 30, 10, 12][i] ?? 12));
  const file = join(dir, 'Реестр ОО.xlsx');
  await writeXlsx(file, workbook);
  return [file];
}
