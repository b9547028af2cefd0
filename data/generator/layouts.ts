/**
 * Writers of the real file layouts, shared by the demo generator and the test fixtures:
 * the registry template, the ФИС ОКО «Статистика по отметкам» export and the ВПР reports
 * (сравнение с журналом, выполнение заданий, планируемые результаты, индивидуальные результаты).
 */
import type ExcelJS from 'exceljs';
import { newWorkbook, writeXlsx, type CellValue } from './files.ts';

export const REGISTRY_HEADER = [
  'Логин ФИС ОКО',
  'Полное наименование',
  'Краткое наименование',
  'Другие наименования',
  'Тип ОО',
  'Местность',
  'Учебный год',
  ...Array.from({ length: 11 }, (_, i) => `Обучающихся ${i + 1} кл.`),
];

export async function writeRegistryWorkbook(
  path: string,
  rows: readonly CellValue[][],
): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Реестр ОО');
  sheet.addRow(REGISTRY_HEADER);
  rows.forEach((row) => sheet.addRow(row));
  sheet.columns.forEach((column, i) => (column.width = [14, 70, 22, 30, 10, 12][i] ?? 12));
  await writeXlsx(path, workbook);
}

export interface MarksExport {
  year: number;
  grade: number;
  subject: string;
  date: string;
  maxScore?: number;
  /** group rows: name, Кол-во ОО, Кол-во участников, % «2», «3», «4», «5» */
  groups: readonly CellValue[][];
}

/** Title rows, then a two-row header with merged cells, then the group rows, as ФИС ОКО exports them. */
export async function writeMarksExportWorkbook(path: string, e: MarksExport): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('Статистика по отметкам');
  sheet.addRow([`Всероссийские проверочные работы ${e.year} (${e.grade} класс)`]);
  sheet.mergeCells('A1:G1');
  sheet.addRow([`Дата: ${e.date}`]);
  sheet.addRow([`Предмет: ${e.subject}`]);
  sheet.addRow(['Статистика по отметкам']);
  sheet.addRow(e.maxScore === undefined ? [] : [`Максимальный первичный балл: ${e.maxScore}`]);
  sheet.addRow([]);
  sheet.addRow([
    'Группы участников',
    'Кол-во ОО',
    'Кол-во участников',
    'Распределение групп баллов в %',
    null,
    null,
    null,
  ]);
  sheet.addRow([null, null, null, 2, 3, 4, 5]);
  sheet.mergeCells('D7:G7');
  for (const col of ['A', 'B', 'C']) sheet.mergeCells(`${col}7:${col}8`);
  e.groups.forEach((row) => sheet.addRow(row));
  sheet.getColumn(1).width = 80;
  await writeXlsx(path, workbook);
}

/**
 * Sheet names of the ВПР reports. An XLSX sheet name has at most 31 characters, so
 * «Достижение планируемых результатов» is shortened.
 */
export const VPR_REPORT_SHEETS = {
  journalComparison: 'Сравнение отметок',
  taskCompletion: 'Выполнение заданий',
  plannedResults: 'Достижение план. результатов',
  individualResults: 'Индивидуальные результаты',
} as const;

/** Title rows 1–6 of a ФИС ОКО ВПР report. */
export interface VprReportTitle {
  year: number;
  grade: number;
  /** subject name: `Русский язык` */
  subject: string;
  /** `DD.MM.YYYY` */
  date: string;
  maxScore: number;
}

/** A task column of a ВПР report: `9.1 (1б)` with its level under it. */
export interface VprTaskColumn {
  code: string;
  maxScore: number;
  level: 'Б' | 'П';
}

/** Column title of a task: `9.1 (1б)`. */
export const vprTaskColumnTitle = (task: Pick<VprTaskColumn, 'code' | 'maxScore'>) =>
  `${task.code} (${task.maxScore}б)`;

/** Rows 1–6: the work and grade, date, subject, report title, max primary score, an empty row. */
function addVprTitleRows(
  sheet: ExcelJS.Worksheet,
  e: VprReportTitle,
  title: string,
  columns: number,
): void {
  sheet.addRow([`Всероссийские проверочные работы ${e.year} (${e.grade} класс)`]);
  sheet.mergeCells(1, 1, 1, Math.max(columns, 3));
  sheet.addRow([`Дата: ${e.date}`]);
  sheet.addRow([`Предмет: ${e.subject}`]);
  sheet.addRow([title]);
  sheet.addRow([`Максимальный первичный балл: ${e.maxScore}`]);
  sheet.addRow([]);
}

