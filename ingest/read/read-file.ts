/** Reads a CSV or XLSX file into sheets. The kind is told by content, not by the name. */
import { createHash } from 'node:crypto';
import { readXlsx } from './xlsx.ts';
import { checkZipSize } from './zip-guard.ts';
import { csvToRows } from './csv.ts';
import { InputLimitError, checkDimension, checkGrid, checkLineLength } from './limits.ts';
import { decodeText } from './decode.ts';
import type { Sheet, SourceFile } from './table.ts';

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
/** the compound file of Excel 97–2003 (.xls) */
const isOldExcel = (bytes: Uint8Array) =>
  bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
const isUtf16 = (bytes: Uint8Array) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

const A_TABLE = 'книга Excel (XLSX) или таблица CSV: строка заголовков и строки данных';

/** An XLSX may unpack to at most this much (a guard against zip bombs). */
export const DEFAULT_MAX_UNPACKED_BYTES = 300 * 1024 * 1024;

export async function readSourceFile(
  name: string,
  bytes: Uint8Array,
  maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES,
): Promise<SourceFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isZip(bytes)) return { name, sha256, sheets: await readWorkbook(bytes, maxUnpackedBytes) };
  refuseNonText(name, bytes);
  const { text } = decodeText(bytes);
  if (text.includes('\0')) throw new InputLimitError('двоичные данные, а не текст', A_TABLE);
  if (text.trim() === '') throw new InputLimitError('пустой файл', A_TABLE);
  checkLineLength(text);
  const rows = csvToRows(text, true);
  checkGrid(rows);
  return { name, sha256, sheets: [{ name: 'CSV', rows }] };
}

/** The sheets of an XLSX, its size checked before it is unpacked. */
async function readWorkbook(bytes: Uint8Array, maxUnpackedBytes: number): Promise<Sheet[]> {
  for (const dimension of checkZipSize(bytes, maxUnpackedBytes)) checkDimension(dimension);
  const sheets = await readXlsx(bytes).catch((error: unknown) => {
    if (error instanceof InputLimitError) throw error;
    // exceljs explains in English what it could not parse; the person needs to know what to do.
    throw new InputLimitError(
      'повреждённая книга Excel: её листы не читаются',
      'книга Excel (XLSX), сохранённая Excel или LibreOffice',
    );
  });
  if (sheets.length === 0)
    throw new InputLimitError('zip-архив без листов Excel', 'книга Excel (XLSX) с листом данных');
  for (const sheet of sheets) checkGrid(sheet.rows, sheet.name);
  return sheets;
}

/** Files that are not a CSV text: empty, an old Excel book, UTF-16, a non-book named .xlsx. */
function refuseNonText(name: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputLimitError('пустой файл (0 байт)', A_TABLE);
  if (isOldExcel(bytes))
    throw new InputLimitError(
      'книга Excel старого формата (XLS)',
      'книга XLSX или CSV: сохраните файл в Excel как «Книга Excel (*.xlsx)»',
    );
  if (isUtf16(bytes))
    throw new InputLimitError(
      'текст в кодировке UTF-16',
      'CSV в кодировке UTF-8 или windows-1251: сохраните файл в Excel как «CSV UTF-8»',
    );
  const extension = /\.(xlsx|xlsm|xls)$/i.exec(name)?.[1];
  if (extension)
    throw new InputLimitError(
      `файл назван «.${extension}», но это не книга Excel`,
      'книга Excel (XLSX) — откройте файл в Excel и сохраните его как «Книга Excel (*.xlsx)»',
    );
}
