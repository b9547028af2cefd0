/**
 * «Сравнение лет»: the comparable series of the district, and two chosen years side by side —
 * the district on every indicator, each school on one indicator, and the status × change grid.
 */
import type { App } from '../auth/control.ts';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { badRequest, grade, label, parseQuery, year } from '../params.ts';
import {
  COMPARE_INDICATORS,
  type CompareOption,
  type CompareOptions,
  type ComparePair,
  type CompareResult,
  type GridCell,
} from '../../src/lib/api/compare-types.ts';

const compareQuery = z.object({
  year_a: year,
  year_b: year,
  indicator: z.enum(COMPARE_INDICATORS),
  topic: label,
  /** empty or absent: the series has no grade (ОГЭ, ЕГЭ, ФГ over all grades) */
  grade: z.preprocess((v) => (v === '' ? undefined : v), grade.optional()),
});

export function register(app: App, store: Store): void {
  app.get('/api/compare/options', async (c) => {
    const [options, [health]] = await Promise.all([
      runQuery<CompareOption>(store, 'compare_options'),
      runQuery<{ min_n: number }>(store, 'health'),
    ]);
    const years = [...new Set(options.flatMap((o) => o.years))].sort((a, b) => a - b);
    const body: CompareOptions = { years, minN: health?.min_n ?? 10, options };
    return c.json(body);
  });

  app.get('/api/compare', async (c) => {
    const query = parseQuery(
      c,
      compareQuery,
      'Параметры сравнения: year_a и year_b — учебные годы (например, 2025 и 2026), indicator — показатель (vpr_dolya2, vpr_kachestvo, oge_dolya2, ege_below_min, fg_low, fg_high), topic — предмет или направление ФГ, grade — класс (пусто, если класса нет).',
    );
    if (query instanceof Response) return query;
    const { year_a, year_b, indicator, topic, grade = null } = query;
    if (year_a === year_b)
      return badRequest(c, 'Выберите два разных учебных года: сейчас год А и год Б совпадают.');
    const selection = { indicator, topic, grade: grade ?? 0 };
    const [pairs, grid] = await Promise.all([
      runQuery<ComparePair>(store, 'compare_years', { year_a, year_b, ...selection }),
      runQuery<GridCell>(store, 'compare_grid', { year: year_b, ...selection }),
    ]);
    const body: CompareResult = {
      yearA: year_a,
      yearB: year_b,
      selection: { indicator, topic, grade },
      district: pairs.filter((p) => p.level === 'district'),
      schools: pairs.filter((p) => p.level === 'school'),
      grid,
    };
    return c.json(body);
  });
}
