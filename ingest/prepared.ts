/**
 * Parsed rows made ready for the store where they were parsed (in the file worker), so that the
 * server's thread only appends them: each target table's records with the row's scope last, and
 * the scopes the load checks for replacement. Registry rows stay rows: they are merged by SQL.
 */
import {
  DATASETS,
  yearsOf,
  type DatasetSpec,
  type ParsedRows,
  type RegistryRow,
  type RoadmapRow,
} from './datasets.ts';
import type { ResultDataset } from './datasets.ts';

export interface PreparedResults {
  dataset: ResultDataset;
  rows: number;
  years: number[];
  /** every row's scope, in row order */
  scopes: string[];
  /** the scopes of the file's own rows (without the shared benchmark rows) */
  ownScopes: string[];
  /** per target table, its records: the values between batch_id and scope, then the scope */
  tables: { table: string; records: unknown[][] }[];
}

/** Rows that stay rows: the registry is merged by SQL, the road map replaced as a whole year. */
export type PreparedWhole =
  { dataset: 'registry'; rows: RegistryRow[] } | { dataset: 'roadmap'; rows: RoadmapRow[] };

export type Prepared = PreparedWhole | PreparedResults;

export const isWhole = (prepared: Prepared): prepared is PreparedWhole =>
  prepared.dataset === 'registry' || prepared.dataset === 'roadmap';

/** `withRecords` false: only the count and years (a refused file is never loaded). */
export function prepareRows(parsed: ParsedRows, withRecords = true): Prepared {
  // The registry and a road map are small: their rows travel whole.
  if (parsed.dataset === 'registry' || parsed.dataset === 'roadmap') return parsed;
  const spec = DATASETS[parsed.dataset] as DatasetSpec<unknown>;
  const facts = { dataset: parsed.dataset, rows: parsed.rows.length, years: yearsOf(parsed) };
  if (!withRecords) return { ...facts, scopes: [], ownScopes: [], tables: [] };
  const rows = parsed.rows as unknown[];
  const scopes = rows.map((row) => spec.scope(row));
  return {
    ...facts,
    scopes,
    ownScopes: spec.shared ? scopes.filter((_, i) => !spec.shared!(rows[i])) : scopes,
    tables: spec.tables.map((target) => ({
      table: target.table,
      records: rows.flatMap((row, i) =>
        target.records(row).map((values) => [...values, scopes[i]]),
      ),
    })),
  };
}

/** The count and years of prepared rows, for the import's report. */
export const preparedFacts = (prepared: Prepared) =>
  prepared.dataset === 'registry'
    ? { rows: prepared.rows.length, years: [] as number[] }
    : prepared.dataset === 'roadmap'
      ? { rows: prepared.rows.length, years: yearsOf(prepared) }
      : { rows: prepared.rows, years: prepared.years };
