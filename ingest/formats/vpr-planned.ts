/**
 * ВПР «Достижение планируемых результатов» (выгрузка ФИС ОКО): one row per task (number,
 * checked skill, level, max score) with the mean % completion of each group in its own
 * column. The row under the header names the groups (РФ → регион → муниципалитет → ОО),
 * the row after it may give their participant counts. Stored as one row per task × group.
 */
import { z } from 'zod';
import { findHeader, normaliseHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, integerCell, percentCell, textCell } from '../values.ts';
import type { VprPlannedRow } from '../datasets.ts';
import type { Cell, Sheet } from '../read/table.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import {
  groupClassifier,
  parseTaskCaption,
  readExportTitle,
  type Group,
  schoolOfGroup,
} from './fisoko.ts';

const columns = [
  { key: 'task', names: ['№ задания', '№', 'Задание', 'Номер задания'], required: true },
  {
    key: 'skill',
    names: [
      'Блоки ПООП обучающийся научится / получит возможность научиться или проверяемые требования (умения) в соответствии с ФГОС',
      'Проверяемые требования (умения)',
      'Проверяемые умения',
      'Планируемые результаты',
    ],
    required: true,
  },
  { key: 'level', names: ['Уровень', 'Уровень сложности'], required: false },
  { key: 'max', names: ['Макс балл', 'Макс. балл', 'Максимальный балл'], required: true },
  { key: 'mean', names: ['Средний % выполнения'], required: true },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof columns)[number]['key'];

const COUNT_CAPTIONS = ['кол-во участников', 'количество участников', 'кол-во уч', 'участников'];

const levelCell = z.preprocess(
  (cell: Cell) =>
    String(cell ?? '')
      .trim()
      .toUpperCase(),
  z.enum(['Б', 'П', 'В']),
);

const TASK_EXPECTED = 'номер задания, например 1, 9.1 или 1К2';

/** «3 K1» → «3К1», the way parseTaskCaption reads the code of a «3К1 (2б)» caption. */
const taskCode = (text: string) => parseTaskCaption(`${text} (1б)`)?.task;

interface GroupColumn {
  column: number;
  caption: string;
}

/** The group names under «Средний % выполнения»: the columns right of the task description. */
function groupColumns(sheet: Sheet, headerRow: number, columnsOf: Map<Key, number>) {
  const last = Math.max(
    ...(['task', 'skill', 'level', 'max'] as const).flatMap((k) => columnsOf.get(k) ?? []),
  );
  const first = Math.max(last + 1, columnsOf.get('mean')!);
  return (sheet.rows[headerRow + 1] ?? []).flatMap((cell, column): GroupColumn[] =>
    column >= first && cell !== null ? [{ column, caption: String(cell).trim() }] : [],
  );
}

/** True when the row gives participant counts: «Кол-во участников» left of the groups. */
const isCountRow = (row: readonly Cell[], firstGroup: number) =>
  row
    .slice(0, firstGroup)
    .some((cell) => cell !== null && COUNT_CAPTIONS.includes(normaliseHeader(String(cell))));

interface GroupState extends GroupColumn {
  group: Group;
  /** undefined: an unknown school (the error is recorded) */
  schoolId: string | null | undefined;
  /** null: no count row; undefined: a bad count (the error is recorded) */
  participants: number | null | undefined;
}

/** The groups named in the row under the header; a group in two columns is an error. */
function readGroups(
  row: RowReader<Key>,
  found: GroupColumn[],
  mean: string,
  classify: (caption: string) => Group,
): GroupState[] {
  const seen = new Map<string, string>();
  return found.map(({ column, caption }) => {
    const group = classify(caption);
    const schoolId = schoolOfGroup(row, mean, group);
    const key = schoolId ?? group.level;
    const earlier = seen.get(key);
    if (earlier !== undefined && schoolId !== undefined)
      row.error(
        mean,
        caption,
        `каждая группа участников в одном столбце; эта группа уже есть: «${earlier}»`,
      );
    seen.set(key, caption);
    return { column, caption, group, schoolId, participants: null };
  });
}

