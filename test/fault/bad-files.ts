/**
 * The bad-input corpus (issue 22, item 7): malformed files, each with what an import of it must
 * answer. test/fault/bad-input.test.ts runs each through POST /api/import and `npm run import`.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { VPR_TASK_HEADER } from '../helpers/fixtures.ts';

export interface BadFile {
  /** what the case is, for the test's name */
  title: string;
  /** the file's name (the x-file-name of the upload, the file on disk for the CLI) */
  name: string;
  bytes: () => Promise<Uint8Array> | Uint8Array;
  /** the import's outcome: refused, or loaded for a file that is right after all */
  outcome: 'rejected' | 'loaded';
  /** words the message must hold, besides the file's name */
  words: RegExp[];
  /**
   * POST /api/import/propose of the file: refused (400, the same words), a mapping proposed
   * (200), or refused as a format already known (400)
   */
  mapping: 'refused' | 'proposed' | 'recognised';
  /** words of the mapping's refusal when they differ (the JS reader reads what DuckDB read) */
  mappingWords?: RegExp[];
}

const TASK_ROW = '2025/26;sch000001;5;Математика;1;1;Б;40;50';
const text = (s: string) => new TextEncoder().encode(s);
const csv = (...lines: string[]) => text(lines.join('\n') + '\n');

/** A workbook of a header and one task row, as exceljs writes it. */
async function taskWorkbook(): Promise<JSZip> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Результаты').addRows([VPR_TASK_HEADER, TASK_ROW.split(';')]);
  return JSZip.loadAsync(await workbook.xlsx.writeBuffer());
}

/** A zip of `entries`, deflated by node's zlib (JSZip's own deflate takes seconds on 400 MB). */
function zipOf(entries: [name: string, data: Buffer][], understate = false): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    // A bomb that understates its unpacked size is caught while it is inflated.
    header.writeUInt32LE(understate ? packed.length : data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    header.copy(entry, 8, 6, 30);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, fileName, packed);
    directory.push(entry, fileName);
    offset += header.length + fileName.length + packed.length;
  }
  const size = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

/** An XLSX whose one sheet unpacks to 400 MB of spaces (a zip bomb, about 400 KB packed). */
async function zipBomb(understate = false): Promise<Uint8Array> {
  const zip = await taskWorkbook();
  const entries: [string, Buffer][] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) {
    const data = await zip.file(name)!.async('nodebuffer');
    const padding = Buffer.alloc(name === 'xl/worksheets/sheet1.xml' ? 400 * 1048576 : 0, 0x20);
    entries.push([name, Buffer.concat([data, padding])]);
  }
  return zipOf(entries, understate);
}

/**
 * Over 4 MB of task rows in the template (distinct tasks of one school), then `last`: an upload
 * DuckDB reads (the bulk path), not the JS reader.
 */
function largeTasks(last: string): Buffer {
  const rows = Array.from(
    { length: 110_000 },
    (_, i) => `2025/26;sch000001;5;Математика;${i + 1};1;Б;40;50`,
  );
  return Buffer.from([VPR_TASK_HEADER.join(';'), ...rows, last].join('\n') + '\n');
}

