/**
 * What the ФИС ОКО ВПР reports share: title rows above the table that give the year, grade
 * and subject, and group rows or columns running РФ → регион → муниципалитет → ОО.
 */
import type { BenchmarkLevel } from '../datasets.ts';
import { findSubject, type Subject } from '../reference/subjects.ts';
import { splitLoginCell } from '../schools.ts';
import type { Sheet } from '../read/table.ts';
import type { ParseContext } from './context.ts';
import type { RowReader } from './row-reader.ts';
import { vprGradeExpected } from './vpr-subject.ts';

const TITLE = [
  /проверочн\S*\s+работ\S*\s+(\d{4})\s*\(\s*(\d{1,2})\s*класс/i,
  /^впр\s+(\d{4})\s+.*?(\d{1,2})\s*класс/i,
];
const SUBJECT = /^предмет\s*:\s*(.+)$/i;
const MAX_SCORE = /^максимальный\s+первичный\s+балл\s*:\s*(\d+)/i;
const COUNTRY_GROUPS = ['вся выборка', 'российская федерация', 'рф', 'россия'];

export interface ExportTitle {
  year: number;
  grade: number;
  subject: Subject;
  maxScore?: number;
}

/** Year, grade and subject from the rows above the table, or undefined with errors recorded. */
export function readExportTitle(context: ParseContext, headerRow: number): ExportTitle | undefined {
  const { file, sheet, problems } = context;
  const found: { year?: number; grade?: number; subject?: string; maxScore?: number } = {};
  for (const row of sheet.rows.slice(0, headerRow)) {
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      const text = cell.trim();
      for (const pattern of TITLE) {
        const title = pattern.exec(text);
        if (title && found.year === undefined) {
          found.year = Number(title[1]);
          found.grade = Number(title[2]);
        }
      }
      const subject = SUBJECT.exec(text);
      if (subject) found.subject = subject[1]!.trim();
      const max = MAX_SCORE.exec(text);
      if (max) found.maxScore = Number(max[1]);
    }
  }
  const problem = (value: string | undefined, expected: string) =>
    problems.add({
      severity: 'error',
      file: file.name,
      sheet: sheet.name,
      row: 1,
      value: value ?? '(не найдено)',
      expected,
    });
  const subject = found.subject ? findSubject(found.subject) : undefined;
  if (found.year === undefined || found.grade === undefined)
    problem(
      undefined,
      'строка заголовка вида «Всероссийские проверочные работы 2025 (5 класс)» над таблицей',
    );
  if (!subject) problem(found.subject, 'строка «Предмет: <название предмета ВПР>» над таблицей');
  if (subject && found.grade !== undefined && !subject.vprGrades.includes(found.grade))
    problem(String(found.grade), vprGradeExpected(subject));
  if (found.year === undefined || found.grade === undefined || !subject) return undefined;
  if (!subject.vprGrades.includes(found.grade)) return undefined;
  return { year: found.year, grade: found.grade, subject, maxScore: found.maxScore };
}

export interface Group {
  level: BenchmarkLevel;
  login?: string;
  name: string;
}

/**
 * Classifies group captions in their report order: «Вся выборка» is the country, a
 * «(login) name» cell is a school, and other groups are the region, then the municipality.
 */
export function groupClassifier(): (caption: string) => Group {
  const benchmarks: BenchmarkLevel[] = ['region', 'municipality'];
  return (caption) => {
    const { login, name } = splitLoginCell(caption);
    if (login) return { level: 'school', login, name };
    if (COUNTRY_GROUPS.includes(caption.trim().toLowerCase()))
      return { level: 'country', name: caption };
    return { level: benchmarks.shift() ?? 'municipality', name: caption };
  };
}

/** The registry school of a school group; null for a benchmark group; undefined (with an error) when unknown. */
export const schoolOfGroup = (
  row: RowReader<string>,
  column: string,
  group: Group,
): string | null | undefined =>
  group.level === 'school' ? row.schoolIn(column, group.login, group.name) : null;

/** Task header «9.1 (1б)» → code and max score. */
const TASK = /^(\d+(?:[.,]\d+)?(?:\s*[КK]\s*\d+)?)\s*\(\s*(\d+)\s*б\.?\s*\)$/i;

export function parseTaskCaption(caption: string): { task: string; maxScore: number } | undefined {
  const match = TASK.exec(caption.trim());
  return match
    ? {
        task: match[1]!.replace(',', '.').replace(/\s+/g, '').toUpperCase().replace('K', 'К'),
        maxScore: Number(match[2]),
      }
    : undefined;
}

/** Column indexes of task captions in a header row, with the level letter from a neighbour row. */
export function taskColumns(
  sheet: Sheet,
  headerRow: number,
  levelRow: number,
): { column: number; task: string; maxScore: number; difficulty: string | null }[] {
  const header = sheet.rows[headerRow] ?? [];
  const levels = sheet.rows[levelRow] ?? [];
  return header.flatMap((cell, column) => {
    const parsed = cell === null ? undefined : parseTaskCaption(String(cell));
    if (!parsed) return [];
    const level = String(levels[column] ?? '')
      .trim()
      .toUpperCase();
    return [{ column, ...parsed, difficulty: /^[БПВ]$/.test(level) ? level : null }];
  });
}
