/** What every reader produces: a file as sheets of cell grids, values not yet interpreted. */
export type Cell = string | number | null;

export interface Sheet {
  name: string;
  /** rows[i] is spreadsheet row i + 1 */
  rows: Cell[][];
}

export interface SourceFile {
  /** The name the user knows the file by (never used as a path). */
  name: string;
  sha256: string;
  sheets: Sheet[];
}
