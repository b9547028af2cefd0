/**
 * Reads an uploaded or local file within the import's limits: a file over a limit, or one that
 * is not a table, becomes a refusal naming the limit or the reason, never an exception.
 */
import type { FileReport } from '../../contract/imports/report.ts';
import { ProblemList, type Problem } from '../../contract/imports/problems.ts';
import { formatDecimal } from '../values.ts';
import { InputLimitError } from './limits.ts';
import { readSourceFile } from './read-file.ts';
import type { SourceFile } from './table.ts';
import type { ReadLimits } from '../worker/protocol.ts';

export async function openFile(
  name: string,
  bytes: Uint8Array,
  limits: ReadLimits,
): Promise<SourceFile | FileReport> {
  const refuse = (
    value: string | undefined,
    expected: string | undefined,
    message?: string,
    where: InputLimitError['where'] = {},
  ) => refusal(name, { value, expected, message, ...where });
  if (bytes.length > limits.maxBytes)
    return refuse(
      `${formatDecimal(bytes.length / 1048576, 1)} МБ`,
      `файл не больше ${Math.round(limits.maxBytes / 1048576)} МБ`,
    );
  let file: SourceFile;
  try {
    file = await readSourceFile(name, bytes, limits.maxUnpackedBytes);
  } catch (error) {
    if (error instanceof InputLimitError)
      return refuse(error.value, error.expected, undefined, error.where);
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(undefined, undefined, `файл не читается как таблица XLSX или CSV (${reason})`);
  }
  const rows = file.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  if (rows > limits.maxRows)
    return refuse(
      `${rows} строк`,
      `не больше ${limits.maxRows} строк в файле; разделите файл на части`,
    );
  return file;
}

/** A file refused before its rows were read: one error, nothing loaded. */
export function refusal(name: string, problem: Omit<Problem, 'severity' | 'file'>): FileReport {
  const problems = new ProblemList();
  problems.add({ severity: 'error', file: name, ...problem });
  return {
    file: name,
    rows: 0,
    years: [],
    outcome: 'rejected',
    problems: problems.items,
    moreProblems: 0,
  };
}
