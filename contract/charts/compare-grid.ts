/**
 * The status × change grid of «Сравнение лет»: axis labels from the methodology's cut points,
 * the names of the levels, and colour-blind-safe fills (Okabe–Ito) for the five colours.
 */
import type { GridCell } from '../api/compare-types.ts';
import { formatSignedUpTo, formatUpTo } from '../format.ts';
import { OKABE_ITO } from './palette.ts';

const plain = { format: (value: number) => formatUpTo(value, 1) };
const signed = { format: (value: number) => formatSignedUpTo(value, 1) };

/**
 * An interval [from; to) of a share («от 5 до 10 %», «меньше 5 %», «30 % и больше») or of a
 * change in п.п. (signed: «от +1 до +5 п.п.»); the lower bound belongs to the interval.
 */
export function intervalLabel(from: number | null, to: number | null, unit: '%' | 'п.п.'): string {
  const f = unit === '%' ? plain : signed;
  if (from == null && to == null) return 'любое значение';
  if (from == null) return `меньше ${f.format(to!)} ${unit}`;
  if (to == null) return `${f.format(from)} ${unit} и больше`;
  return `от ${f.format(from)} до ${f.format(to)} ${unit}`;
}

export const STATUS_NAMES = ['худший', 'ниже среднего', 'средний', 'выше среднего', 'лучший'];
/**
 * Change levels: only a significant change (beyond chance) is placed by its size; level 3 holds
 * the changes within chance whatever their size, and the significant ones too small to matter.
 */
export const CHANGE_NAMES = [
  'сильное значимое ухудшение',
  'значимое ухудшение',
  'без значимых изменений',
  'значимое улучшение',
  'сильное значимое улучшение',
];
/** The middle change level: changes within chance. */
export const NO_SIGNIFICANT_CHANGE_LEVEL = 3;

/** Fill of each colour level 1 (красный) … 5 (синий): Okabe–Ito, told apart by name too. */
export const GRID_FILLS: Record<number, string> = {
  1: OKABE_ITO.vermillion,
  2: OKABE_ITO.orange,
  3: OKABE_ITO.yellow,
  4: OKABE_ITO.green,
  5: OKABE_ITO.blue,
};

export interface GridAxes {
  /** rows, best status first */
  statuses: { level: number; label: string }[];
  /** columns, worst change first */
  changes: { level: number; label: string }[];
}

/** The row and column headers of the grid, read off its cells. */
export function gridAxes(cells: readonly GridCell[]): GridAxes {
  const statuses = [5, 4, 3, 2, 1].flatMap((level) => {
    const cell = cells.find((c) => c.status_level === level);
    return cell
      ? [{ level, label: intervalLabel(cell.status_from_pct, cell.status_to_pct, '%') }]
      : [];
  });
  const changes = [1, 2, 3, 4, 5].flatMap((level) => {
    const cell = cells.find((c) => c.change_level === level);
    if (!cell) return [];
    const interval = intervalLabel(cell.change_from_pp, cell.change_to_pp, 'п.п.');
    return [
      {
        level,
        label:
          level === NO_SIGNIFICANT_CHANGE_LEVEL
            ? `незначимое или ${interval}`
            : `значимое, ${interval}`,
      },
    ];
  });
  return { statuses, changes };
}

export const cellAt = (cells: readonly GridCell[], status: number, change: number) =>
  cells.find((c) => c.status_level === status && c.change_level === change);
