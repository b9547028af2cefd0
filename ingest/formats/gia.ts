/**
 * ОГЭ / ЕГЭ (РЦОИ): per-participant lists and per-school aggregates, canonical templates.
 * Columns with ФИО are never read. The exam comes from an «Экзамен» column or, when there
 * is none, from the scores given: a 100-point test score means ЕГЭ, otherwise ОГЭ.
 */
import { z } from 'zod';
import { findHeader, type ColumnSpec, type HeaderMatch } from '../header.ts';
import { EXPECTED, integerCell, schoolYearCell, scoreCell, textCell } from '../values.ts';
import { findSubject } from '../reference/subjects.ts';
import type { Exam, GiaParticipantRow, GiaSchoolRow } from '../datasets.ts';
import type { Format } from './format.ts';
import type { ParseContext } from './context.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import {
  LOGIN,
  PARTICIPANT_CODE,
  PARTICIPANTS,
  SCHOOL_NAME,
  SUBJECT,
  YEAR,
  hasSchoolColumn,
  noteDroppedNames,
} from './columns.ts';

const EXAMS: readonly Exam[] = ['ОГЭ', 'ЕГЭ', 'ГВЭ-9', 'ГВЭ-11'];
const EXAM = {
  key: 'exam',
  names: ['Экзамен', 'Форма ГИА', 'Вид экзамена', 'Форма проведения'],
  required: false,
} as const satisfies ColumnSpec;

const examCell = z.preprocess(
  (cell) =>
    EXAMS.find(
      (e) =>
        e.toLowerCase() ===
        String(cell ?? '')
          .trim()
          .toLowerCase(),
    ),
  z.string(),
);

const participantColumns = [
  YEAR,
  EXAM,
  LOGIN,
  SCHOOL_NAME,
  PARTICIPANT_CODE,
  SUBJECT,
  { key: 'primary', names: ['Первичный балл', 'Сумма первичных баллов'], required: false },
  {
    key: 'test',
    names: ['Тестовый балл', 'Итоговый балл', 'Балл ЕГЭ', 'Стобалльный балл'],
    required: false,
  },
  { key: 'mark', names: ['Отметка', 'Оценка', 'Отметка по пятибалльной шкале'], required: false },
] as const satisfies readonly ColumnSpec[];

type ParticipantKey = (typeof participantColumns)[number]['key'];

/** The exam of a row: its own cell, or what the file's columns imply. */
function examOf<K extends string>(row: RowReader<K | 'exam'>, implied: Exam): Exam | undefined {
  if (!row.has('exam')) return implied;
  return row.get('exam', examCell, `экзамен: ${EXAMS.join(', ')}`) as Exam | undefined;
}

function impliedExam<K extends string>(
  context: ParseContext,
  header: HeaderMatch<K | 'exam'>,
  isEge: boolean,
): Exam {
  const exam: Exam = isEge ? 'ЕГЭ' : 'ОГЭ';
  if (!header.columns.has('exam'))
    context.problems.add({
      severity: 'warning',
      file: context.file.name,
      sheet: context.sheet.name,
      message: `в файле нет столбца «Экзамен»: экзамен определён как ${exam} (${isEge ? 'есть тестовый 100-балльный результат' : 'нет тестового 100-балльного результата'})`,
    });
  return exam;
}

function readGiaSubject(row: RowReader<'subject'>): string | undefined {
  const text = row.get('subject', textCell, EXPECTED.text);
  if (text === undefined) return undefined;
  const subject = findSubject(text);
  if (!subject) row.error(row.caption('subject'), text, EXPECTED.giaSubject);
  return subject?.name;
}

/** Year, exam, subject and school of a row: the key of every ГИА result. */
function readGiaKey(row: RowReader<'year' | 'exam' | 'subject' | 'login' | 'name'>, implied: Exam) {
  return {
    year: row.get('year', schoolYearCell, EXPECTED.schoolYear),
    exam: examOf(row, implied),
    subject: readGiaSubject(row),
    schoolId: row.school('login', 'name'),
  };
}

const markFromCuts = (score: number, cuts: readonly [number, number, number]) =>
  score >= cuts[2] ? 5 : score >= cuts[1] ? 4 : score >= cuts[0] ? 3 : 2;

