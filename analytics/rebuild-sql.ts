/**
 * The SQL builders of a rebuild of some years (rebuildYears in models.ts). A model is rebuilt
 * with its own SQL, turned into an insert into its stored table, and the tables it reads are
 * shadowed by temp views of some years: these statements name the model and the tables, so they
 * cannot be fixed `.sql` files. These functions build them, and
 * - take the model and table names only from the allow-lists MODELS and SOURCE_TABLES
 *   (model-specs.ts), throwing on any other name; a model only of its own kind of `years`;
 * - qualify stored tables by the store's own database name (from current_database()), quoted;
 * - bind every value (`$from`) or read the years from the temp table rebuild_years;
 * - are each run on a store by test/analytics/named-queries.test.ts.
 */
import { MODELS, SOURCE_TABLES, modelSql, type ModelSpec } from './model-specs.ts';

const TABLES = new Set<string>([...MODELS.map((m) => m.name), ...SOURCE_TABLES]);

/** A model or a table the models read, else an error. */
function known(table: string): string {
  if (!TABLES.has(table))
    throw new Error(`rebuild SQL names only MODELS and SOURCE_TABLES, not «${table}»`);
  return table;
}

/** A model rebuilt by year the given way, else an error. */
function byYear(model: string, years: ModelSpec['years']): string {
  if (!MODELS.some((m) => m.name === model && m.years === years))
    throw new Error(
      `rebuild SQL of '${years}' years is built only for such models, not «${model}»`,
    );
  return model;
}

/** The stored table (never a temp view of the same name) of the store's database `db`. */
const stored = (db: string, table: string) => `"${db.replace(/"/g, '""')}".main.${known(table)}`;

/** The model's own SELECT: its SQL without `CREATE OR REPLACE TABLE … AS` and the final `;`. */
const modelSelect = (model: string) =>
  modelSql(model)
    .trim()
    .replace(/;$/, '')
    .replace(/CREATE OR REPLACE TABLE \w+ AS/, '');

/** 'earlier': removes the model's rows from year $from on. */
export const deleteFromYearSql = (db: string, model: string) =>
  `DELETE FROM ${stored(db, byYear(model, 'earlier'))} WHERE year >= $from`;

/** 'earlier': inserts the model's rows from year $from on, computed from every year. */
export const insertFromYearSql = (db: string, model: string) =>
  `INSERT INTO ${stored(db, byYear(model, 'earlier'))} SELECT * FROM (${modelSelect(model)}\n) WHERE year >= $from`;

/** 'earlier': the years of the model's rows from year $from on. */
export const yearsFromSql = (db: string, model: string) =>
  `SELECT DISTINCT year FROM ${stored(db, byYear(model, 'earlier'))} WHERE year >= $from`;

/** The rows of the years being rebuilt, listed in the temp table rebuild_years. */
const inYears = 'year IN (SELECT year FROM temp.rebuild_years)';

/** 'same': shadows a table the model reads by a temp view of its rows of those years and of no year. */
export const yearViewSql = (db: string, table: string) =>
  `CREATE OR REPLACE TEMP VIEW ${known(table)} AS
   SELECT * FROM ${stored(db, table)} WHERE ${inYears} OR year IS NULL`;

/** 'same': drops a view of yearViewSql. */
export const dropYearViewSql = (table: string) => `DROP VIEW IF EXISTS temp.${known(table)}`;

/** 'same': removes the model's rows of those years. */
export const deleteYearsSql = (db: string, model: string) =>
  `DELETE FROM ${stored(db, byYear(model, 'same'))} WHERE ${inYears}`;

/** 'same': inserts the model's rows of those years, computed through the temp views. */
export const insertYearsSql = (db: string, model: string) =>
  `INSERT INTO ${stored(db, byYear(model, 'same'))} ${modelSelect(model)}`;
