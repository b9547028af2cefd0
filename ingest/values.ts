/**
 * Cell value schemas (zod): what a cell may hold and how it reads. Tolerates what Russian
 * spreadsheets contain: decimal commas, spaces and no-break spaces between thousands,
 * numbers stored as text, and `X`, `Х`, `-`, «отсутствовал» for a missing value.
 */
import { z } from 'zod';
import type { Cell } from './read/table.ts';
import { formatDecimal as formatDecimalRu } from '../contract/format.ts';

const MISSING = new Set(['x', 'х', '-', '—', '–', 'отсутствовал', 'отсутствует', 'н/д']);

export function isMissing(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && MISSING.has(cell.trim().toLowerCase()));
}

/** A number from a cell, or NaN when the text is not a number. */
export function toNumber(cell: Cell): number {
  if (typeof cell === 'number') return cell;
  if (cell === null) return NaN;
  const text = cell
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
    .replace(/%$/, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

const number = z.preprocess((cell: Cell) => toNumber(cell), z.number());

const integerCells = new Map<string, z.ZodType<number>>();

/** An integer cell within [min, max]; schemas are cached, since building one is costly. */
export function integerCell(min: number, max = Number.MAX_SAFE_INTEGER): z.ZodType<number> {
  const key = `${min}|${max}`;
  let schema = integerCells.get(key);
  if (!schema) {
    schema = number.pipe(z.number().int().min(min).max(max));
    integerCells.set(key, schema);
  }
  return schema;
}

export const percentCell = number.pipe(z.number().min(0).max(100));

/** A number from 0 to 100 (a 100-point score or a mean of such scores). */
export const scoreCell = percentCell;

export const textCell = z.preprocess(
  (cell: Cell) => (cell === null ? '' : String(cell).replace(/\s+/g, ' ').trim()),
  z.string().min(1),
);

/**
 * A school year written as 2025, 2024/25, 2024/2025 or 2024-2025; read as the calendar
 * year in which the school year ends (2024/25 → 2025).
 */
export function parseSchoolYear(cell: Cell): number | undefined {
  const text = String(cell ?? '').trim();
  const pair = /^(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})(\s*(уч\.?\s*)?(г\.?|год))?$/i.exec(text);
  if (pair) {
    const start = Number(pair[1]);
    const end = Number(pair[2]!.length === 2 ? String(start).slice(0, 2) + pair[2] : pair[2]);
    return end === start + 1 ? end : undefined;
  }
  const single = /^(\d{4})(\s*г\.?)?$/.exec(text);
  return single ? Number(single[1]) : undefined;
}

/** School years accepted: from 2014/15 to the one after the current (results cannot be later). */
const FIRST_YEAR = 2015;

/** Today's date, read when a year is checked (not at start-up); setToday fixes it in tests. */
let today = () => new Date();

/** Fixes «today» for the school-year check (tests), or gives it back to the clock. */
export function setToday(date?: Date): void {
  today = date ? () => new Date(date) : () => new Date();
}

/** The latest school year a file may hold: the one after the current calendar year's. */
export const lastSchoolYear = () => today().getFullYear() + 1;

export const schoolYearCell = z.preprocess(
  (cell: Cell) => parseSchoolYear(cell) ?? NaN,
  z
    .number()
    .int()
    .min(FIRST_YEAR)
    .refine((year) => year <= lastSchoolYear()),
);

/** Russian words for what a schema expects, used in problem messages. */
export const EXPECTED = {
  count: 'целое неотрицательное число',
  positiveCount: 'целое число не меньше 1',
  percent: 'число от 0 до 100',
  text: 'непустой текст',
  get schoolYear() {
    const last = lastSchoolYear();
    return `учебный год с ${FIRST_YEAR - 1}/${String(FIRST_YEAR).slice(2)} по ${last - 1}/${String(last).slice(2)}, например 2024/25, 2024/2025, 2024-2025 или 2025`;
  },
  grade: 'номер класса от 1 до 11',
  vprSubject: 'предмет ВПР, например «Русский язык», «Математика», «История»',
  group: 'название группы участников или «(логин) наименование ОО»',
  mark: 'отметка 2, 3, 4 или 5',
  number: 'число (десятичная часть — через запятую или точку)',
  score: 'целое число баллов не меньше 0',
  testScore: 'балл от 0 до 100',
  giaSubject: 'предмет ГИА, например «Русский язык», «Математика профильная», «Обществознание»',
} as const;

/** Display form of a raw cell for messages. */
export const showCell = (cell: Cell) => (cell === null ? '(пусто)' : String(cell));

/** A number with a decimal comma, for messages: the dashboard's one rounding rule. */
export const formatDecimal = (value: number, digits = 2) => formatDecimalRu(value, digits);