export const giaParticipantsFormat: Format = {
  id: 'gia_participants',
  title: 'ГИА (ОГЭ/ЕГЭ): результаты участников (шаблон)',
  dataset: 'gia_participants',
  columns: participantColumns,
  example: ['2025/26', 'ОГЭ', 'sch470101', 'Гимназия № 1', '2026101001', 'Математика', 18, null, 4],
  notes: [
    'Одна строка — один участник по одному предмету. Столбцы с ФИО можно оставить: они не загружаются.',
    'Для ОГЭ заполните «Первичный балл» и «Отметка», для ЕГЭ — «Тестовый балл» (и при наличии первичный).',
    'Первичный балл проверяется по шкале перевода (процедура × год × предмет), если она известна.',
  ],
  detect(sheet) {
    const header = findHeader(sheet, participantColumns);
    if (!header || !hasSchoolColumn(header.columns)) return false;
    return ['primary', 'test', 'mark'].some((k) => header.columns.has(k as ParticipantKey));
  },
  parse(context) {
    const header = findHeader(context.sheet, participantColumns)!;
    noteDroppedNames(context, header.rowIndex);
    const implied = impliedExam(context, header, header.columns.has('test'));
    const rows: GiaParticipantRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const { year, exam, subject, schoolId } = readGiaKey(row, implied);
      const participantCode = row.get('code', textCell, EXPECTED.text);
      const primaryScore = row.optional('primary', integerCell(0, 100), EXPECTED.score);
      const testScore = row.optional('test', integerCell(0, 100), EXPECTED.testScore);
      const mark = row.optional('mark', integerCell(2, 5), EXPECTED.mark);
      if (
        year === undefined ||
        !exam ||
        !subject ||
        schoolId === undefined ||
        participantCode === undefined ||
        primaryScore === undefined ||
        testScore === undefined ||
        mark === undefined
      )
        return;
      if (primaryScore === null && testScore === null && mark === null) {
        row.error(undefined, undefined, 'первичный балл, тестовый балл или отметка участника');
        return;
      }
      const scale = context.reference.scales.find(exam, year, subject);
      if (primaryScore !== null && scale?.maxPrimary != null && primaryScore > scale.maxPrimary) {
        row.error(
          row.caption('primary'),
          String(primaryScore),
          `первичный балл от 0 до ${scale.maxPrimary} (шкала ${exam} ${year} г., «${subject}»)`,
        );
        return;
      }
      if (primaryScore !== null && mark !== null && scale?.cuts) {
        const expected = markFromCuts(primaryScore, scale.cuts);
        if (expected !== mark)
          row.warn(
            row.caption('mark'),
            String(mark),
            `по шкале (${scale.cuts.join(' / ')}) первичному баллу ${primaryScore} соответствует отметка «${expected}»; проверьте, нет ли дополнительных условий`,
          );
      }
      rows.push({ year, exam, subject, schoolId, participantCode, primaryScore, testScore, mark });
      keys.push({ row: row.number, key: `${year}|${exam}|${subject}|${participantCode}` });
    });
    checkDuplicates(keys, 'учебный год, экзамен, предмет и код участника', context);
    return { dataset: 'gia_participants', rows };
  },
};

const schoolColumns = [
  YEAR,
  EXAM,
  LOGIN,
  SCHOOL_NAME,
  SUBJECT,
  PARTICIPANTS,
  {
    key: 'mean',
    names: ['Средний тестовый балл', 'Средний балл'],
    required: false,
  },
  {
    key: 'belowMin',
    names: [
      'Не преодолели минимальный порог',
      'Не преодолели порог',
      'Ниже минимального порога',
      'Кол-во не преодолевших порог',
    ],
    required: false,
  },
  {
    key: 'n81',
    names: ['Набрали 81–99 баллов', 'Набрали 81-99 баллов', '81–99 баллов', '81-99 баллов'],
    required: false,
  },
  { key: 'n100', names: ['Набрали 100 баллов', '100 баллов', 'Стобалльники'], required: false },
  { key: 'n2', names: ['Кол-во «2»', '«2»'], required: false },
  { key: 'n3', names: ['Кол-во «3»', '«3»'], required: false },
  { key: 'n4', names: ['Кол-во «4»', '«4»'], required: false },
  { key: 'n5', names: ['Кол-во «5»', '«5»'], required: false },
] as const satisfies readonly ColumnSpec[];

