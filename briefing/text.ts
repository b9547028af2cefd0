/**
 * The Russian phrases of the briefings. Numbers go through the dashboard's own formatters, so a
 * share reads the same in the briefing as on screen.
 */
import {
  countRu,
  formatInt,
  formatPct,
  formatPctN,
  formatPp,
  pluralRu,
} from '../contract/format.ts';

export { countRu, formatInt, formatPct, formatPctN, formatPp, pluralRu };
export { formatDate, schoolYear, SCHOOLS } from '../contract/format.ts';

export const TASKS = ['задание', 'задания', 'заданий'] as const;
/** after «из»: «из 1 школы», «из 18 школ» */
export const OF_SCHOOLS = ['школы', 'школ', 'школ'] as const;
/** after «из»: «из 281 педагога», «из 285 педагогов» */
export const OF_TEACHERS = ['педагога', 'педагогов', 'педагогов'] as const;
export const INDICATORS = ['показатель', 'показателя', 'показателей'] as const;

/** «А, Б и В» */
export function listRu(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} и ${items.at(-1)}`;
}

/** «Математика, 5 кл.» or «Математика» for ОГЭ/ЕГЭ and pooled ФГ */
export const topicLabel = (topic: string, grade: number | null) =>
  grade == null ? topic : `${topic}, ${grade} кл.`;

/** «4, 5 и 6 классы» */
export const gradesRu = (grades: readonly number[]) =>
  `${listRu(grades.map(String))} ${grades.length === 1 ? 'класс' : 'классы'}`;

/** «задание» → «Задание»: the first letter in upper case. */
export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
