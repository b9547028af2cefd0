/**
 * Methodology settings (thresholds the methodologist may change), validated with zod.
 * Defaults ship in methodology.default.json; METHODOLOGY_PATH points to a user's own file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ascendingCuts = z
  .array(z.number())
  .length(4)
  .refine((cuts) => cuts.every((c, i) => i === 0 || c > cuts[i - 1]!), {
    message: 'четыре возрастающие границы',
  });

/** A cluster rule; `isDefault` marks shipped defaults the methodologist has not changed. */
const failShareRule = z.object({
  rule: z.literal('fail_share'),
  version: z.string().min(1),
  isDefault: z.boolean(),
  title: z.string().min(1),
  /** share of pupils below the «2» boundary (ЕГЭ: below the minimum score), per cent */
  thresholdPct: z.number().min(0).max(100),
  /** procedures over the threshold in the same year */
  minProcedures: z.number().int().min(1),
  /** what counts as a procedure: ВПР subject × grade, ОГЭ subject, ЕГЭ subject */
  procedures: z.array(z.enum(['ВПР', 'ОГЭ', 'ЕГЭ'])).min(1),
  includeSmallN: z.boolean(),
});

export const methodologySchema = z.object({
  version: z.string().min(1),
  /** below this many participants a share is marked «мало данных» */
  minN: z.number().int().min(1).max(1000),
  /** ФГ targets: low + insufficient at most this share, high at least this share (per cent) */
  /** ЕГЭ high-score band: from this test score up to 99 (100 is counted apart too) */
  egeHighFrom: z.number().int().min(1).max(100),
  /** ФИС ОКО task thresholds (% completion): sufficient from, insufficient below (DOMAIN §1.3) */
  taskThresholds: z.object({
    basic: z.object({
      sufficientFrom: z.number().min(0).max(100),
      insufficientBelow: z.number().min(0).max(100),
    }),
    advanced: z.object({
      sufficientFrom: z.number().min(0).max(100),
      insufficientBelow: z.number().min(0).max(100),
    }),
  }),
  /** a 3–5-year slope beyond this many п.п. a year counts as growth or decline */
  trendSlopePp: z.number().min(0).max(50),
  /**
   * Status × change grid (as the California School Dashboard): per indicator, four ascending
   * cut points of the share (%) and of its change (п.п.) give levels 1–5; `colors[status][change]`
   * (levels counted from the worst) gives the cell: 1 красный … 5 синий.
   */
  statusChangeGrid: z.object({
    indicators: z.record(
      z.string(),
      z.object({
        statusCutsPct: ascendingCuts,
        changeCutsPp: ascendingCuts,
      }),
    ),
    colors: z.array(z.array(z.number().int().min(1).max(5)).length(5)).length(5),
  }),
  /** risk clusters by name; their rules and thresholds are data, effective per version */
  clusters: z.object({ ШПУН: failShareRule }),
  fgTargets: z.object({
    lowMaxPct: z.number().min(0).max(100),
    highMinPct: z.number().min(0).max(100),
  }),
});

export type Methodology = z.infer<typeof methodologySchema>;

const DEFAULT_PATH = new URL('./methodology.default.json', import.meta.url);

export function loadMethodology(
  path: string | URL = process.env.METHODOLOGY_PATH ?? DEFAULT_PATH,
): Methodology {
  const parsed = methodologySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `Файл методики ${String(path)} не прошёл проверку: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
