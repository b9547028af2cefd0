/**
 * Teacher competence diagnostics (ЦНППМ): per teacher × competence area, a % score and/or a
 * difficulty level. The teacher's name (or code) only feeds a keyed hash and is not stored.
 */
import { findHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, percentCell, schoolYearCell, textCell } from '../values.ts';
import type { TeacherDiagRow } from '../datasets.ts';
import { teacherKey } from '../teacher-key.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows } from './row-reader.ts';
import { LOGIN, SCHOOL_NAME, SCORE_PCT, YEAR, hasSchoolColumn } from './columns.ts';

const columns = [
  YEAR,
  LOGIN,
  SCHOOL_NAME,
  {
    key: 'person',
    names: ['ФИО педагога', 'ФИО', 'Педагог', 'Код педагога', 'Табельный номер', 'СНИЛС'],
    required: true,
  },
  { key: 'subject', names: ['Предмет', 'Преподаваемый предмет', 'Должность'], required: false },
  {
    key: 'area',
    names: ['Область компетенций', 'Компетенция', 'Блок', 'Область', 'Блок компетенций'],
    required: true,
  },
  SCORE_PCT,
  {
    key: 'level',
    names: ['Уровень затруднений', 'Уровень дефицита', 'Уровень профессиональных затруднений'],
    required: false,
  },
] as const satisfies readonly ColumnSpec[];

export const teacherDiagFormat: Format = {
  id: 'teacher_diag',
  title: 'Диагностика педагогов (шаблон)',
  dataset: 'teacher_diag',
  columns,
  example: [
    '2025/26',
    'sch470101',
    'Гимназия № 1',
    'Иванова Мария Петровна',
    'Математика',
    'Методическая',
    64,
    'средний уровень затруднений',
  ],
  notes: [
    'Одна строка — один педагог по одной области компетенций. Нужен результат в процентах или уровень затруднений (или оба).',
    'ФИО (или код) педагога не сохраняется: из него вместе с логином школы строится обезличенный ключ (HMAC-SHA256 с секретом, который хранится отдельно от базы).',
    'Подписи уровней сопоставляются пяти уровням (отсутствие, низкий, средний, высокий, критический) по файлу уровней.',
  ],
  detect(sheet) {
    const header = findHeader(sheet, columns);
    return (
      header !== undefined &&
      hasSchoolColumn(header.columns) &&
      (header.columns.has('score') || header.columns.has('level'))
    );
  },
  parse(context) {
    const header = findHeader(context.sheet, columns)!;
    const scale = context.reference.levels.teacher;
    const rows: TeacherDiagRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const year = row.get('year', schoolYearCell, EXPECTED.schoolYear);
      const schoolId = row.school('login', 'name');
      const person = row.get('person', textCell, EXPECTED.text);
      const area = row.get('area', textCell, EXPECTED.text);
      const scorePct = row.optional('score', percentCell, EXPECTED.percent);
      const levelRaw = row.text('level') ?? null;
      const level = levelRaw === null ? null : scale.ofLabel(levelRaw);
      if (levelRaw !== null && !level)
        row.error(row.caption('level'), levelRaw, `уровень затруднений: ${scale.known.join(', ')}`);
      if (levelRaw === null && scorePct === null)
        row.error(undefined, undefined, 'результат в процентах или уровень затруднений');
      if (
        year === undefined ||
        schoolId === undefined ||
        person === undefined ||
        area === undefined ||
        scorePct === undefined ||
        level === undefined ||
        (levelRaw === null && scorePct === null)
      )
        return;
      const key = teacherKey(context.reference.teacherSalt(), schoolId, person);
      rows.push({
        year,
        schoolId,
        teacherKey: key,
        subject: row.text('subject') ?? null,
        area,
        scorePct,
        levelRaw,
        level: level ?? scale.ofScore(scorePct!),
      });
      keys.push({ row: row.number, key: `${year}|${key}|${area.toLowerCase()}` });
    });
    checkDuplicates(keys, 'учебный год, педагог и область компетенций', context);
    return { dataset: 'teacher_diag', rows };
  },
};