/** Row labels under each group of «Сравнение отметок с отметками по журналу». */
export const JOURNAL_COMPARISON_ROWS = [
  'Понизили (Отметка < Отметка по журналу) %',
  'Подтвердили (Отметка = Отметке по журналу) %',
  'Повысили (Отметка > Отметка по журналу) %',
  'Всего',
] as const;

export interface JournalComparisonExport extends VprReportTitle {
  /** group name (`Вся выборка`, region, municipality, `(login) fullName`) and pupil counts */
  groups: readonly { name: string; lowered: number; confirmed: number; raised: number }[];
}

/**
 * «Сравнение отметок с отметками по журналу»: after the title rows a header
 * `Группы участников | Кол-во участников | %`, then per group a row with its name and four
 * rows Понизили / Подтвердили / Повысили / Всего with the count and the % (2 decimals).
 */
export async function writeJournalComparisonWorkbook(
  path: string,
  e: JournalComparisonExport,
): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(VPR_REPORT_SHEETS.journalComparison);
  addVprTitleRows(sheet, e, 'Сравнение отметок с отметками по журналу', 3);
  sheet.addRow(['Группы участников', 'Кол-во участников', '%']);
  for (const g of e.groups) {
    const total = g.lowered + g.confirmed + g.raised;
    const pct = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 10000) / 100);
    sheet.addRow([g.name]);
    sheet.addRow([JOURNAL_COMPARISON_ROWS[0], g.lowered, pct(g.lowered)]);
    sheet.addRow([JOURNAL_COMPARISON_ROWS[1], g.confirmed, pct(g.confirmed)]);
    sheet.addRow([JOURNAL_COMPARISON_ROWS[2], g.raised, pct(g.raised)]);
    sheet.addRow([JOURNAL_COMPARISON_ROWS[3], total, 100]);
  }
  sheet.getColumn(1).width = 80;
  sheet.getColumn(2).width = 20;
  sheet.getColumn(3).width = 10;
  await writeXlsx(path, workbook);
}

export interface TaskCompletionExport extends VprReportTitle {
  tasks: readonly VprTaskColumn[];
  /** group rows: name, Кол-во ОО, Кол-во участников, % completion per task (order of `tasks`) */
  groups: readonly { name: string; schools: number; participants: number; percents: number[] }[];
}

/**
 * «Выполнение заданий (в % от числа участников)»: a two-row header (`{code} ({max}б)` over
 * the level `Б`/`П`, A–C merged down), then one row per group.
 */
export async function writeTaskCompletionWorkbook(
  path: string,
  e: TaskCompletionExport,
): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(VPR_REPORT_SHEETS.taskCompletion);
  addVprTitleRows(sheet, e, 'Выполнение заданий (в % от числа участников)', 3 + e.tasks.length);
  sheet.addRow([
    'Группы участников',
    'Кол-во ОО',
    'Кол-во участников',
    ...e.tasks.map(vprTaskColumnTitle),
  ]);
  sheet.addRow([null, null, null, ...e.tasks.map((task) => task.level)]);
  for (const col of ['A', 'B', 'C']) sheet.mergeCells(`${col}7:${col}8`);
  for (const g of e.groups) sheet.addRow([g.name, g.schools, g.participants, ...g.percents]);
  sheet.getColumn(1).width = 80;
  sheet.getColumn(2).width = 10;
  sheet.getColumn(3).width = 18;
  e.tasks.forEach((_, i) => (sheet.getColumn(4 + i).width = 10));
  await writeXlsx(path, workbook);
}

export interface PlannedResultsExport extends VprReportTitle {
  tasks: readonly (VprTaskColumn & { skill: string })[];
  /** one column per group: name, participants, % completion per task (order of `tasks`) */
  groups: readonly { name: string; participants: number; percents: number[] }[];
}

export const PLANNED_RESULTS_SKILL_HEADER =
  'Блоки ПООП обучающийся научится / получит возможность научиться или проверяемые требования (умения) в соответствии с ФГОС';

/**
 * «Достижение планируемых результатов»: one row per task (code, skill, level, max) with
 * the mean % completion of each group in its own column; row 8 names the groups, row 9
 * gives their participant counts.
 */