/** The participant count of each group from the count row. */
function readCounts(row: RowReader<Key>, groups: GroupState[]): void {
  for (const g of groups)
    g.participants = row.at(
      g.column,
      `Кол-во участников, ${g.caption}`,
      integerCell(0),
      EXPECTED.count,
    );
}

type Task = Pick<VprPlannedRow, 'task' | 'skill' | 'maxScore' | 'difficulty'>;

/** The task columns of a row, each read (its error recorded); undefined when one is bad. */
function readTask(row: RowReader<Key>): Task | undefined {
  const code = row.get('task', textCell, TASK_EXPECTED);
  const task = code === undefined ? undefined : taskCode(code);
  if (code !== undefined && task === undefined) row.error(row.caption('task'), code, TASK_EXPECTED);
  const skill = row.get('skill', textCell, EXPECTED.text);
  const difficulty = row.optional(
    'level',
    levelCell,
    'уровень сложности задания: Б, П или В (или пустая ячейка)',
  );
  const maxScore = row.get(
    'max',
    integerCell(1),
    'максимальный балл задания — целое число не меньше 1',
  );
  if (
    task === undefined ||
    skill === undefined ||
    difficulty === undefined ||
    maxScore === undefined
  )
    return undefined;
  return { task, skill, maxScore, difficulty };
}

export const vprPlannedFormat: Format = {
  id: 'vpr_planned_fisoko',
  title: 'ВПР: «Достижение планируемых результатов» (выгрузка ФИС ОКО)',
  dataset: 'vpr_planned',
  columns,
  notes: [
    'Файл из «Аналитики» ФИС ОКО загружается как есть: над таблицей строки «Всероссийские проверочные работы 2026 (5 класс)» и «Предмет: …»; столбцы «№ задания», проверяемые умения, «Уровень» (может не быть), «Макс балл» и «Средний % выполнения» по группам.',
    'Строка под заголовком называет группы («Вся выборка», регион, муниципалитет, школы «(логин) наименование»), следующая может дать «Кол-во участников» каждой группы. Хранится одна строка на задание и группу.',
  ],
  detect(sheet) {
    const header = findHeader(sheet, columns);
    return header !== undefined && groupColumns(sheet, header.rowIndex, header.columns).length > 0;
  },
  parse(context) {
    const { sheet } = context;
    const header = findHeader(sheet, columns)!;
    const groupRow = header.rowIndex + 1;
    const found = groupColumns(sheet, header.rowIndex, header.columns);
    const hasCounts = isCountRow(sheet.rows[groupRow + 1] ?? [], found[0]!.column);
    const title = readExportTitle(context, header.rowIndex);
    const rows: VprPlannedRow[] = [];
    if (!title) return { dataset: 'vpr_planned', rows };
    const { year, grade, subject } = title;
    const mean = String(sheet.rows[header.rowIndex]?.[header.columns.get('mean')!] ?? '').trim();
    const classify = groupClassifier();
    let groups: GroupState[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(
      context,
      header,
      (row) => {
        if (row.number === groupRow + 1) {
          groups = readGroups(row, found, mean, classify);
          return;
        }
        if (hasCounts && row.number === groupRow + 2) {
          readCounts(row, groups);
          return;
        }
        const task = readTask(row);
        const percents = groups.map((g) =>
          g.participants === 0
            ? undefined
            : row.at(g.column, `${mean}, ${g.caption}`, percentCell, EXPECTED.percent),
        );
        if (!task) return;
        keys.push({ row: row.number, key: task.task });
        groups.forEach((g, i) => {
          const completionPct = percents[i];
          if (
            g.participants === 0 ||
            g.participants === undefined ||
            g.schoolId === undefined ||
            completionPct === undefined
          )
            return;
          rows.push({
            year,
            subject: subject.name,
            grade,
            level: g.group.level,
            schoolId: g.schoolId,
            groupName: g.group.name,
            participants: g.participants,
            ...task,
            completionPct,
          });
        });
      },
      groupRow,
    );
    checkDuplicates(keys, 'номер задания', context);
    return { dataset: 'vpr_planned', rows };
  },
};
