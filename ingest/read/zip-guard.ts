/**
 * Guard against zip bombs: before exceljs unpacks an XLSX, every entry is inflated here
 * with a cap on its output, so an archive cannot claim small sizes and unpack to gigabytes.
 * A file whose directory cannot be read is refused as well.
 */
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class UnsafeArchiveError extends Error {}

const MB = 1048576;
const tooBig = (limit: number) =>
  new UnsafeArchiveError(
    `после распаковки файл занял бы больше ${Math.round(limit / MB)} МБ — это не похоже на таблицу (возможна «zip-бомба»)`,
  );

/**
 * Checks the archive and returns the `<dimension ref="A1:T180001">` of each worksheet that
 * states one, read from the start of the unpacked sheet (so sizes are known before exceljs).
 */
export function checkZipSize(bytes: Uint8Array, maxUnpackedBytes: number): string[] {
  const dimensions: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (what: string) => new UnsafeArchiveError(`повреждённый архив XLSX: ${what}`);
  let end = -1;
  // The end record is within the last 64 KB + 22 bytes (its comment is at most 64 KB).
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken('нет оглавления');
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (statedSize(view, offset, entries) > maxUnpackedBytes) throw tooBig(maxUnpackedBytes);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY)
      throw broken('оглавление не читается');
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER)
      throw broken('запись архива не читается');
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    const left = maxUnpackedBytes - total;
    const name = Buffer.from(
      bytes.subarray(offset + 46, offset + 46 + view.getUint16(offset + 28, true)),
    ).toString('utf8');
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(name);
    if (method === STORED) {
      total += data.length;
      if (isSheet) noteDimension(data, dimensions);
    } else if (method === DEFLATED) {
      try {
        const unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, left) });
        total += unpacked.length;
        if (isSheet) noteDimension(unpacked, dimensions);
      } catch (error) {
        if (error instanceof RangeError) throw tooBig(maxUnpackedBytes);
        throw broken('данные не распаковываются');
      }
    } else throw broken(`неизвестный способ сжатия ${method}`);
    if (total > maxUnpackedBytes) throw tooBig(maxUnpackedBytes);
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return dimensions;
}

/**
 * The unpacked size the directory states for its entries: an honest archive beyond the limit is
 * refused without inflating a byte (one that understates is caught while inflating).
 */
function statedSize(view: DataView, offset: number, entries: number): number {
  let total = 0;
  for (let i = 0; i < entries && offset + 46 <= view.byteLength; i++) {
    if (view.getUint32(offset, true) !== DIRECTORY_ENTRY) break;
    total += view.getUint32(offset + 24, true);
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return total;
}

function noteDimension(sheetXml: Uint8Array, dimensions: string[]): void {
  const head = Buffer.from(sheetXml.subarray(0, 4096)).toString('utf8');
  const ref = /<(?:\w+:)?dimension\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/.exec(head)?.[1];
  if (ref) dimensions.push(ref);
}
