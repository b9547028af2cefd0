/**
 * Level labels as operators write them, mapped to canonical levels: the five ФГ levels and
 * the five teacher-difficulty levels. Operators use 4 levels or other words, so the mapping
 * is data (levels.default.json; LEVELS_PATH points to a region's own file). Where only a
 * score is delivered, the level is read off the configured lower bounds of % score.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normaliseHeader } from '../header.ts';

export const FG_LEVELS = ['недостаточный', 'низкий', 'средний', 'повышенный', 'высокий'] as const;
export const TEACHER_LEVELS = [
  'отсутствие',
  'низкий',
  'средний',
  'высокий',
  'критический',
] as const;

const scale = <L extends readonly [string, ...string[]]>(levels: L) =>
  z.object({
    labels: z.record(z.enum(levels), z.array(z.string().min(1))),
    scoreFrom: z.record(z.enum(levels), z.number().min(0).max(100)),
  });

const levelsSchema = z.object({ fg: scale(FG_LEVELS), teacher: scale(TEACHER_LEVELS) });

export interface LevelScale {
  /** the canonical level of a raw label, or undefined when the label is unknown */
  ofLabel(raw: string): string | undefined;
  /** the canonical level of a % score */
  ofScore(pct: number): string;
  /** every label the mapping knows, for messages */
  known: string[];
}

function levelScale(config: {
  labels: Record<string, string[]>;
  scoreFrom: Record<string, number>;
}): LevelScale {
  const byLabel = new Map<string, string>();
  for (const [level, labels] of Object.entries(config.labels))
    for (const label of labels) byLabel.set(normaliseHeader(label), level);
  const bounds = Object.entries(config.scoreFrom).sort((a, b) => b[1]! - a[1]!);
  return {
    ofLabel: (raw) => byLabel.get(normaliseHeader(raw)),
    ofScore: (pct) => bounds.find(([, from]) => pct >= from!)?.[0] ?? bounds.at(-1)![0],
    known: [...byLabel.keys()],
  };
}

export interface LevelMappings {
  fg: LevelScale;
  teacher: LevelScale;
}

const DEFAULT_PATH = new URL('./levels.default.json', import.meta.url);

const loaded = new Map<string, LevelMappings>();

/** The mappings of a file, read once per process. */
export function loadLevelMappings(
  path: string | URL = process.env.LEVELS_PATH ?? DEFAULT_PATH,
): LevelMappings {
  const key = String(path);
  let mappings = loaded.get(key);
  if (!mappings) {
    mappings = readLevelMappings(path);
    loaded.set(key, mappings);
  }
  return mappings;
}

function readLevelMappings(path: string | URL): LevelMappings {
  const parsed = levelsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `Файл уровней ${String(path)} не прошёл проверку: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return {
    fg: levelScale(parsed.data.fg),
    teacher: levelScale(parsed.data.teacher),
  };
}
