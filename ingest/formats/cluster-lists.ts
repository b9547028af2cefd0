/**
 * Reading cluster lists as they are written: one or more tables on a sheet, each under its own
 * title lines (which may name the school year and the approving document), numbered rows, an
 * «Итого: 5 ОО» row checked against the table's rows; the cluster of each row through the
 * methodology's table of names. The template layout (a year column, one table) reads the same way.
 */
import {
  findHeader,
  findHeaders,
  normaliseHeader,
  type ColumnSpec,
  type HeaderMatch,
} from '../header.ts';
import { splitLoginCell } from '../schools.ts';
import { EXPECTED, schoolYearCell, textCell } from '../values.ts';
import type { OfficialClusterRow, ParsedRows } from '../datasets.ts';
import type { Cell, Sheet } from '../read/table.ts';
import type { ParseContext } from './context.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import { YEAR } from './columns.ts';
import { basisIn, schoolYearsIn, sourceOf } from './list-title.ts';

export const LIST_COLUMNS = [
  { key: 'number', names: ['№ п/п', '№ п\\п', '№', 'N п/п', 'Номер'], required: false },
  {
    key: 'school',
    names: [
      'Наименование образовательной организации',
      'Наименование общеобразовательной организации',
      'Образовательная организация',
      'Наименование ОО',
      'ОО',
      'Школа',
      'Логин ОО',
    ],
    required: true,
  },
  {
    key: 'cluster',
    names: ['Кластеризация', 'Кластер', 'Категория', 'Группа риска', 'Перечень'],
    required: true,
  },
  { ...YEAR, required: false },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof LIST_COLUMNS)[number]['key'];
type Header = HeaderMatch<Key>;

/** What the titles on the sheet say so far: a later title's year or basis replaces an earlier one. */
interface TitleFacts {
  /** the school years the nearest title naming any names (one: unambiguous) */
  years: number[];
  basis?: string;
}

/** What a table is read with: its year (when the file has no year column) and its basis. */
interface TableFacts {
  year?: number;
  basis: string | null;
}

export const cellText = (cell: Cell | undefined) =>
  cell === null || cell === undefined ? '' : String(cell).replace(/\s+/g, ' ').trim();

const isTotal = (cell: Cell | undefined) => /^(итого|всего)/.test(normaliseHeader(cellText(cell)));

/** The text lines of rows [from, to), for the title above a table. */
export function textLines(sheet: Sheet, from: number, to: number): string[] {
  const lines: string[] = [];
  for (let index = from; index < to; index++) {
    const text = (sheet.rows[index] ?? []).map(cellText).filter(Boolean).join(' ');
    if (text) lines.push(text);
  }
  return lines;
}

/**
 * Where a table's rows end: at its «Итого» row, else after its last row that holds a cluster or
 * a row number (the lines after it are the next table's title, or a signature).
 */
function tableEnd(sheet: Sheet, header: Header, limit: number): { end: number; total?: number } {
  const clusterColumn = header.columns.get('cluster')!;
  const numberColumn = header.columns.get('number');
  let end = header.rowIndex + 1;
  for (let index = header.rowIndex + 1; index < limit; index++) {
    const cells = sheet.rows[index] ?? [];
    if (cells.some(isTotal)) return { end: index, total: index };
    const numbered =
      numberColumn !== undefined && /^\d+\.?$/.test(cellText(cells[numberColumn] ?? null));
    if (numbered || cellText(cells[clusterColumn] ?? null)) end = index + 1;
  }
  return { end };
}

/** A list's given year, checked once; undefined (with an error) when it does not read. */
export function givenYear(context: ParseContext): number | undefined {
  const text = context.given?.year;
  if (text === undefined) return undefined;
  const parsed = schoolYearCell.safeParse(text);
  if (parsed.success) return parsed.data;
  context.problems.add({
    severity: 'error',
    file: context.file.name,
    value: text,
    message: `учебный год, указанный при загрузке, не распознан; ожидался ${EXPECTED.schoolYear}`,
  });
  return undefined;
}

export const showYear = (year: number) => `${year - 1}/${String(year).slice(2)}`;

/** The year of a table without a year column: the one given at the import, else its title's. */
function tableYear(
  context: ParseContext,
  header: Header,
  given: number | undefined,
  title: TitleFacts,
): number | undefined {
  const [titleYear, ...more] = title.years;
  if (given !== undefined) {
    if (titleYear !== undefined && !title.years.includes(given))
      context.problems.add({
        severity: 'warning',
        file: context.file.name,
        sheet: context.sheet.name,
        row: header.rowIndex + 1,
        message: `в заголовке над таблицей назван ${title.years.map(showYear).join(', ')} учебный год, а при загрузке указан ${showYear(given)}: список загружается за ${showYear(given)}`,
      });
    return given;
  }
  return more.length === 0 ? titleYear : undefined;
}

function noYear(context: ParseContext, header: Header, title: TitleFacts): void {
  const why =
    title.years.length > 1
      ? `в заголовке над таблицей названо несколько учебных годов (${title.years.map(showYear).join(', ')})`
      : 'в заголовке над таблицей учебный год не назван';
  context.problems.add({
    severity: 'error',
    file: context.file.name,
    sheet: context.sheet.name,
    row: header.rowIndex + 1,
    message: `не указан учебный год списка: в таблице нет столбца «Учебный год», ${why}. Укажите год при загрузке: в командной строке — npm run import -- <файл> --year 2023/24, на странице «Загрузка данных» — в поле «Учебный год списка»; или допишите год в заголовок таблицы («2023-2024 учебный год»)`,
  });
}

