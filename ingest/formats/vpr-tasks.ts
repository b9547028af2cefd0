/**
 * ВПР «Выполнение заданий (в % от числа участников)» (выгрузка ФИС ОКО): a two-row header
 * (`1 (2б)` over the level Б / П of each task) and one row per group (РФ → регион →
 * муниципалитет → ОО) with the % of the maximum score reached per task. Stored as one row
 * per group × task; the region and RF rows are kept as benchmarks.
 */
import { findHeader, normaliseHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, integerCell, percentCell, textCell, toNumber } from '../values.ts';
import type { VprTaskRow } from '../datasets.ts';
import type { Cell, Sheet } from '../read/table.ts';
import type { Format } from './format.ts';
import type { ParseContext } from './context.ts';
import { checkDuplicates } from './rows.ts';
import { readRows } from './row-reader.ts';
import { groupClassifier, readExportTitle, taskColumns, schoolOfGroup } from './fisoko.ts';

const columns = [
  { key: 'group', names: ['Группы участников'], required: true },
  { key: 'schoolsCount', names: ['Кол-во ОО'], required: true },
  { key: 'participants', names: ['Кол-во участников'], required: true },
] as const satisfies readonly ColumnSpec[];

export type TaskColumn = ReturnType<typeof taskColumns>[number];

/** True when the row holds the marks 2, 3, 4 and 5: the «Статистика по отметкам» sub-header. */
const isMarksRow = (row: readonly Cell[]) =>
  ['2', '3', '4', '5'].every((mark) =>
    row.some((cell) => cell !== null && normaliseHeader(String(cell)) === mark),
  );

/** The caption of a column as written in the header row, for messages. */
export const headerCaption = (sheet: Sheet, headerRow: number, column: number) =>
  String(sheet.rows[headerRow]?.[column] ?? '').trim();

/** An error for every task column whose code repeats an earlier column's code. */
export function checkTaskCodes(
  { file, sheet, problems }: ParseContext,
  headerRow: number,
  tasks: readonly TaskColumn[],
): void {
  const first = new Map<string, number>();
  for (const task of tasks) {
    const earlier = first.get(task.task);
    if (earlier === undefined) first.set(task.task, task.column);
    else
      problems.add({
        severity: 'error',
        file: file.name,
        sheet: sheet.name,
        row: headerRow + 1,
        column: headerCaption(sheet, headerRow, task.column),
        value: task.task,
        expected: `каждое задание в одном столбце; задание ${task.task} уже есть в столбце «${headerCaption(sheet, headerRow, earlier)}»`,
      });
  }
}

export const vprTasksFormat: Format = {
  id: 'vpr_tasks_fisoko',
  title: 'ВПР: «Выполнение заданий» (выгрузка ФИС ОКО)',
  dataset: 'vpr_tasks',
  columns,
  notes: [
    'Файл из «Аналитики» ФИС ОКО загружается как есть: над таблицей строки «Всероссийские проверочные работы 2026 (5 класс)» и «Предмет: …»; в заголовке — «Группы участников», «Кол-во ОО», «Кол-во участников» и столбцы заданий «1 (1б)», «9.1 (2б)», «1К2 (3б)», под ними — уровень Б / П (объединённые ячейки допустимы).',
    'Хранится одна строка на группу и задание: % выполнения от 0 до 100, максимальный балл и уровень задания; строки региона и РФ — ориентиры для сравнения, группы без участников пропускаются.',
  ],
  detect(sheet) {
    const header = findHeader(sheet, columns);
    if (!header) return false;
    const h = header.rowIndex;
    return taskColumns(sheet, h, h + 1).length > 0 && !isMarksRow(sheet.rows[h + 1] ?? []);
  },
  parse(context) {
    const { sheet } = context;
    const header = findHeader(sheet, columns)!;
    const h = header.rowIndex;
    const tasks = taskColumns(sheet, h, h + 1);
    checkTaskCodes(context, h, tasks);
    const title = readExportTitle(context, h);
    const rows: VprTaskRow[] = [];
    if (!title) return { dataset: 'vpr_tasks', rows };
    const { year, grade, subject } = title;
    // The row under the header holds the levels, unless it is already a group row with a count.
    const below = sheet.rows[h + 1]?.[header.columns.get('participants')!] ?? null;
    const firstRow = Number.isNaN(toNumber(below)) ? h + 2 : h + 1;
    const classify = groupClassifier();
    const keys: { row: number; key: string }[] = [];
    readRows(
      context,
      header,
      (row) => {
        const caption = row.get('group', textCell, EXPECTED.group);
        const participants = row.get('participants', integerCell(0), EXPECTED.count);
        row.optional('schoolsCount', integerCell(0), EXPECTED.count);
        if (caption === undefined) return;
        // Every group is classified, empty ones too: the order tells region from municipality.
        const group = classify(caption);
        if (participants === undefined || participants === 0) return;
        const percents = tasks.map((task) =>
          row.at(task.column, headerCaption(sheet, h, task.column), percentCell, EXPECTED.percent),
        );
        const schoolId = schoolOfGroup(row, row.caption('group'), group);
        if (schoolId === undefined || percents.some((p) => p === undefined)) return;
        tasks.forEach((task, i) =>
          rows.push({
            year,
            subject: subject.name,
            grade,
            level: group.level,
            schoolId,
            groupName: group.name,
            participants,
            task: task.task,
            maxScore: task.maxScore,
            difficulty: task.difficulty,
            completionPct: percents[i]!,
          }),
        );
        keys.push({ row: row.number, key: schoolId ?? group.level });
      },
      firstRow,
    );
    checkDuplicates(keys, 'группа участников', context);
    return { dataset: 'vpr_tasks', rows };
  },
};
