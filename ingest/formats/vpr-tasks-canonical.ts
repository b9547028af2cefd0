/**
 * ВПР task results in our canonical template: one row per school × subject × grade × task with
 * the % of the maximum score reached. The long layout a regional or national system exports
 * (and the scale benchmark writes); stored like the ФИС ОКО «Выполнение заданий» report.
 */
import { findHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, integerCell, percentCell, schoolYearCell, textCell } from '../values.ts';
import type { VprTaskRow } from '../datasets.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows } from './row-reader.ts';
import {
  PARTICIPANTS_COLUMN,
  VPR_TEMPLATE_COLUMNS,
  detectTemplate,
  readVprSubject,
} from './vpr-subject.ts';

const DIFFICULTIES = ['Б', 'П', 'В'];

const columns = [
  ...VPR_TEMPLATE_COLUMNS,
  { key: 'task', names: ['Задание', 'Номер задания', '№ задания'], required: true },
  { key: 'maxScore', names: ['Макс. балл', 'Максимальный балл'], required: true },
  { key: 'difficulty', names: ['Уровень сложности', 'Уровень задания'], required: false },
  PARTICIPANTS_COLUMN,
  {
    key: 'completion',
    names: ['Выполнение, %', 'Процент выполнения', '% выполнения'],
    required: true,
  },
] as const satisfies readonly ColumnSpec[];

export const vprTasksCanonicalFormat: Format = {
  id: 'vpr_tasks_canonical',
  title: 'ВПР: выполнение заданий по ОО (шаблон)',
  dataset: 'vpr_tasks',
  columns,
  notes: [
    'Одна строка — одно задание одной школы по предмету в классе: процент выполнения от максимального балла (0–100) при указанном числе участников.',
    'Уровень сложности — Б (базовый), П (повышенный) или В (высокий); может быть пустым. Хранится так же, как отчёт ФИС ОКО «Выполнение заданий».',
  ],
  example: ['2025/26', 'sch470101', 'Гимназия № 1', 5, 'Математика', '9.1', 2, 'П', 52, 61.5],
  detect: detectTemplate(columns),
  parse(context) {
    const header = findHeader(context.sheet, columns)!;
    const rows: VprTaskRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const year = row.get('year', schoolYearCell, EXPECTED.schoolYear);
      const vpr = readVprSubject(row);
      const task = row.get('task', textCell, EXPECTED.text);
      const maxScore = row.get('maxScore', integerCell(1), EXPECTED.positiveCount);
      const difficulty = row.optional('difficulty', textCell, EXPECTED.text)?.toUpperCase() ?? null;
      const badDifficulty = difficulty !== null && !DIFFICULTIES.includes(difficulty);
      if (badDifficulty) row.error(row.caption('difficulty'), difficulty, 'Б, П или В (или пусто)');
      const participants = row.get('participants', integerCell(1), EXPECTED.positiveCount);
      const completionPct = row.get('completion', percentCell, EXPECTED.percent);
      const schoolId = row.school('login', 'name');
      if (
        year === undefined ||
        !vpr ||
        task === undefined ||
        maxScore === undefined ||
        participants === undefined ||
        completionPct === undefined ||
        schoolId === undefined ||
        badDifficulty
      )
        return;
      const { subject, grade } = vpr;
      rows.push({
        year,
        subject: subject.name,
        grade,
        level: 'school',
        schoolId,
        groupName: row.text('name') ?? row.text('login') ?? schoolId,
        participants,
        task,
        maxScore,
        difficulty,
        completionPct,
      });
      keys.push({ row: row.number, key: `${year}|${schoolId}|${subject.name}|${grade}|${task}` });
    });
    checkDuplicates(keys, 'учебный год, ОО, предмет, класс и задание', context);
    return { dataset: 'vpr_tasks', rows };
  },
};