/** The school of a row: «(login) name», a login, a short or a full name. */
function schoolOf(row: RowReader<Key>): string | undefined {
  const text = row.get('school', textCell, EXPECTED.text);
  if (text === undefined) return undefined;
  const { login, name } = splitLoginCell(text);
  return row.schoolIn(row.caption('school'), login, login ? name || undefined : name);
}

/** Labels the methodology's table of names does not know, with their rows, reported once each. */
class UnknownLabels {
  private readonly rows = new Map<string, number[]>();

  note(label: string, row: number): void {
    this.rows.set(label, [...(this.rows.get(label) ?? []), row]);
  }

  report(context: ParseContext): void {
    const { unknown } = context.reference.clusterNames.names;
    const known = context.reference.clusterNames.describe();
    for (const [label, rows] of this.rows) {
      const where = `строк${rows.length === 1 ? 'а' : 'и'} ${rows.join(', ')}`;
      context.problems.add({
        severity: unknown === 'keep' ? 'warning' : 'error',
        file: context.file.name,
        sheet: context.sheet.name,
        row: rows[0],
        value: label,
        message:
          unknown === 'keep'
            ? `кластера «${label}» нет в таблице названий методики (${where}): загружен как отдельный кластер «${label}». Известные названия: ${known}. Если это другое название известного кластера, добавьте его в таблицу названий и загрузите список заново`
            : `кластера «${label}» нет в таблице названий методики (${where}): список не загружен. Известные названия: ${known}. Исправьте название в файле или добавьте его в таблицу названий на странице «Методика»`,
      });
    }
  }
}

/** Everything one table is read with, and where its rows go. */
interface TableReading {
  header: Header;
  end: number;
  facts: TableFacts;
  rows: OfficialClusterRow[];
  keys: { row: number; key: string }[];
  unknown: UnknownLabels;
}

/** Reads a table's rows; returns how many rows it has, for its «Итого». */
function readTable(context: ParseContext, table: TableReading): number {
  const { header, facts } = table;
  const source = sourceOf(facts.basis ?? undefined);
  let count = 0;
  readRows(
    context,
    header,
    (row) => {
      count++;
      const year = header.columns.has('year')
        ? row.get('year', schoolYearCell, EXPECTED.schoolYear)
        : facts.year;
      const schoolId = schoolOf(row);
      const label = row.get('cluster', textCell, EXPECTED.text);
      if (year === undefined || schoolId === undefined || label === undefined) return;
      const code = context.reference.clusterNames.codeOf(label);
      if (code === undefined) table.unknown.note(label, row.number);
      const cluster = code ?? label;
      table.rows.push({ year, schoolId, cluster, label, basis: facts.basis, source });
      table.keys.push({ row: row.number, key: `${year}|${schoolId}|${source}|${cluster}` });
    },
    header.rowIndex + 1,
    table.end,
  );
  return count;
}

/** «Итого: 5 ОО» against the table's rows: a mismatch is an error naming both numbers. */
function checkTotal(context: ParseContext, totalRow: number, count: number): void {
  const cells = context.sheet.rows[totalRow] ?? [];
  const text = cells.slice(cells.findIndex(isTotal)).map(cellText).filter(Boolean).join(' ');
  const stated = /\d+/.exec(text);
  if (stated && Number(stated[0]) === count) return;
  context.problems.add({
    severity: 'error',
    file: context.file.name,
    sheet: context.sheet.name,
    row: totalRow + 1,
    value: text,
    message: stated
      ? `в строке «Итого» указано ${stated[0]} ОО, а в таблице над ней школ: ${count}. Проверьте список: не пропущена ли строка и верен ли итог`
      : `в строке «Итого» не указано число школ; ожидалось «Итого: ${count} ОО»`,
  });
}

/** Reads every list table of the sheet. */
export function parseClusterLists(context: ParseContext): ParsedRows {
  const { sheet } = context;
  const headers = findHeaders(sheet, LIST_COLUMNS);
  const given = givenYear(context);
  const rows: OfficialClusterRow[] = [];
  const keys: { row: number; key: string }[] = [];
  const unknown = new UnknownLabels();
  let title: TitleFacts = { years: [] };
  let titleFrom = 0;
  let yearMissing = false;
  for (const [index, header] of headers.entries()) {
    const limit = headers[index + 1]?.rowIndex ?? sheet.rows.length;
    const text = textLines(sheet, titleFrom, header.rowIndex).join(' ');
    const years = schoolYearsIn(text);
    title = { years: years.length > 0 ? years : title.years, basis: basisIn(text) ?? title.basis };
    const year = header.columns.has('year') ? undefined : tableYear(context, header, given, title);
    if (!header.columns.has('year') && year === undefined && !yearMissing) {
      yearMissing = true;
      noYear(context, header, title);
    }
    const { end, total } = tableEnd(sheet, header, limit);
    const facts = { year, basis: context.given?.basis ?? title.basis ?? null };
    const count = readTable(context, { header, end, facts, rows, keys, unknown });
    if (total !== undefined) checkTotal(context, total, count);
    titleFrom = total !== undefined ? total + 1 : end;
  }
  unknown.report(context);
  checkDuplicates(keys, 'учебный год, ОО, кто утвердил список и кластер', context);
  return { dataset: 'official_clusters', rows };
}

/** True when the sheet has a list table near its top: a school column and a cluster column. */
export const hasListTable = (sheet: Sheet) => findHeader(sheet, LIST_COLUMNS) !== undefined;
