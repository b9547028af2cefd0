/**
 * Guard against zip bombs: before an XLSX is unpacked, the sizes its central directory
 * declares are added up and compared with a limit. A file whose directory cannot be read
 * is refused as well.
 */
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

export class UnsafeArchiveError extends Error {}

export function checkZipSize(bytes: Uint8Array, maxUnpackedBytes: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is within the last 64 KB + 22 bytes (its comment is at most 64 KB).
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new UnsafeArchiveError('повреждённый архив XLSX: нет оглавления');
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY)
      throw new UnsafeArchiveError('повреждённый архив XLSX: оглавление не читается');
    total += view.getUint32(offset + 24, true);
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  if (total > maxUnpackedBytes)
    throw new UnsafeArchiveError(
      `после распаковки файл занял бы ${Math.round(total / 1048576)} МБ, допустимо не больше ${Math.round(maxUnpackedBytes / 1048576)} МБ`,
    );
}
