/**
 * The messages between the import and its file worker (ingest/worker/file-worker.ts):  the
 * worker reads, recognises and checks a file; the store stays with the server's process.
 */
import type { FileReport } from '../../contract/imports/report.ts';
import type { CustomMapping, MappingProposal } from '../../contract/imports/custom-mapping.ts';
import type { Problem } from '../../contract/imports/problems.ts';
import type { Dataset, RegistryRow } from '../datasets.ts';
import type { GradingScale } from '../reference/grading-scales.ts';
import type { RegistrySchool } from '../schools.ts';
import type { Prepared } from '../prepared.ts';
import type { ClusterNames } from '../../contract/methodology.ts';
import type { GivenValues } from '../formats/context.ts';

/** How large a file may be, in bytes, rows and unpacked XLSX bytes. */
export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
  maxUnpackedBytes?: number;
}

/** What checking rows needs from the store, as plain data. */
export interface CheckData {
  registry: RegistrySchool[];
  createMissing: boolean;
  scales: [string, GradingScale][];
  /** the teacher key itself, or the file it is kept in (made on first use) */
  salt: { key?: string; path: string };
  /** LEVELS_PATH of the importing process, when set */
  levelsPath?: string;
  /** the methodology's cluster names in force */
  clusterNames: ClusterNames;
  /** what the person importing says of the file: a list's year and basis */
  given: GivenValues;
}

export type Request =
  | {
      type: 'open';
      id: number;
      name: string;
      bytes: Uint8Array;
      limits: ReadLimits;
      mappings: CustomMapping[];
    }
  | { type: 'check'; id: number; file: number; data: CheckData }
  /** the file is done with: forgotten, without an answer */
  | { type: 'close'; id: number; file: number }
  | { type: 'propose'; id: number; name: string; bytes: Uint8Array }
  /** a piece arrived: the next may come (queued messages would be read all at once) */
  | { type: 'ack'; id: number };

/** A file the worker has read: refused by a limit, or kept with the layout found (if any). */
export type Opened =
  | { refused: FileReport }
  | { sha256: string; recognised?: { formatId: string; dataset: Dataset; sheetName: string } };

/** Checked rows: the problems, the schools the file adds, and the rows ready to load. */
export interface Checked {
  problems: { items: Problem[]; dropped: number; errors: number };
  created: RegistryRow[];
  /** without its long arrays, which came before in pieces */
  prepared: Prepared;
}

/** The long arrays of prepared rows travel in pieces, so no one message stalls the server. */
export type PieceKey = 'scopes' | 'ownScopes' | number;

export type Reply =
  | { type: 'started'; id: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'piece'; id: number; key: PieceKey; items: unknown[] }
  | {
      type: 'done';
      id: number;
      result: Opened | Checked | MappingProposal | { error: string };
    }
  | { type: 'failed'; id: number; message: string };
