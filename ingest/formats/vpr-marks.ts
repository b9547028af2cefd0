/**
 * ВПР «Статистика по отметкам» in two layouts: our canonical template (counts of marks per
 * school) and the ФИС ОКО export (percentages of marks per group row: РФ → регион →
 * муниципалитет → ОО). Both are stored as counts; ФИС ОКО percentages become
 * round(% × N / 100), and the region and RF rows are kept as benchmarks.
 */
import { findHeader, normaliseHeader, type ColumnSpec } from '../header.ts';
import {
  EXPECTED,
  integerCell,
  isMissing,
  percentCell,
  schoolYearCell,
  textCell,
} from '../values.ts';
import { findSubject, type Subject } from '../reference/subjects.ts';
import { splitLoginCell } from '../schools.ts';
import type { BenchmarkLevel, VprMarksRow } from '../datasets.ts';
import type { Format, ParseContext } from './format.ts';
import { cellAt, cellReader, checkDuplicates, isBlankRow } from './rows.ts';
import type { Cell, Sheet } from '../read/table.ts';

const MIN_RELIABLE_N = 10;
/** ФИС ОКО rounds each share to 0.01 %, so the four shares may miss 100 by a little. */
const SHARE_SUM_TOLERANCE = 0.5;

const markNames = (mark: number) => [
  `Кол-во «${mark}»`,
  `«${mark}»`,
  `${mark}`,
  `Отметка «${mark}»`,
  `Кол-во отметок «${mark}»`,
  `Количество «${mark}»`,
];

const canonicalColumns = [
  { key: 'year', names: ['Учебный год', 'Год'], required: true },
  { key: 'login', names: ['Логин ОО', 'Логин', 'Логин ФИС ОКО', 'Код ОО'], required: false },
  { key: 'name', names: ['Наименование ОО', 'ОО', 'Школа', 'Название ОО'], required: false },
  { key: 'grade', names: ['Класс', 'Параллель'], required: true },
  { key: 'subject', names: ['Предмет', 'Учебный предмет'], required: true },
  {
    key: 'participants',
    names: ['Кол-во участников', 'Количество участников', 'Участники', 'Участников'],
    required: true,
  },
  { key: 'n2', names: markNames(2), required: true },
  { key: 'n3', names: markNames(3), required: true },
  { key: 'n4', names: markNames(4), required: true },
  { key: 'n5', names: markNames(5), required: true },
] as const satisfies readonly ColumnSpec[];

interface RowContext extends ParseContext {
  rowNumber: number;
}

const gradeProblem = (ctx: RowContext, subject: Subject, grade: number) => ({
  severity: 'error' as const,
  file: ctx.file.name,
  sheet: ctx.sheet.name,
  row: ctx.rowNumber,
  column: 'Класс',
  value: String(grade),
  expected: `класс, в котором пишут ВПР по предмету «${subject.name}»: ${subject.vprGrades.join(', ')}`,
});

function checkSmallGroup(ctx: RowContext, row: VprMarksRow, who: string): void {
  if (row.level === 'school' && row.participants < MIN_RELIABLE_N) {
    ctx.problems.add({
      severity: 'warning',
      file: ctx.file.name,
      sheet: ctx.sheet.name,
      row: ctx.rowNumber,
      column: 'Кол-во участников',
      value: String(row.participants),
      message: `мало участников (${who}): доли будут помечены «мало данных»`,
    });
  }
}

function matchSchool(
  ctx: RowContext,
  login: string | undefined,
  name: string | undefined,
): string | undefined {
  const result = ctx.schools.match(login, name);
  if ('schoolId' in result) return result.schoolId;
  ctx.problems.add({
    severity: 'error',
    file: ctx.file.name,
    sheet: ctx.sheet.name,
    row: ctx.rowNumber,
    column: login ? 'Логин ОО' : 'Наименование ОО',
    value: login && name ? `(${login}) ${name}` : (login ?? name ?? ''),
    expected:
      ctx.schools.size === 0
        ? 'школа из реестра ОО; реестр пуст: сначала загрузите «Реестр ОО»'
        : `школа из реестра ОО; ближайшие по написанию: ${result.candidates.join('; ')}. Добавьте школу в реестр или исправьте написание`,
  });
  return undefined;
}

