/** Column specs that many canonical templates share, with the synonyms found in real files. */
import type { ColumnSpec } from '../header.ts';
import type { ParseContext } from './context.ts';

export const YEAR = {
  key: 'year',
  names: ['Учебный год', 'Год', 'Год проведения'],
  required: true,
} as const satisfies ColumnSpec;
export const LOGIN = {
  key: 'login',
  names: ['Логин ОО', 'Логин', 'Логин ФИС ОКО', 'Код ОО'],
  required: false,
} as const satisfies ColumnSpec;
export const SCHOOL_NAME = {
  key: 'name',
  names: ['Наименование ОО', 'ОО', 'Школа', 'Название ОО', 'Образовательная организация'],
  required: false,
} as const satisfies ColumnSpec;
export const SUBJECT = {
  key: 'subject',
  names: ['Предмет', 'Учебный предмет'],
  required: true,
} as const satisfies ColumnSpec;
export const GRADE = {
  key: 'grade',
  names: ['Класс', 'Параллель'],
  required: true,
} as const satisfies ColumnSpec;
export const PARTICIPANTS = {
  key: 'participants',
  names: ['Кол-во участников', 'Количество участников', 'Участники', 'Участников'],
  required: true,
} as const satisfies ColumnSpec;
export const PARTICIPANT_CODE = {
  key: 'code',
  names: ['Код участника', 'Номер участника', 'ID участника', 'Идентификатор участника'],
  required: true,
} as const satisfies ColumnSpec;
export const SCORE_PCT = {
  key: 'score',
  names: ['Результат, %', 'Процент выполнения', '% выполнения', 'Балл, %', 'Результат в %'],
  required: false,
} as const satisfies ColumnSpec;

/** A school is named by a login, a name, or both. */
export const hasSchoolColumn = (columns: ReadonlyMap<string, number>) =>
  columns.has('login') || columns.has('name');

/** Columns holding personal names: never read, never stored. */
const PERSONAL = /(^|[\s(])(фио|фамилия|имя|отчество)([\s),.]|$)/i;

export function personalColumns(header: readonly (string | number | null)[]): string[] {
  return header.filter((c): c is string => typeof c === 'string' && PERSONAL.test(c.trim()));
}

/** A warning that the file's name columns were left out, so the user sees they are not stored. */
export function noteDroppedNames(context: ParseContext, headerRow: number): void {
  const dropped = personalColumns(context.sheet.rows[headerRow] ?? []);
  if (dropped.length > 0)
    context.problems.add({
      severity: 'warning',
      file: context.file.name,
      sheet: context.sheet.name,
      column: dropped.join(', '),
      message: 'столбцы с ФИО не загружаются: персональные данные в хранилище не попадают',
    });
}
