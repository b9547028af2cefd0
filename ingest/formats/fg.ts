/**
 * Functional literacy (ФГ): per school × direction × grade counts of pupils at each level,
 * and per-participant results (level and/or % score). Level labels are mapped to the five
 * canonical levels through the configurable mapping; the raw label is kept.
 */
import { findHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, integerCell, percentCell, schoolYearCell, textCell } from '../values.ts';
import { FG_DIRECTION_EXPECTED, findFgDirection } from '../reference/fg-directions.ts';
import { loadLevelMappings, type LevelScale } from '../reference/levels.ts';
import type { FgLevelsRow, FgParticipantRow } from '../datasets.ts';
import type { Cell, Sheet } from '../read/table.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import {
  LOGIN,
  PARTICIPANT_CODE,
  SCHOOL_NAME,
  SCORE_PCT,
  YEAR,
  hasSchoolColumn,
  noteDroppedNames,
} from './columns.ts';

const DIRECTION = {
  key: 'direction',
  names: ['Направление', 'Направление ФГ', 'Вид грамотности', 'Вид функциональной грамотности'],
  required: true,
} as const satisfies ColumnSpec;
const FG_GRADE = { key: 'grade', names: ['Класс', 'Параллель'], required: true } as const;

type FgKey = 'year' | 'direction' | 'grade' | 'login' | 'name';

/** Year, direction, grade and school of a row: the key of every ФГ result. */
function readFgKey(row: RowReader<FgKey>) {
  return {
    year: row.get('year', schoolYearCell, EXPECTED.schoolYear),
    direction: readDirection(row),
    grade: row.get('grade', integerCell(1, 11), EXPECTED.grade),
    schoolId: row.school('login', 'name'),
  };
}

function readDirection(row: RowReader<'direction'>): string | undefined {
  const text = row.get('direction', textCell, EXPECTED.text);
  if (text === undefined) return undefined;
  const direction = findFgDirection(text);
  if (!direction) row.error(row.caption('direction'), text, FG_DIRECTION_EXPECTED);
  return direction;
}

/** Columns of the header row whose caption is a known level label. */
function levelColumns(row: readonly Cell[], levels: LevelScale) {
  return row.flatMap((cell, column) => {
    const label = cell === null ? '' : String(cell).trim();
    const level = label ? levels.ofLabel(label) : undefined;
    return level ? [{ column, label, level }] : [];
  });
}

const levelsColumns = [
  YEAR,
  LOGIN,
  SCHOOL_NAME,
  DIRECTION,
  FG_GRADE,
  {
    key: 'participants',
    names: ['Кол-во участников', 'Количество участников', 'Участники'],
    required: false,
  },
] as const satisfies readonly ColumnSpec[];

const levelsHeader = (sheet: Sheet) => {
  const header = findHeader(sheet, levelsColumns);
  if (!header || !hasSchoolColumn(header.columns)) return undefined;
  return levelColumns(sheet.rows[header.rowIndex] ?? [], loadLevelMappings().fg).length >= 3
    ? header
    : undefined;
};

