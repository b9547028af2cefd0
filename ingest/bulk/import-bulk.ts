/**
 * The bulk path for large CSV files in a layout described by fields (Format.layout): DuckDB
 * reads the file into a temp table, the fields check its distinct values, and the rows go into
 * the store with INSERT … SELECT. Same checks, messages, replacement and history as the JS path;
 * the file is never held in memory, so national files of millions of rows load in seconds.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Store } from '../../analytics/db.ts';
import type { ResultDataset } from '../datasets.ts';
import type { Format } from '../formats/format.ts';
import { findHeader } from '../header.ts';
import {
  importRows,
  recognise,
  type ImportOptions,
  type ReadContext,
  type Reading,
} from '../import-rows.ts';
import { type FileReport } from '../../contract/imports/report.ts';
import { loadIncoming, type Incoming } from '../load.ts';
import type { Sheet } from '../read/table.ts';
import { checkStaged } from './check.ts';
import { runStatement, statementRows } from '../statements.ts';
import { BULK_FORMATS, dropTempTablesSql, insertParsedSql } from './bulk-sql.ts';
import { readCsvHead, rowNumber, scanCsv, type CsvHead } from './csv-file.ts';
import { StageError, stageCsv } from './stage.ts';

/** Whether files of this format can take the bulk path. */
const canBulkLoad = (format: Format) => BULK_FORMATS.includes(format);

/** The layout of a CSV head, when the bulk path takes it. */
export function bulkFormat(
  head: CsvHead | undefined,
  custom: readonly Format[],
): Format | undefined {
  const found = head && recognise({ name: '', sha256: '', sheets: [head.sheet] }, custom);
  return found && canBulkLoad(found.format) ? found.format : undefined;
}

/** A CSV file of at least `minBytes` in a layout the bulk path takes, with its first rows. */
export function bulkCandidate(
  path: string,
  minBytes: number,
  custom: readonly Format[],
): { head: CsvHead; format: Format } | undefined {
  if (!/\.(csv|txt)$/i.test(path) || statSync(path).size < minBytes) return undefined;
  const head = readCsvHead(path);
  const format = bulkFormat(head, custom);
  return format && { head: head!, format };
}

export async function importBulk(
  store: Store,
  path: string,
  head: CsvHead,
  format: Format,
  options: ImportOptions,
  /** the name people know the file by (an upload's temporary file has another) */
  name = basename(path),
): Promise<FileReport> {
  const layout = format.layout!;
  const dataset = format.dataset as ResultDataset;
  const header = findHeader(head.sheet, layout.columns)!;
  const headerRow = head.sheet.rows[header.rowIndex]!;
  const progress = (percent: number) => options.onProgress?.(name, percent, 100);
  const tracked = <T>(from: number, to: number, work: () => Promise<T>) =>
    trackProgress(store, (share) => progress(from + (to - from) * share), work);
  await runStatement(store, 'progress_bar_on');
  const size = statSync(path).size;
  const scan = await scanCsv(path, (bytes) => progress((10 * bytes) / size));
  const file = { name, sha256: scan.sha256, sheets: [] };
  const sheet: Sheet = { name: head.sheet.name, rows: [] };
  const skip = header.rowIndex + 1;
  try {
    return await importRows(store, file, format, sheet.name, options, async (context) => {
      const staged = await tracked(10, 50, () =>
        stageCsv(store, {
          path,
          separator: head.separator,
          skip,
          width: headerRow.length,
          columns: header.columns,
        }).then(
          () => true,
          (error: unknown) => unreadable(error, name, context),
        ),
      );
      if (!staged) return NOTHING_READ;
      await tracked(50, 70, () =>
        checkStaged(
          store,
          {
            layout,
            header,
            headerRow,
            dataset,
            rowNumber: (record) => rowNumber(record, skip, scan.emptyLines),
          },
          { ...context, file, sheet },
        ),
      );
      const facts = (
        await statementRows<{ rows: number; years: number[] | null }>(store, 'parsed_facts')
      )[0]!;
      return {
        rows: facts.rows,
        years: facts.years ?? [],
        load: (created, loadOptions) =>
          tracked(70, 100, () =>
            loadIncoming(
              store,
              file,
              format,
              parsedIncoming(store, dataset, facts),
              created,
              loadOptions,
            ),
          ),
      };
    });
  } finally {
    for (const drop of dropTempTablesSql(layout)) await store.run(drop);
  }
}

/** A file DuckDB cannot read is a problem of the file (rejected), not a failure of the import. */
function unreadable(error: unknown, file: string, context: ReadContext): false {
  if (!(error instanceof StageError)) throw error;
  context.problems.add({
    severity: 'error',
    file,
    row: error.line,
    message: `файл не читается как таблица CSV: ${error.message}`,
  });
  return false;
}

/** What an unreadable file gives: no rows, so it is rejected before any load. */
const NOTHING_READ: Reading = {
  rows: 0,
  years: [],
  load: () => Promise.reject(new Error('an unreadable file is never loaded')),
};

/** Runs a statement, reporting DuckDB's estimate of how far it is (0–1) every quarter second. */
async function trackProgress<T>(
  store: Store,
  report: (share: number) => void,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => report(Math.max(0, store.progress()) / 100), 250);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    report(1);
  }
}

/** The checked rows of bulk_parsed, as the loader takes them. */
function parsedIncoming(
  store: Store,
  dataset: ResultDataset,
  facts: { rows: number; years: number[] | null },
): Incoming {
  let filled: Promise<void> | undefined;
  return {
    dataset,
    rows: facts.rows,
    years: facts.years ?? [],
    // Layout rows are a school's own rows: none is shared, so both fills are the same.
    fillScopes: () => (filled ??= runStatement(store, 'parsed_scopes')),
    write: (batchId) => store.run(insertParsedSql(dataset), { batch: batchId }),
  };
}
