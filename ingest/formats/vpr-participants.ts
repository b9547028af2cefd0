/**
 * ВПР «Индивидуальные результаты» (выгрузка ФИС ОКО, форма Ф1): title rows (work, subject,
 * max primary score), the level row Б / П over the task columns, the header and one row per
 * pupil with the points per task (`X` for a task not done), the primary score, the mark and
 * the journal mark. Pupils are known by their code only: columns with ФИО are never read.
 */
import { findHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, integerCell, isMissing, textCell } from '../values.ts';
import type { VprParticipantRow } from '../datasets.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import { readExportTitle, taskColumns } from './fisoko.ts';
import { PARTICIPANT_CODE, noteDroppedNames } from './columns.ts';
import { checkTaskCodes, headerCaption, type TaskColumn } from './vpr-tasks.ts';

const columns = [
  { key: 'login', names: ['ОО', 'Логин ОО', 'Код ОО'], required: true },
  { key: 'municipality', names: ['Муниципалитет'], required: false },
  { key: 'name', names: ['Название ОО'], required: false },
  PARTICIPANT_CODE,
  { key: 'className', names: ['Класс'], required: true },
  { key: 'variant', names: ['Вариант'], required: true },
  { key: 'primary', names: ['Первичный балл'], required: true },
  { key: 'mark', names: ['Отметка'], required: true },
  { key: 'journal', names: ['Отметка по журналу'], required: false },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof columns)[number]['key'];

/** The level row Б / П is the row above the header. */
const levelRowOf = (headerRow: number) => headerRow - 1;

/** Points for one task: null when not done (`X`, `Х`, `-`, empty), undefined when bad. */
function taskScore(
  row: RowReader<Key>,
  task: TaskColumn,
  caption: string,
): number | null | undefined {
  if (isMissing(row.cells[task.column] ?? null)) return null;
  const score = row.at(
    task.column,
    caption,
    integerCell(0),
    'целое число баллов не меньше 0 или «X» (задание не выполнялось)',
  );
  if (score !== undefined && score > task.maxScore) {
    row.error(
      caption,
      String(score),
      `балл не больше максимального за задание ${task.task}: ${task.maxScore}`,
    );
    return undefined;
  }
  return score;
}

export const vprParticipantsFormat: Format = {
  id: 'vpr_participants_fisoko',
  title: 'ВПР: «Индивидуальные результаты» (выгрузка ФИС ОКО)',
  dataset: 'vpr_participants',
  columns,
  notes: [
    'Файл «Индивидуальные результаты» (форма Ф1) ФИС ОКО загружается как есть: над таблицей строки «ВПР 2026 Русский язык 5 класс», «Предмет: …» и «Максимальный первичный балл: N», над столбцами заданий «1К1 (4б)» — уровень Б / П.',
    'Балл за задание — от 0 до максимума задания или «X» (задание не выполнялось, хранится пустым); сумма баллов за задания равна первичному баллу. Участник известен только по коду: столбцы с ФИО не загружаются.',
  ],
  detect(sheet) {
    const header = findHeader(sheet, columns);
    return (
      header !== undefined &&
      taskColumns(sheet, header.rowIndex, levelRowOf(header.rowIndex)).length > 0
    );
  },
  parse(context) {
    const { sheet } = context;
    const header = findHeader(sheet, columns)!;
    const h = header.rowIndex;
    noteDroppedNames(context, h);
    const tasks = taskColumns(sheet, h, levelRowOf(h));
    checkTaskCodes(context, h, tasks);
    const captions = tasks.map((task) => headerCaption(sheet, h, task.column));
    const title = readExportTitle(context, h);
    const rows: VprParticipantRow[] = [];
    if (!title) return { dataset: 'vpr_participants', rows };
    const { year, grade, subject, maxScore } = title;
    const primaryExpected =
      maxScore === undefined
        ? EXPECTED.score
        : `целое число баллов от 0 до ${maxScore} (максимальный первичный балл)`;
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const schoolId = row.school('login', 'name');
      const participantCode = row.get('code', textCell, EXPECTED.text);
      const scores = tasks.map((task, i) => taskScore(row, task, captions[i]!));
      const primaryScore = row.get('primary', integerCell(0, maxScore), primaryExpected);
      const mark = row.get('mark', integerCell(2, 5), EXPECTED.mark);
      const journalMark = row.optional(
        'journal',
        integerCell(2, 5),
        `${EXPECTED.mark} или пустая ячейка`,
      );
      if (
        schoolId === undefined ||
        participantCode === undefined ||
        primaryScore === undefined ||
        mark === undefined ||
        journalMark === undefined ||
        scores.some((s) => s === undefined)
      )
        return;
      const sum = scores.reduce<number>((a, s) => a + (s ?? 0), 0);
      if (sum !== primaryScore) {
        row.error(
          row.caption('primary'),
          String(primaryScore),
          `сумма баллов за задания (${sum}; «X» — 0 баллов) равна первичному баллу`,
        );
        return;
      }
      rows.push({
        year,
        subject: subject.name,
        grade,
        schoolId,
        participantCode,
        className: row.text('className') ?? null,
        variant: row.text('variant') ?? null,
        primaryScore,
        mark,
        journalMark,
        tasks: tasks.map((task, i) => ({
          task: task.task,
          maxScore: task.maxScore,
          difficulty: task.difficulty,
          score: scores[i] ?? null,
        })),
      });
      keys.push({ row: row.number, key: `${schoolId}|${participantCode}` });
    });
    checkDuplicates(keys, 'ОО и код участника', context);
    return { dataset: 'vpr_participants', rows };
  },
};