export const fgLevelsFormat: Format = {
  id: 'fg_levels',
  title: 'ФГ: уровни по ОО (шаблон)',
  dataset: 'fg_levels',
  columns: [
    ...levelsColumns,
    { key: 'недостаточный', names: ['Недостаточный'], required: true },
    { key: 'низкий', names: ['Низкий'], required: true },
    { key: 'средний', names: ['Средний'], required: true },
    { key: 'повышенный', names: ['Повышенный'], required: true },
    { key: 'высокий', names: ['Высокий'], required: true },
  ],
  example: [
    '2025/26',
    'sch470101',
    'Гимназия № 1',
    'Читательская грамотность',
    9,
    60,
    1,
    4,
    20,
    25,
    10,
  ],
  notes: [
    'Одна строка — одна школа по одному направлению в одном классе; в столбцах уровней — число участников.',
    'Подписи уровней могут быть своими (например, четыре уровня «пониженный / базовый / повышенный / высокий»): они сопоставляются пяти уровням по файлу ingest/reference/levels.default.json (или LEVELS_PATH). Исходная подпись сохраняется.',
    'Если заполнено «Кол-во участников», оно должно равняться сумме по уровням.',
  ],
  detect: (sheet) => levelsHeader(sheet) !== undefined,
  parse(context) {
    const header = levelsHeader(context.sheet)!;
    const levels = levelColumns(
      context.sheet.rows[header.rowIndex] ?? [],
      context.reference.levels.fg,
    );
    const rows: FgLevelsRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const { year, direction, grade, schoolId } = readFgKey(row);
      const participants = row.optional('participants', integerCell(0), EXPECTED.count);
      const counts = levels.map((l) => row.at(l.column, l.label, integerCell(0), EXPECTED.count));
      if (
        year === undefined ||
        !direction ||
        grade === undefined ||
        schoolId === undefined ||
        participants === undefined ||
        counts.includes(undefined)
      )
        return;
      const total = (counts as number[]).reduce((a, b) => a + b, 0);
      if (participants !== null && participants !== total) {
        row.error(
          row.caption('participants'),
          String(participants),
          `сумма по уровням (${total}) равна числу участников`,
        );
        return;
      }
      if (total === 0) return;
      levels.forEach((l, i) =>
        rows.push({
          year,
          direction,
          grade,
          schoolId,
          levelRaw: l.label,
          level: l.level,
          pupils: counts[i]!,
        }),
      );
      keys.push({ row: row.number, key: `${year}|${direction}|${grade}|${schoolId}` });
    });
    checkDuplicates(keys, 'учебный год, ОО, направление и класс', context);
    return { dataset: 'fg_levels', rows };
  },
};

const participantColumns = [
  YEAR,
  LOGIN,
  SCHOOL_NAME,
  { ...PARTICIPANT_CODE, required: false },
  DIRECTION,
  FG_GRADE,
  SCORE_PCT,
  { key: 'level', names: ['Уровень', 'Уровень сформированности', 'Уровень ФГ'], required: false },
] as const satisfies readonly ColumnSpec[];

const participantsHeader = (sheet: Sheet) => {
  const header = findHeader(sheet, participantColumns);
  if (!header || !hasSchoolColumn(header.columns)) return undefined;
  return header.columns.has('level') || header.columns.has('score') ? header : undefined;
};

export const fgParticipantsFormat: Format = {
  id: 'fg_participants',
  title: 'ФГ: результаты участников (шаблон)',
  dataset: 'fg_participants',
  columns: participantColumns,
  example: [
    '2025/26',
    'sch470101',
    'Гимназия № 1',
    '6101',
    'Математическая грамотность',
    6,
    62,
    'повышенный',
  ],
  notes: [
    'Одна строка — один участник по одному направлению. Нужен уровень или результат в процентах (или оба).',
    'Если уровня нет, он определяется по проценту по порогам из файла уровней (по умолчанию: низкий от 15 %, средний от 35 %, повышенный от 60 %, высокий от 80 %).',
  ],
  detect: (sheet) => participantsHeader(sheet) !== undefined,
  parse(context) {
    const header = participantsHeader(context.sheet)!;
    noteDroppedNames(context, header.rowIndex);
    const scale = context.reference.levels.fg;
    const rows: FgParticipantRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const { year, direction, grade, schoolId } = readFgKey(row);
      const scorePct = row.optional('score', percentCell, EXPECTED.percent);
      const levelRaw = row.text('level') ?? null;
      const mapped = levelRaw === null ? undefined : scale.ofLabel(levelRaw);
      if (levelRaw !== null && !mapped)
        row.error(row.caption('level'), levelRaw, `уровень: ${scale.known.join(', ')}`);
      if (levelRaw === null && scorePct === null)
        row.error(undefined, undefined, 'уровень или результат участника в процентах');
      if (
        year === undefined ||
        !direction ||
        grade === undefined ||
        schoolId === undefined ||
        scorePct === undefined ||
        (levelRaw !== null && !mapped) ||
        (levelRaw === null && scorePct === null)
      )
        return;
      const participantCode = row.text('code') ?? null;
      rows.push({
        year,
        direction,
        grade,
        schoolId,
        participantCode,
        scorePct,
        levelRaw,
        level: mapped ?? scale.ofScore(scorePct!),
      });
      if (participantCode)
        keys.push({ row: row.number, key: `${year}|${direction}|${schoolId}|${participantCode}` });
    });
    checkDuplicates(keys, 'учебный год, направление, ОО и код участника', context);
    return { dataset: 'fg_participants', rows };
  },
};
