/** Text decoding for CSV files: UTF-8 (with or without BOM) or windows-1251, detected, never asked. */
import iconv from 'iconv-lite';
import { InputLimitError } from './limits.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const ONE_ENCODING = 'CSV в одной кодировке: сохраните файл в Excel как «CSV UTF-8»';

export function decodeText(bytes: Uint8Array): {
  text: string;
  encoding: 'utf-8' | 'windows-1251';
} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: utf8.decode(bytes.subarray(3)), encoding: 'utf-8' };
    } catch {
      // The mark says UTF-8, the bytes say otherwise: guessing could garble every name.
      throw new InputLimitError('текст с отметкой кодировки UTF-8, но не в UTF-8', ONE_ENCODING);
    }
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    refuseMixed(bytes);
    // Not valid UTF-8: Russian Excel saves CSV in windows-1251.
    return { text: iconv.decode(Buffer.from(bytes), 'win1251'), encoding: 'windows-1251' };
  }
}

/**
 * A windows-1251 text stops being UTF-8 at its first Cyrillic letter; one with Cyrillic UTF-8
 * before its first bad byte mixes the two (rows pasted from another file), and read as
 * windows-1251 every name in it would be garbled.
 */
function refuseMixed(bytes: Uint8Array): void {
  const text = Buffer.from(bytes).toString('utf8');
  const before = text.slice(0, text.indexOf('\uFFFD'));
  if (!/[^\x00-\x7F]/.test(before)) return;
  const row = before.split('\n').length;
  throw new InputLimitError(
    `текст в двух кодировках: до строки ${row} — UTF-8, в ней — другая`,
    ONE_ENCODING,
    { row },
  );
}
