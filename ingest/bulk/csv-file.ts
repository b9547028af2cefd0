/**
 * What the bulk path needs to know of a large CSV file before DuckDB reads it: its first rows
 * (to recognise the layout and find the header), its SHA-256 and where its empty lines are
 * (DuckDB skips them, yet the row numbers in messages count them, as a spreadsheet does).
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { detectSeparator, csvToRows } from '../read/csv.ts';
import type { Sheet } from '../read/table.ts';

/** Enough lines to find any header (findHeader looks at the first 30 rows). */
const HEAD_BYTES = 256 * 1024;

export interface CsvHead {
  sheet: Sheet;
  separator: string;
}

/**
 * The first rows of a UTF-8 CSV file; undefined when the head is not UTF-8 (a windows-1251
 * file is read whole by the JS reader instead).
 */
export function readCsvHead(path: string): CsvHead | undefined {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(path, 'r');
  const length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
  closeSync(fd);
  return csvHead(buffer.subarray(0, length));
}

/** The rows of the first bytes of a file (up to HEAD_BYTES), the last partial line left out. */
export function csvHead(bytes: Uint8Array): CsvHead | undefined {
  let head = bytes.subarray(0, HEAD_BYTES);
  if (bytes.length >= HEAD_BYTES) head = head.subarray(0, head.lastIndexOf(0x0a) + 1);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    return undefined;
  }
  text = text.replace(/^\ufeff/, '');
  return { sheet: { name: 'CSV', rows: csvToRows(text) }, separator: detectSeparator(text) };
}

export interface CsvScan {
  sha256: string;
  /** 0-based indexes of the empty lines */
  emptyLines: number[];
}

/** Streams the file once for its hash; a second pass finds empty lines, only when it has some. */
export async function scanCsv(
  path: string,
  onBytes: (done: number) => void = () => {},
): Promise<CsvScan> {
  const hash = createHash('sha256');
  let done = 0;
  let hasEmpty = false;
  let tail: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    onBytes((done += bytes.length));
    if (!hasEmpty) {
      const edge = Buffer.concat([tail, bytes.subarray(0, 2)]);
      hasEmpty = [bytes, edge].some((b) => b.includes('\n\n') || b.includes('\n\r\n'));
      tail = bytes.subarray(-2);
    }
  }
  return { sha256: hash.digest('hex'), emptyLines: hasEmpty ? await findEmptyLines(path) : [] };
}

async function findEmptyLines(path: string): Promise<number[]> {
  const lines: number[] = [];
  let line = 0;
  let length = 0; // bytes of the current line so far
  let last = 0; // its last byte
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    for (let start = 0; ;) {
      const end = bytes.indexOf(0x0a, start);
      const stop = end < 0 ? bytes.length : end;
      if (stop > start) last = bytes[stop - 1]!;
      length += stop - start;
      if (end < 0) break;
      if (length === 0 || (length === 1 && last === 0x0d)) lines.push(line);
      line++;
      length = 0;
      start = end + 1;
    }
  }
  return lines;
}

/**
 * The spreadsheet row number (1-based) of the `index`-th record DuckDB read after skipping
 * `skip` lines, counting the empty lines it passed over.
 */
export function rowNumber(index: number, skip: number, emptyLines: readonly number[]): number {
  let line = index + skip;
  for (const empty of emptyLines) if (empty >= skip && empty <= line) line++;
  return line + 1;
}