export async function writePlannedResultsWorkbook(
  path: string,
  e: PlannedResultsExport,
): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(VPR_REPORT_SHEETS.plannedResults);
  const columns = 4 + e.groups.length;
  addVprTitleRows(sheet, e, 'Достижение планируемых результатов', columns);
  sheet.addRow([
    '№ задания',
    PLANNED_RESULTS_SKILL_HEADER,
    'Уровень',
    'Макс балл',
    'Средний % выполнения',
    ...e.groups.slice(1).map(() => null),
  ]);
  sheet.addRow([null, null, null, null, ...e.groups.map((g) => g.name)]);
  for (const col of ['A', 'B', 'C', 'D']) sheet.mergeCells(`${col}7:${col}8`);
  if (e.groups.length > 1) sheet.mergeCells(7, 5, 7, columns);
  sheet.addRow([null, 'Кол-во участников', null, null, ...e.groups.map((g) => g.participants)]);
  e.tasks.forEach((task, i) =>
    sheet.addRow([
      task.code,
      task.skill,
      task.level,
      task.maxScore,
      ...e.groups.map((g) => g.percents[i] ?? null),
    ]),
  );
  sheet.getRow(7).alignment = { wrapText: true, vertical: 'middle' };
  sheet.getRow(8).alignment = { wrapText: true, vertical: 'top' };
  for (let r = 10; r < 10 + e.tasks.length; r++) {
    sheet.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 90;
  sheet.getColumn(3).width = 9;
  sheet.getColumn(4).width = 10;
  e.groups.forEach((_, i) => (sheet.getColumn(5 + i).width = 18));
  await writeXlsx(path, workbook);
}

/** One pupil's row of the individual results (export «Ф1»). */
export interface IndividualResult {
  /** school login */
  login: string;
  municipality: string;
  schoolName: string;
  code: string;
  /** `6А` */
  className: string;
  variant: number;
  /** points per task, `X` for a task not done */
  scores: readonly (number | 'X')[];
  primaryScore: number;
  mark: number;
  /** null: no journal mark (empty cell) */
  journalMark: number | null;
}

export interface IndividualResultsExport extends VprReportTitle {
  tasks: readonly VprTaskColumn[];
  pupils: readonly IndividualResult[];
}

export const INDIVIDUAL_RESULTS_HEADER_START = [
  'ОО',
  'Муниципалитет',
  'Название ОО',
  'Код участника',
  'Класс',
  'Вариант',
];
export const INDIVIDUAL_RESULTS_HEADER_END = ['Первичный балл', 'Отметка', 'Отметка по журналу'];

/**
 * «Индивидуальные результаты» (Ф1): four title rows, an empty row, the task level row,
 * the header row 7 and one row per pupil.
 */
export async function writeIndividualResultsWorkbook(
  path: string,
  e: IndividualResultsExport,
): Promise<void> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(VPR_REPORT_SHEETS.individualResults);
  sheet.addRow([`ВПР ${e.year} ${e.subject} ${e.grade} класс`]);
  sheet.addRow([`Предмет: ${e.subject}`]);
  sheet.addRow([`Максимальный первичный балл: ${e.maxScore}`]);
  sheet.addRow([`Дата: ${e.date}`]);
  sheet.addRow([]);
  sheet.addRow([null, null, null, null, null, null, ...e.tasks.map((task) => task.level)]);
  sheet.addRow([
    ...INDIVIDUAL_RESULTS_HEADER_START,
    ...e.tasks.map(vprTaskColumnTitle),
    ...INDIVIDUAL_RESULTS_HEADER_END,
  ]);
  for (const p of e.pupils) {
    sheet.addRow([
      p.login,
      p.municipality,
      p.schoolName,
      p.code,
      p.className,
      p.variant,
      ...p.scores,
      p.primaryScore,
      p.mark,
      p.journalMark,
    ]);
  }
  [12, 40, 60, 14, 8, 9].forEach((width, i) => (sheet.getColumn(1 + i).width = width));
  e.tasks.forEach((_, i) => (sheet.getColumn(7 + i).width = 9));
  [15, 10, 19].forEach((width, i) => (sheet.getColumn(7 + e.tasks.length + i).width = width));
  await writeXlsx(path, workbook);
}
