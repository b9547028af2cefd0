/** Reading a ВПР subject and grade, and the small-group warning, shared by the ВПР formats. */
import { EXPECTED, integerCell, textCell } from '../values.ts';
import { findSubject, type Subject } from '../reference/subjects.ts';
import type { RowReader } from './row-reader.ts';
import type { Field } from './fields.ts';
import { findHeader, type ColumnSpec } from '../header.ts';
import type { Sheet } from '../read/table.ts';

/** The columns our canonical ВПР templates share: year, the school (login and/or name), grade, subject. */
export const VPR_TEMPLATE_COLUMNS = [
  { key: 'year', names: ['Учебный год', 'Год'], required: true },
  { key: 'login', names: ['Логин ОО', 'Логин', 'Логин ФИС ОКО', 'Код ОО'], required: false },
  { key: 'name', names: ['Наименование ОО', 'ОО', 'Школа', 'Название ОО'], required: false },
  { key: 'grade', names: ['Класс', 'Параллель'], required: true },
  { key: 'subject', names: ['Предмет', 'Учебный предмет'], required: true },
] as const satisfies readonly ColumnSpec[];

export const PARTICIPANTS_COLUMN = {
  key: 'participants',
  names: ['Кол-во участников', 'Количество участников', 'Участники', 'Участников'],
  required: true,
} as const satisfies ColumnSpec;

/** A canonical template is the sheet with all its required columns and a school column. */
export const detectTemplate = (columns: readonly ColumnSpec[]) => (sheet: Sheet) => {
  const header = findHeader(sheet, columns);
  return header !== undefined && (header.columns.has('login') || header.columns.has('name'));
};

/** Groups smaller than this get a warning: their shares will be marked «мало данных». */
const MIN_RELIABLE_N = 10;

/** ВПР subject and grade from two cells; undefined (with an error) when unknown or not written. */
export function readVprSubject(
  row: RowReader<'subject' | 'grade'>,
): { subject: Subject; grade: number } | undefined {
  const grade = row.get('grade', integerCell(1, 11), EXPECTED.grade);
  const text = row.get('subject', textCell, EXPECTED.text);
  const subject = text === undefined ? undefined : findSubject(text);
  if (text !== undefined && !subject) row.error(row.caption('subject'), text, EXPECTED.vprSubject);
  if (!subject || grade === undefined) return undefined;
  if (!subject.vprGrades.includes(grade)) {
    row.error(row.caption('grade'), String(grade), vprGradeExpected(subject));
    return undefined;
  }
  return { subject, grade };
}

export const vprGradeExpected = (subject: Subject) =>
  `класс, в котором пишут ВПР по предмету «${subject.name}»: ${subject.vprGrades.join(', ')}`;

/** `who`: the group, when the row's cells alone do not say (a ФИС ОКО group row). */
export function warnSmallGroup(row: RowReader<string>, participants: number, who?: string): void {
  if (participants < MIN_RELIABLE_N)
    row.warn(
      'Кол-во участников',
      String(participants),
      `мало участников${who ? ` (${who})` : ''}: доли будут помечены «мало данных»`,
    );
}

/** The field of our ВПР templates' subject and grade cells. */
export const VPR_SUBJECT_FIELD: Field<'subject' | 'grade'> = {
  keys: ['subject', 'grade'],
  types: { subject: 'VARCHAR', grade: 'INTEGER' },
  read(row) {
    const vpr = readVprSubject(row);
    return vpr && { subject: vpr.subject.name, grade: vpr.grade };
  },
};

/** The field of our ВПР templates' school cells: the school and the name its rows carry. */
export const VPR_SCHOOL_FIELD: Field<'login' | 'name'> = {
  keys: ['login', 'name'],
  types: { schoolId: 'VARCHAR', groupName: 'VARCHAR' },
  read(row) {
    const schoolId = row.school('login', 'name');
    if (schoolId === undefined) return undefined;
    return { schoolId, groupName: row.text('name') ?? row.text('login') ?? schoolId };
  },
};
