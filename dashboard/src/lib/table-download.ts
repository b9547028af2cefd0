/**
 * How a table's CSV / XLSX download reaches the server: the app gives the API client's request
 * once, as a context, so DataTable (a component) asks nothing of the API itself.
 */
import { getContext, setContext } from 'svelte';
import type { ExportCell } from '../../../contract/table.ts';

export type TableDownload = (
  fileName: string,
  format: 'csv' | 'xlsx',
  table: { captions: string[]; rows: ExportCell[][] },
) => Promise<void>;

const KEY = Symbol('table download');

/** Called once by App: every DataTable below downloads through `download`. */
export function provideTableDownload(download: TableDownload): void {
  setContext(KEY, download);
}

/** The download given by App; called while a DataTable is created. */
export function tableDownload(): TableDownload {
  const download = getContext<TableDownload | undefined>(KEY);
  if (!download)
    throw new Error('DataTable: no table download given (provideTableDownload in App).');
  return download;
}
