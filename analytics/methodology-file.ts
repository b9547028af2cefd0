/**
 * The methodology file: the shipped defaults (methodology.default.json) or a user's own file
 * named by METHODOLOGY_PATH, validated against the contract's schema.
 */
import { readFileSync } from 'node:fs';
import { describeIssues, methodologySchema, type Methodology } from '../contract/methodology.ts';

const DEFAULT_PATH = new URL('./methodology.default.json', import.meta.url);

export function loadMethodology(
  path: string | URL = process.env.METHODOLOGY_PATH ?? DEFAULT_PATH,
): Methodology {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`Файла методики ${String(path)} нет: проверьте путь к нему.`, {
        cause: error,
      });
    throw new Error(
      `Файл методики ${String(path)} — не JSON: ожидался объект методики в формате JSON, как analytics/methodology.default.json.`,
      { cause: error },
    );
  }
  const parsed = methodologySchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `Файл методики ${String(path)} не прошёл проверку: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}
