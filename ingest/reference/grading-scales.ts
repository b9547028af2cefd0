/**
 * Grading scales: max primary score, the lowest score for marks 3/4/5 and the ЕГЭ minimum,
 * per exam × year × subject (× grade). Shipped defaults (grading-scales.default.json) are
 * written to seed_grading_scale; scales loaded from files take precedence over them.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Store } from '../../analytics/db.ts';
import { runStatement, statementRows } from '../statements.ts';

const seedSchema = z.object({
  note: z.string(),
  scales: z.array(
    z.object({
      exam: z.string(),
      years: z.array(z.number().int()),
      subject: z.string(),
      grade: z.number().int().optional(),
      maxPrimary: z.number().int().optional(),
      minScore: z.number().int().optional(),
      cuts: z.tuple([z.number().int(), z.number().int(), z.number().int()]).optional(),
    }),
  ),
});

const SEED_PATH = new URL('./grading-scales.default.json', import.meta.url);

/** Rewrites the default scales; cheap, and keeps them in step with the shipped file. */
export async function seedGradingScales(store: Store): Promise<void> {
  const seed = seedSchema.parse(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
  await store.transaction(async () => {
    await runStatement(store, 'clear_seed_scales');
    await store.append(
      'seed_grading_scale',
      seed.scales.flatMap((s) =>
        s.years.map((year) => [
          s.exam,
          year,
          s.subject,
          s.grade ?? null,
          s.maxPrimary ?? null,
          s.minScore ?? null,
          s.cuts?.[0] ?? null,
          s.cuts?.[1] ?? null,
          s.cuts?.[2] ?? null,
          'по умолчанию',
        ]),
      ),
    );
  });
}

export interface GradingScale {
  maxPrimary: number | null;
  minScore: number | null;
  cuts: [number, number, number] | null;
}

/** Looks scales up by exam, year and subject; the loaded file wins over the default. */
export class ScaleBook {
  constructor(private readonly scales: Map<string, GradingScale>) {}

  static async load(store: Store): Promise<ScaleBook> {
    const rows = await statementRows<{
      exam: string;
      year: number;
      subject: string;
      grade: number | null;
      max_primary: number | null;
      min_score: number | null;
      cut3: number | null;
      cut4: number | null;
      cut5: number | null;
    }>(store, 'grading_scales');
    // Later rows (the loaded files) overwrite the defaults.
    const scales = new Map<string, GradingScale>();
    for (const r of rows)
      scales.set(`${r.exam}|${r.year}|${r.subject}|${r.grade ?? ''}`, {
        maxPrimary: r.max_primary,
        minScore: r.min_score,
        cuts:
          r.cut3 === null || r.cut4 === null || r.cut5 === null ? null : [r.cut3, r.cut4, r.cut5],
      });
    return new ScaleBook(scales);
  }

  /** The scales as plain data, to rebuild the book in another thread. */
  entries(): [string, GradingScale][] {
    return [...this.scales];
  }

  /** The scale of a grade; without a grade, the one scale given for the subject (ОГЭ: 9). */
  find(exam: string, year: number, subject: string, grade?: number): GradingScale | undefined {
    const prefix = `${exam}|${year}|${subject}|`;
    if (grade !== undefined) return this.scales.get(prefix + grade) ?? this.scales.get(prefix);
    const all = [...this.scales].filter(([key]) => key.startsWith(prefix));
    return all.length === 1 ? all[0]![1] : this.scales.get(prefix);
  }
}