/** A task workbook whose sheet's XML ends in the middle of its rows. */
async function damagedXlsx(): Promise<Uint8Array> {
  const zip = await taskWorkbook();
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', xml.slice(0, xml.indexOf('<sheetData>') + 30));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function notXlsx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('readme.txt', 'Это архив, а не таблица.');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const BAD_FILES: BadFile[] = [
  {
    title: 'an empty file',
    name: 'пустой.csv',
    bytes: () => new Uint8Array(0),
    outcome: 'rejected',
    words: [/пуст/],
    mapping: 'refused',
  },
  {
    title: 'random bytes named .xlsx',
    name: 'случайный.xlsx',
    bytes: () => randomBytes(4096),
    outcome: 'rejected',
    words: [/XLSX|CSV/],
    mapping: 'refused',
  },
  {
    title: 'a zip that is not an XLSX',
    name: 'архив.xlsx',
    bytes: notXlsx,
    outcome: 'rejected',
    words: [/XLSX/],
    mapping: 'refused',
  },
  {
    title: 'a zip bomb XLSX',
    name: 'бомба.xlsx',
    bytes: () => zipBomb(),
    outcome: 'rejected',
    words: [/после распаковки/, /300 МБ/],
    mapping: 'refused',
  },
  {
    title: 'a zip bomb XLSX that understates its unpacked size',
    name: 'скрытая-бомба.xlsx',
    bytes: () => zipBomb(true),
    outcome: 'rejected',
    words: [/после распаковки/, /300 МБ/],
    mapping: 'refused',
  },
  {
    title: 'a damaged XLSX (its sheet cut short)',
    name: 'битая-книга.xlsx',
    bytes: damagedXlsx,
    outcome: 'rejected',
    words: [/повреждённая книга Excel/],
    mapping: 'refused',
  },
  {
    title: 'a CSV marked UTF-8 whose text is windows-1251',
    name: 'две-кодировки.csv',
    bytes: () =>
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        iconv.encode(`${VPR_TASK_HEADER.join(';')}\n${TASK_ROW}\n`, 'win1251'),
      ]),
    outcome: 'rejected',
    words: [/отметкой кодировки UTF-8/, /CSV UTF-8/],
    mapping: 'refused',
  },
  {
    title: 'a CSV with 600 columns',
    name: 'широкий.csv',
    bytes: () =>
      csv(
        [...VPR_TASK_HEADER, ...Array.from({ length: 591 }, (_, i) => `Лишний ${i}`)].join(';'),
        TASK_ROW,
      ),
    outcome: 'rejected',
    words: [/600 столбцов/, /не больше 500 столбцов/],
    mapping: 'refused',
  },
  {
    title: 'a 1,5-million-character cell (in short lines)',
    name: 'длинная-ячейка.csv',
    bytes: () =>
      csv(
        VPR_TASK_HEADER.join(';'),
        `2025/26;"${('ш'.repeat(99) + '\n').repeat(15_000)}";5;Математика;1;1;Б;40;50`,
      ),
    outcome: 'rejected',
    words: [/ячейка длиной 1 500 000 символов/, /не больше 10 000 символов в ячейке/],
    mapping: 'refused',
  },
  {
    title: 'a 2-million-character line without quotes',
    name: 'длинная-строка.csv',
    bytes: () => csv(VPR_TASK_HEADER.join(';'), 'x'.repeat(2_000_000)),
    outcome: 'rejected',
    words: [/2 000 000 символов/, /не больше 1 000 000 символов в строке/],
    mapping: 'refused',
  },
  {
    title: 'an unclosed quote',
    name: 'кавычка.csv',
    bytes: () => csv(VPR_TASK_HEADER.join(';'), '2025/26;"sch000001;5;Математика;1;1;Б;40;50'),
    outcome: 'rejected',
    words: [/кавычк/],
    mapping: 'refused',
  },
  {
    title: 'a CSV in UTF-8 with a row in windows-1251',
    name: 'смешанный.csv',
    bytes: () =>
      Buffer.concat([
        Buffer.from(`${VPR_TASK_HEADER.join(';')}\n${TASK_ROW}\n`),
        iconv.encode('2025/26;sch000001;5;Русский язык;1;1;Б;40;50\n', 'win1251'),
      ]),
    outcome: 'rejected',
    words: [/текст в двух кодировках: до строки 3 — UTF-8/, /«CSV UTF-8»/],
    mapping: 'refused',
  },
  {
    title: 'a 5 MB template CSV (the bulk path) with a quote its last row never closes',
    name: 'большой-кавычка.csv',
    bytes: () => largeTasks('2025/26;"sch000001;5;Математика;1;1;Б;40;50'),
    outcome: 'rejected',
    // DuckDB reads on (strict_mode = false): the row's cells after the quote are missing.
    words: [/строка 110002, столбец «Класс»/, /ожидалось: номер класса от 1 до 11/],
    mapping: 'refused',
    mappingWords: [/строка 110002; значение «незакрытая кавычка/],
  },
  {
    title: 'a 5 MB template CSV (the bulk path) with windows-1251 bytes in its last row',
    name: 'большой-1251.csv',
    bytes: () =>
      Buffer.concat([
        largeTasks(''),
        iconv.encode('2025/26;sch000001;5;Русский язык;1;1;Б;40;50\n', 'win1251'),
      ]),
    outcome: 'rejected',
    words: [/UTF-8/, /«CSV UTF-8»/],
    mapping: 'refused',
  },
  {
    title: 'a header nobody knows',
    name: 'неизвестный.csv',
    bytes: () => csv('Фамилия;Имя;Рост', 'Иванов;Иван;180'),
    outcome: 'rejected',
    words: [/формат файла не распознан/, /обязательные столбцы/],
    mapping: 'proposed',
  },
  ...['%.csv', '%FF.csv'].map((name): BadFile => ({
    title: `a file name that is not percent-encoding: ${name}`,
    name,
    bytes: () => csv('Фамилия;Имя;Рост', 'Иванов;Иван;180'),
    outcome: 'rejected',
    words: [/формат файла не распознан/],
    mapping: 'proposed',
  })),
  {
    title: 'a CSV in windows-1251 (read, not refused)',
    name: 'кодировка-1251.csv',
    bytes: () => iconv.encode(`${VPR_TASK_HEADER.join(';')}\n${TASK_ROW}\n`, 'win1251'),
    outcome: 'loaded',
    words: [],
    mapping: 'recognised',
  },
];
