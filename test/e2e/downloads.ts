/** A table's «Скачать CSV» as the user gets it: the button clicked, the file read back. */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { parseCsv } from '../../ingest/read/csv.ts';

/** Clicks «Скачать CSV» of the table block `table` (a selector) and waits for the file. */
export async function clickCsvDownload(page: Page, table: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(table).getByRole('button', { name: 'Скачать CSV' }).click(),
  ]);
  return download;
}

/** The rows of a downloaded CSV, once its UTF-8 BOM and CRLF line ends are checked. */
export async function readCsv(download: Download): Promise<string[][]> {
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = file.toString('utf8').slice(1);
  // The importer's reader below would also take a bare CR or LF.
  expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  return parseCsv(text, ';');
}

/** «Скачать CSV» of a table, as rows of cells (the header first). */
export const downloadCsv = async (page: Page, table: string): Promise<string[][]> =>
  readCsv(await clickCsvDownload(page, table));

/** A number as the CSV writes it: rounded to two decimals, with a decimal comma. */
export const csvNumber = (x: number) => String(Math.round(x * 100) / 100).replace('.', ',');