export const vprMarksCanonicalFormat: Format = {
  id: 'vpr_marks_canonical',
  title: 'ВПР: отметки по ОО (шаблон)',
  dataset: 'vpr_marks',
  columns: canonicalColumns,
  detect(sheet) {
    const header = findHeader(sheet, canonicalColumns);
    return header !== undefined && (header.columns.has('login') || header.columns.has('name'));
  },
  parse(context) {
    const { file, sheet, problems } = context;
    const header = findHeader(sheet, canonicalColumns)!;
    const cell = cellAt(file, sheet, header, problems);
    const rows: VprMarksRow[] = [];
    const keys: { row: number; key: string }[] = [];
    for (let r = header.rowIndex + 1; r < sheet.rows.length; r++) {
      if (isBlankRow(sheet, r)) continue;
      const ctx = { ...context, rowNumber: r + 1 };
      const year = cell(r, 'year', schoolYearCell, EXPECTED.schoolYear);
      const grade = cell(r, 'grade', integerCell(1, 11), EXPECTED.grade);
      const subjectText = cell(r, 'subject', textCell, EXPECTED.text);
      const participants = cell(r, 'participants', integerCell(1), EXPECTED.positiveCount);
      const counts = (['n2', 'n3', 'n4', 'n5'] as const).map((k) =>
        cell(r, k, integerCell(0), EXPECTED.count),
      );
      const login = optionalText(sheet, r, header.columns.get('login'));
      const name = optionalText(sheet, r, header.columns.get('name'));
      const schoolId = matchSchool(ctx, login, name);
      const subject = subjectText === undefined ? undefined : findSubject(subjectText);
      if (subjectText !== undefined && !subject) {
        problems.add({
          severity: 'error',
          file: file.name,
          sheet: sheet.name,
          row: r + 1,
          column: 'Предмет',
          value: subjectText,
          expected: 'предмет ВПР, например «Русский язык», «Математика», «История»',
        });
      }
      if (subject && grade !== undefined && !subject.vprGrades.includes(grade))
        problems.add(gradeProblem(ctx, subject, grade));
      const [n2, n3, n4, n5] = counts;
      if (
        year === undefined ||
        grade === undefined ||
        !subject ||
        participants === undefined ||
        schoolId === undefined ||
        n2 === undefined ||
        n3 === undefined ||
        n4 === undefined ||
        n5 === undefined
      )
        continue;
      if (n2 + n3 + n4 + n5 !== participants) {
        problems.add({
          severity: 'error',
          file: file.name,
          sheet: sheet.name,
          row: r + 1,
          column: 'Кол-во участников',
          value: String(participants),
          expected: `сумма отметок «2»–«5» (${n2} + ${n3} + ${n4} + ${n5} = ${n2 + n3 + n4 + n5}) равна числу участников`,
        });
        continue;
      }
      const row: VprMarksRow = {
        year,
        subject: subject.name,
        grade,
        level: 'school',
        schoolId,
        groupName: name ?? login ?? schoolId,
        schoolsCount: 1,
        participants,
        n2,
        n3,
        n4,
        n5,
      };
      checkSmallGroup(ctx, row, `${subject.name}, ${grade} кл.`);
      rows.push(row);
      keys.push({ row: r + 1, key: `${year}|${schoolId}|${subject.name}|${grade}` });
    }
    checkDuplicates(keys, 'учебный год, ОО, предмет и класс', file, sheet, problems);
    return { dataset: 'vpr_marks', rows };
  },
};

function optionalText(
  sheet: Sheet,
  rowIndex: number,
  column: number | undefined,
): string | undefined {
  if (column === undefined) return undefined;
  const value = sheet.rows[rowIndex]?.[column] ?? null;
  return isMissing(value) ? undefined : String(value).trim() || undefined;
}

// ---- ФИС ОКО export -------------------------------------------------------------------

const exportColumns = [
  { key: 'group', names: ['Группы участников'], required: true },
  { key: 'schoolsCount', names: ['Кол-во ОО'], required: true },
  { key: 'participants', names: ['Кол-во участников'], required: true },
] as const satisfies readonly ColumnSpec[];

const TITLE = /проверочн\S*\s+работ\S*\s+(\d{4})\s*\(\s*(\d{1,2})\s*класс/i;
const SUBJECT = /^предмет\s*:\s*(.+)$/i;
const COUNTRY_ROWS = ['вся выборка', 'российская федерация', 'рф'];

/** Year, grade and subject from the title rows above the table. */
function readTitle(
  sheet: Sheet,
  headerRow: number,
): { year?: number; grade?: number; subject?: string } {
  const found: { year?: number; grade?: number; subject?: string } = {};
  for (const row of sheet.rows.slice(0, headerRow)) {
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      const title = TITLE.exec(cell);
      if (title) {
        found.year = Number(title[1]);
        found.grade = Number(title[2]);
      }
      const subject = SUBJECT.exec(cell.trim());
      if (subject) found.subject = subject[1]!.trim();
    }
  }
  return found;
}