type SchoolKey = (typeof schoolColumns)[number]['key'];
const MARK_KEYS = ['n2', 'n3', 'n4', 'n5'] as const;

export const giaSchoolsFormat: Format = {
  id: 'gia_schools',
  title: 'ГИА (ОГЭ/ЕГЭ): итоги по ОО (шаблон)',
  dataset: 'gia_schools',
  columns: schoolColumns,
  example: [
    '2025/26',
    'ЕГЭ',
    'sch470101',
    'Гимназия № 1',
    'Русский язык',
    41,
    74.5,
    0,
    12,
    1,
    null,
    null,
    null,
    null,
  ],
  notes: [
    'Одна строка — одна школа по одному предмету. Для ЕГЭ заполните средний тестовый балл и численность групп по баллам, для ОГЭ — количество отметок «2»–«5».',
    'Все численности не больше числа участников; сумма отметок равна числу участников.',
  ],
  detect(sheet) {
    const header = findHeader(sheet, schoolColumns);
    if (!header || !hasSchoolColumn(header.columns)) return false;
    // Mark counts alone also fit a ВПР table without its «Класс»: they need an «Экзамен» column.
    const byScores = (['mean', 'belowMin'] as SchoolKey[]).some((k) => header.columns.has(k));
    return byScores || (header.columns.has('exam') && header.columns.has('n2'));
  },
  parse(context) {
    const header = findHeader(context.sheet, schoolColumns)!;
    const hasTest =
      header.columns.has('n81') || header.columns.has('n100') || header.columns.has('belowMin');
    const implied = impliedExam(context, header, hasTest);
    const hasMarks = MARK_KEYS.every((k) => header.columns.has(k));
    const rows: GiaSchoolRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const { year, exam, subject, schoolId } = readGiaKey(row, implied);
      const participants = row.get('participants', integerCell(1), EXPECTED.positiveCount);
      const meanScore = row.optional('mean', scoreCell, EXPECTED.testScore);
      const counted = (['belowMin', 'n81', 'n100'] as const).map((k) =>
        row.optional(k, integerCell(0), EXPECTED.count),
      );
      const marks = hasMarks
        ? MARK_KEYS.map((k) => row.get(k, integerCell(0), EXPECTED.count))
        : undefined;
      if (
        year === undefined ||
        !exam ||
        !subject ||
        schoolId === undefined ||
        participants === undefined ||
        meanScore === undefined ||
        counted.includes(undefined) ||
        marks?.includes(undefined)
      )
        return;
      const [nBelowMin, n81to99, n100] = counted as (number | null)[];
      const groups = (nBelowMin ?? 0) + (n81to99 ?? 0) + (n100 ?? 0);
      if (groups > participants) {
        row.error(
          row.caption('participants'),
          String(participants),
          `не меньше суммы групп по баллам (${groups}): не преодолевшие порог, 81–99 и 100 баллов`,
        );
        return;
      }
      const markCounts = marks as [number, number, number, number] | undefined;
      const markSum = markCounts?.reduce((a, b) => a + b, 0);
      if (markSum !== undefined && markSum !== participants) {
        row.error(
          row.caption('participants'),
          String(participants),
          `сумма отметок «2»–«5» (${markSum}) равна числу участников`,
        );
        return;
      }
      rows.push({
        year,
        exam,
        subject,
        schoolId,
        participants,
        meanScore,
        nBelowMin: nBelowMin ?? null,
        n81to99: n81to99 ?? null,
        n100: n100 ?? null,
        marks: markCounts ?? null,
      });
      keys.push({ row: row.number, key: `${year}|${exam}|${subject}|${schoolId}` });
    });
    checkDuplicates(keys, 'учебный год, экзамен, предмет и ОО', context);
    return { dataset: 'gia_schools', rows };
  },
};
