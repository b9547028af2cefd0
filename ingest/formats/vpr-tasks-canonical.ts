/**
 * ВПР task results in our canonical template: one row per school × subject × grade × task with
 * the % of the maximum score reached. The long layout a regional or national system exports
 * (and the scale benchmark writes); stored like the ФИС ОКО «Выполнение заданий» report.
 */
import type { ColumnSpec } from '../header.ts';
import { EXPECTED, integerCell, percentCell, schoolYearCell, textCell } from '../values.ts';
import type { VprTaskRow } from '../datasets.ts';
import type { Format } from './format.ts';
import { cellField, readRecords, type RecordLayout } from './fields.ts';
import {
  PARTICIPANTS_COLUMN,
  VPR_SCHOOL_FIELD,
  VPR_SUBJECT_FIELD,
  VPR_TEMPLATE_COLUMNS,
  detectTemplate,
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

type Key = (typeof columns)[number]['key'];

/** One field per cell group, in the order the row's problems are reported. */
const layout: RecordLayout<Key> = {
  columns,
  fields: [
    cellField('year', 'year', 'INTEGER', schoolYearCell, EXPECTED.schoolYear),
    VPR_SUBJECT_FIELD,
    cellField('task', 'task', 'VARCHAR', textCell, EXPECTED.text),
    cellField('maxScore', 'maxScore', 'INTEGER', integerCell(1), EXPECTED.positiveCount),
    {
      keys: ['difficulty'],
      types: { difficulty: 'VARCHAR' },
      read(row) {
        const difficulty =
          row.optional('difficulty', textCell, EXPECTED.text)?.toUpperCase() ?? null;
        if (difficulty === null || DIFFICULTIES.includes(difficulty)) return { difficulty };
        row.error(row.caption('difficulty'), difficulty, 'Б, П или В (или пусто)');
        return undefined;
      },
    },
    cellField('participants', 'participants', 'INTEGER', integerCell(1), EXPECTED.positiveCount),
    cellField('completion', 'completionPct', 'DOUBLE', percentCell, EXPECTED.percent),
    VPR_SCHOOL_FIELD,
  ],
  constants: { level: 'school' },
  unique: {
    keys: ['year', 'schoolId', 'subject', 'grade', 'task'],
    title: 'учебный год, ОО, предмет, класс и задание',
  },
};

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
  layout,
  parse: (context) => ({
    dataset: 'vpr_tasks',
    rows: readRecords(context, layout) as unknown as VprTaskRow[],
  }),
};