/** Column index of each mark 2..5 in the sub-header row under «Распределение … в %». */
function markColumns(row: readonly Cell[]): number[] | undefined {
  const indexes = [2, 3, 4, 5].map((mark) =>
    row.findIndex((cell) => cell !== null && normaliseHeader(String(cell)) === String(mark)),
  );
  return indexes.every((i) => i >= 0) ? indexes : undefined;
}

export const vprMarksExportFormat: Format = {
  id: 'vpr_marks_fisoko',
  title: 'ВПР: «Статистика по отметкам» (выгрузка ФИС ОКО)',
  dataset: 'vpr_marks',
  columns: exportColumns,
  detect(sheet) {
    const header = findHeader(sheet, exportColumns);
    return header !== undefined && markColumns(sheet.rows[header.rowIndex + 1] ?? []) !== undefined;
  },
  parse(context) {
    const { file, sheet, problems } = context;
    const header = findHeader(sheet, exportColumns)!;
    const marks = markColumns(sheet.rows[header.rowIndex + 1] ?? [])!;
    const title = readTitle(sheet, header.rowIndex);
    const subject = title.subject ? findSubject(title.subject) : undefined;
    const titleProblem = (what: string, value: string | undefined) =>
      problems.add({
        severity: 'error',
        file: file.name,
        sheet: sheet.name,
        row: 1,
        value: value ?? '(не найдено)',
        expected: what,
      });
    if (title.year === undefined || title.grade === undefined)
      titleProblem(
        'строка заголовка вида «Всероссийские проверочные работы 2025 (5 класс)» над таблицей',
        undefined,
      );
    if (!subject)
      titleProblem('строка «Предмет: <название предмета ВПР>» над таблицей', title.subject);
    if (subject && title.grade !== undefined && !subject.vprGrades.includes(title.grade)) {
      problems.add(gradeProblem({ ...context, rowNumber: 1 }, subject, title.grade));
    }
    const { year, grade } = title;
    if (year === undefined || grade === undefined || !subject)
      return { dataset: 'vpr_marks', rows: [] };

    const cell = cellAt(file, sheet, header, problems);
    const readCell = cellReader(file, sheet, problems);
    const rows: VprMarksRow[] = [];
    const keys: { row: number; key: string }[] = [];
    const benchmarkOrder: BenchmarkLevel[] = ['region', 'municipality'];
    for (let r = header.rowIndex + 2; r < sheet.rows.length; r++) {
      if (isBlankRow(sheet, r)) continue;
      const ctx = { ...context, rowNumber: r + 1 };
      const group = cell(
        r,
        'group',
        textCell,
        'название группы участников или «(логин) наименование ОО»',
      );
      const participants = cell(r, 'participants', integerCell(0), EXPECTED.count);
      const schoolsCount = cell(r, 'schoolsCount', integerCell(0), EXPECTED.count);
      const shares = marks.map((column, i) =>
        readCell(r, column, `% отметки «${i + 2}»`, percentCell, EXPECTED.percent),
      );
      if (
        group === undefined ||
        participants === undefined ||
        schoolsCount === undefined ||
        shares.some((s) => s === undefined)
      )
        continue;
      if (participants === 0) continue;
      const sum = (shares as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 100) > SHARE_SUM_TOLERANCE) {
        problems.add({
          severity: 'error',
          file: file.name,
          sheet: sheet.name,
          row: r + 1,
          column: '% отметок «2»–«5»',
          value: sum.toFixed(2).replace('.', ','),
          expected: `сумма долей отметок 100 % (допуск ±${String(SHARE_SUM_TOLERANCE).replace('.', ',')})`,
        });
        continue;
      }
      const [n2, n3, n4, n5] = (shares as number[]).map((share) =>
        Math.round((share * participants) / 100),
      ) as [number, number, number, number];
      const { login, name } = splitLoginCell(group);
      let level: BenchmarkLevel;
      let schoolId: string | null = null;
      if (login) {
        level = 'school';
        schoolId = matchSchool(ctx, login, name) ?? null;
        if (schoolId === null) continue;
      } else if (COUNTRY_ROWS.includes(group.toLowerCase())) level = 'country';
      else level = benchmarkOrder.shift() ?? 'municipality';
      const row: VprMarksRow = {
        year,
        subject: subject.name,
        grade,
        level,
        schoolId,
        groupName: level === 'school' ? name : group,
        schoolsCount,
        participants,
        n2,
        n3,
        n4,
        n5,
      };
      checkSmallGroup(ctx, row, name);
      rows.push(row);
      keys.push({ row: r + 1, key: schoolId ?? level });
    }
    checkDuplicates(keys, 'группа участников', file, sheet, problems);
    return { dataset: 'vpr_marks', rows };
  },
};
