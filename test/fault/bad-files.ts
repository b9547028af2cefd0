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
  /** the import's first error, written out (a pattern where the text lists every known format) */
  message?: string | RegExp;
  /**
   * POST /api/import/propose of the file: refused (400, the same sentence), a mapping proposed
   * (200), or refused as a format already known (400)
   */
  mapping: 'refused' | 'proposed' | 'recognised';
  /** the mapping's refusal when it is not the import's sentence with a full stop */
  mappingMessage?: string;
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

const BOMB =
  'после распаковки файл занял бы больше 300 МБ — это не похоже на таблицу (возможна «zip-бомба»)';
const bomb = (name: string) =>
  `файл «${name}»; файл не читается как таблица XLSX или CSV (${BOMB})`;
const bombMapping = (name: string) =>
  `Файл «${name}» не читается как таблица XLSX или CSV (${BOMB}).`;
/** The refusal of a file no format knows: it goes on to list every format and its columns. */
const unknownFormat = (name: string) =>
  new RegExp(
    `^файл «${name}»; формат файла не распознан по заголовкам столбцов\\. Известные форматы и их обязательные столбцы: «Реестр ОО \\(шаблон\\)»: Логин ФИС ОКО, `,
  );

export const BAD_FILES: BadFile[] = [
  {
    title: 'an empty file',
    name: 'пустой.csv',
    bytes: () => new Uint8Array(0),
    outcome: 'rejected',
    message:
      'файл «пустой.csv»; значение «пустой файл (0 байт)»; ожидалось: книга Excel (XLSX) или таблица CSV: строка заголовков и строки данных',
    mapping: 'refused',
  },
  {
    title: 'random bytes named .xlsx',
    name: 'случайный.xlsx',
    // The first byte fixed: random bytes may otherwise begin as a zip, an old book or UTF-16.
    bytes: () => Buffer.concat([Buffer.from([0x01]), randomBytes(4095)]),
    outcome: 'rejected',
    message:
      'файл «случайный.xlsx»; значение «файл назван «.xlsx», но это не книга Excel»; ожидалось: книга Excel (XLSX) — откройте файл в Excel и сохраните его как «Книга Excel (*.xlsx)»',
    mapping: 'refused',
  },
  {
    title: 'a zip that is not an XLSX',
    name: 'архив.xlsx',
    bytes: notXlsx,
    outcome: 'rejected',
    message:
      'файл «архив.xlsx»; значение «zip-архив без листов Excel»; ожидалось: книга Excel (XLSX) с листом данных',
    mapping: 'refused',
  },
  {
    title: 'a zip bomb XLSX',
    name: 'бомба.xlsx',
    bytes: () => zipBomb(),
    outcome: 'rejected',
    message: bomb('бомба.xlsx'),
    mapping: 'refused',
    mappingMessage: bombMapping('бомба.xlsx'),
  },
  {
    title: 'a zip bomb XLSX that understates its unpacked size',
    name: 'скрытая-бомба.xlsx',
    bytes: () => zipBomb(true),
    outcome: 'rejected',
    message: bomb('скрытая-бомба.xlsx'),
    mapping: 'refused',
    mappingMessage: bombMapping('скрытая-бомба.xlsx'),
  },
  {
    title: 'a damaged XLSX (its sheet cut short)',
    name: 'битая-книга.xlsx',
    bytes: damagedXlsx,
    outcome: 'rejected',
    message:
      'файл «битая-книга.xlsx»; значение «повреждённая книга Excel: её листы не читаются»; ожидалось: книга Excel (XLSX), сохранённая Excel или LibreOffice',
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
    message:
      'файл «две-кодировки.csv»; значение «текст с отметкой кодировки UTF-8, но не в UTF-8»; ожидалось: CSV в одной кодировке: сохраните файл в Excel как «CSV UTF-8»',
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
    message:
      'файл «широкий.csv», строка 1; значение «600 столбцов»; ожидалось: не больше 500 столбцов',
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
    message:
      'файл «длинная-ячейка.csv», строка 2, столбец «B»; значение «ячейка длиной 1 500 000 символов»; ожидалось: не больше 10 000 символов в ячейке',
    mapping: 'refused',
  },
  {
    title: 'a 2-million-character line without quotes',
    name: 'длинная-строка.csv',
    bytes: () => csv(VPR_TASK_HEADER.join(';'), 'x'.repeat(2_000_000)),
    outcome: 'rejected',
    message:
      'файл «длинная-строка.csv», строка 2; значение «строка длиной 2 000 000 символов»; ожидалось: не больше 1 000 000 символов в строке; проверьте, что строки разделены переводом строки',
    mapping: 'refused',
  },
  {
    title: 'an unclosed quote',
    name: 'кавычка.csv',
    bytes: () => csv(VPR_TASK_HEADER.join(';'), '2025/26;"sch000001;5;Математика;1;1;Б;40;50'),
    outcome: 'rejected',
    message:
      'файл «кавычка.csv», строка 2; значение «незакрытая кавычка: значение в кавычках не закрыто до конца файла»; ожидалось: значения в кавычках заканчиваются кавычкой',
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
    message:
      'файл «смешанный.csv», строка 3; значение «текст в двух кодировках: до строки 3 — UTF-8, в ней — другая»; ожидалось: CSV в одной кодировке: сохраните файл в Excel как «CSV UTF-8»',
    mapping: 'refused',
  },
  {
    title: 'a 5 MB template CSV (the bulk path) with a quote its last row never closes',
    name: 'большой-кавычка.csv',
    bytes: () => largeTasks('2025/26;"sch000001;5;Математика;1;1;Б;40;50'),
    outcome: 'rejected',
    // DuckDB reads on (strict_mode = false): the row's cells after the quote are missing.
    message:
      'файл «большой-кавычка.csv», строка 110002, столбец «Класс»; значение «(пусто)»; ожидалось: номер класса от 1 до 11',
    mapping: 'refused',
    mappingMessage:
      'файл «большой-кавычка.csv», строка 110002; значение «незакрытая кавычка: значение в кавычках не закрыто до конца файла»; ожидалось: значения в кавычках заканчиваются кавычкой.',
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
    message:
      'файл «большой-1251.csv», строка 110003; файл не читается как таблица CSV: в строке есть байты не в кодировке UTF-8 — сохраните файл как «CSV UTF-8»',
    mapping: 'refused',
    mappingMessage:
      'файл «большой-1251.csv», строка 110003; значение «текст в двух кодировках: до строки 110003 — UTF-8, в ней — другая»; ожидалось: CSV в одной кодировке: сохраните файл в Excel как «CSV UTF-8».',
  },
  {
    title: 'a header nobody knows',
    name: 'неизвестный.csv',
    bytes: () => csv('Фамилия;Имя;Рост', 'Иванов;Иван;180'),
    outcome: 'rejected',
    message: unknownFormat('неизвестный.csv'),
    mapping: 'proposed',
  },
  ...['%.csv', '%FF.csv'].map((name): BadFile => ({
    title: `a file name that is not percent-encoding: ${name}`,
    name,
    bytes: () => csv('Фамилия;Имя;Рост', 'Иванов;Иван;180'),
    outcome: 'rejected',
    message: unknownFormat(name),
    mapping: 'proposed',
  })),
  {
    title: 'a CSV in windows-1251 (read, not refused)',
    name: 'кодировка-1251.csv',
    bytes: () => iconv.encode(`${VPR_TASK_HEADER.join(';')}\n${TASK_ROW}\n`, 'win1251'),
    outcome: 'loaded',
    mapping: 'recognised',
  },
];
