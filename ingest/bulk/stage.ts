/**
 * DuckDB reads the whole CSV file into the temp table bulk_stage: one text column per layout
 * column (named k_<key>, the cells as written) and `blank` for rows with no cell at all (a row
 * of spaces is read as a row). rowid is the record's index after the header.
 */
import type { Store } from '../../analytics/db.ts';
import { stageSql } from './bulk-sql.ts';
import { MAX_COLUMNS, MAX_LINE_CHARS, spaced } from '../read/limits.ts';

export interface StageSpec {
  path: string;
  separator: string;
  /** lines before the first data row */
  skip: number;
  /** columns in the header row */
  width: number;
  /** the column index of each layout key the file has */
  columns: ReadonlyMap<string, number>;
}

/** A file DuckDB could not read as CSV: the line (when DuckDB names it) and why, in Russian. */
export class StageError extends Error {
  constructor(
    readonly line: number | undefined,
    reason: string,
  ) {
    super(reason);
  }
}

/** DuckDB's CSV errors people can act on, in Russian; the rest get the general reason. */
const REASONS: [RegExp, string][] = [
  [/unicode|utf-?8/i, 'в строке есть байты не в кодировке UTF-8 — сохраните файл как «CSV UTF-8»'],
  // before «quote»: DuckDB's line-size message suggests quote settings too
  [
    /line size/i,
    `слишком длинная строка; ожидалось: не больше ${spaced(MAX_LINE_CHARS)} символов в строке — проверьте, что строки разделены переводом строки`,
  ],
  [/quote/i, 'незакрытая кавычка — значения в кавычках должны заканчиваться кавычкой'],
];

export async function stageCsv(store: Store, spec: StageSpec): Promise<void> {
  if (spec.width > MAX_COLUMNS)
    throw new StageError(
      undefined,
      `${spaced(spec.width)} столбцов; ожидалось: не больше ${spaced(MAX_COLUMNS)} столбцов`,
    );
  const read = (parallel: boolean) =>
    store.run(stageSql(spec, parallel), {
      path: spec.path,
      delim: spec.separator,
      skip: spec.skip,
    });
  try {
    await read(true);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // Quoted line breaks need the single-threaded reader.
    if (/parallel=false/.test(text)) return read(false).catch(fail);
    fail(error);
  }
}

function fail(error: unknown): never {
  const text = error instanceof Error ? error.message : String(error);
  const line = /Line: (\d+)/.exec(text)?.[1];
  const reason =
    REASONS.find(([pattern]) => pattern.test(text))?.[1] ??
    'строка не разбирается как таблица CSV с разделителем «;», «,» или табуляцией';
  throw new StageError(line ? Number(line) : undefined, reason);
}
