/** Reads a CSV or XLSX file into sheets. The kind is told by content, not by the name. */
import { createHash } from 'node:crypto';
import { readXlsx } from './xlsx.ts';
import { checkZipSize } from './zip-guard.ts';
import { csvToRows } from './csv.ts';
import { checkDimension, checkGrid, checkLineLength } from './limits.ts';
import { decodeText } from './decode.ts';
import type { SourceFile } from './table.ts';

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** An XLSX may unpack to at most this much (a guard against zip bombs). */
export const DEFAULT_MAX_UNPACKED_BYTES = 300 * 1024 * 1024;

export async function readSourceFile(
  name: string,
  bytes: Uint8Array,
  maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES,
): Promise<SourceFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isZip(bytes)) {
    for (const dimension of checkZipSize(bytes, maxUnpackedBytes)) checkDimension(dimension);
    const sheets = await readXlsx(bytes);
    for (const sheet of sheets) checkGrid(sheet.rows, sheet.name);
    return { name, sha256, sheets };
  }
  const { text } = decodeText(bytes);
  checkLineLength(text);
  const rows = csvToRows(text);
  checkGrid(rows);
  return { name, sha256, sheets: [{ name: 'CSV', rows }] };
}
