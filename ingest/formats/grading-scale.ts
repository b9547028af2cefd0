/**
 * «Шкалы перевода баллов»: per exam × year × subject (× grade) the max primary score, the
 * lowest primary score for marks 3/4/5 and the ЕГЭ minimum. Loaded scales take precedence
 * over the shipped defaults.
 */
import { z } from 'zod';
import { findHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, integerCell, schoolYearCell, textCell } from '../values.ts';
import { findSubject } from '../reference/subjects.ts';
import type { GradingScaleRow } from '../datasets.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows } from './row-reader.ts';
import { SUBJECT, YEAR } from './columns.ts';

const PROCEDURES = ['ВПР', 'ОГЭ', 'ЕГЭ', 'ГВЭ-9', 'ГВЭ-11'];
const procedureCell = z.preprocess(
  (cell) =>
    PROCEDURES.find(
      (p) =>
        p.toLowerCase() ===
        String(cell ?? '')
          .trim()
          .toLowerCase(),
    ),
  z.string(),
);

const columns = [
  { key: 'exam', names: ['Процедура', 'Экзамен', 'Оценочная процедура'], required: true },
  YEAR,
  SUBJECT,
  { key: 'grade', names: ['Класс', 'Параллель'], required: false },
  {
    key: 'max',
    names: ['Максимальный первичный балл', 'Макс. первичный балл', 'Макс балл'],
    required: true,
  },
  {
    key: 'min',
    names: ['Минимальный балл', 'Минимальный тестовый балл', 'Порог'],
    required: false,
  },
  { key: 'cut3', names: ['Отметка «3» от', 'Мин. балл на «3»', '«3» от'], required: false },
  { key: 'cut4', names: ['Отметка «4» от', 'Мин. балл на «4»', '«4» от'], required: false },
  { key: 'cut5', names: ['Отметка «5» от', 'Мин. балл на «5»', '«5» от'], required: false },
] as const satisfies readonly ColumnSpec[];

export const gradingScaleFormat: Format = {
  id: 'grading_scale',
  title: 'Шкалы перевода баллов (шаблон)',
  dataset: 'grading_scale',
  columns,
  example: ['ОГЭ', '2025/26', 'Математика', 9, 31, null, 8, 15, 22],
  notes: [
    'Одна строка — шкала одной процедуры по одному предмету в одном году. Для ЕГЭ укажите минимальный тестовый балл; для ОГЭ и ВПР — первичный балл, с которого ставится «3», «4», «5».',
    'Загруженная шкала заменяет шкалу по умолчанию для той же процедуры, года и предмета.',
  ],
  detect: (sheet) => findHeader(sheet, columns) !== undefined,
  parse(context) {
    const header = findHeader(context.sheet, columns)!;
    const rows: GradingScaleRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const exam = row.get('exam', procedureCell, `процедура: ${PROCEDURES.join(', ')}`);
      const year = row.get('year', schoolYearCell, EXPECTED.schoolYear);
      const subjectText = row.get('subject', textCell, EXPECTED.text);
      const subject = subjectText === undefined ? undefined : findSubject(subjectText);
      if (subjectText !== undefined && !subject)
        row.error(row.caption('subject'), subjectText, EXPECTED.giaSubject);
      const grade = row.optional('grade', integerCell(1, 11), EXPECTED.grade);
      const maxPrimary = row.get('max', integerCell(1, 200), 'целое число от 1 до 200');
      const minScore = row.optional('min', integerCell(0, 100), EXPECTED.testScore);
      const cuts = (['cut3', 'cut4', 'cut5'] as const).map((k) =>
        row.optional(k, integerCell(0, 200), EXPECTED.score),
      );
      if (
        exam === undefined ||
        year === undefined ||
        !subject ||
        grade === undefined ||
        maxPrimary === undefined ||
        minScore === undefined ||
        cuts.includes(undefined)
      )
        return;
      const given = cuts.filter((c) => c !== null) as number[];
      if (given.length > 0 && given.length < 3) {
        row.error(row.caption('cut3'), given.join(' / '), 'все три границы: «3», «4» и «5»');
        return;
      }
      if (
        given.length === 3 &&
        !(given[0]! < given[1]! && given[1]! < given[2]! && given[2]! <= maxPrimary)
      ) {
        row.error(
          row.caption('cut3'),
          given.join(' / '),
          `возрастающие границы не больше максимального балла (${maxPrimary})`,
        );
        return;
      }
      rows.push({
        exam,
        year,
        subject: subject.name,
        grade,
        maxPrimary,
        minScore,
        cuts: given.length === 3 ? (given as [number, number, number]) : null,
      });
      keys.push({ row: row.number, key: `${exam}|${year}|${subject.name}|${grade ?? ''}` });
    });
    checkDuplicates(keys, 'процедура, год, предмет и класс', context);
    return { dataset: 'grading_scale', rows };
  },
};
