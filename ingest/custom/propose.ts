/** For a file no format recognises: its header row and sample values, to map its columns. */
import { readSourceFile } from '../read/read-file.ts';
import { FORMATS } from '../formats/index.ts';
import type { MappingProposal } from '../../contract/imports/custom-mapping.ts';
import { proposeHeader } from './mapping.ts';
import { InputLimitError } from '../read/limits.ts';
import { describeProblem } from '../../contract/imports/problems.ts';

export async function proposeMapping(
  name: string,
  bytes: Uint8Array,
): Promise<MappingProposal | { error: string }> {
  let sheets;
  try {
    sheets = (await readSourceFile(name, bytes)).sheets;
  } catch (error) {
    if (error instanceof InputLimitError)
      return {
        error: `${describeProblem({ severity: 'error', file: name, ...error.where, value: error.value, expected: error.expected })}.`,
      };
    return {
      error: `Файл «${name}» не читается как таблица XLSX или CSV (${error instanceof Error ? error.message : error}).`,
    };
  }
  for (const sheet of sheets) {
    if (FORMATS.some((f) => f.detect(sheet)))
      return {
        error: `Файл «${name}» уже распознаётся как известный формат: сопоставление не нужно.`,
      };
    const header = proposeHeader(sheet);
    if (header) return { fileName: name, sheet: sheet.name, ...header };
  }
  return {
    error: `В файле «${name}» не найдена строка заголовков (строка хотя бы из трёх подписей столбцов с данными под ней).`,
  };
}
