/** The upload page's progress answer (GET /api/import/progress). */
export type ImportProgress =
  | { running: false }
  | {
      running: true;
      file: string;
      fraction: number;
      startedAt: string;
      elapsedMs: number;
      phase: string;
      /** the file is still being read and checked: a cancel stops it before anything is written */
      cancellable: boolean;
    };

/**
 * The query of an upload (POST /api/import): flags as 'true' / 'false'; a cluster list's school
 * year (2023/24) and basis document, for a list that does not name them itself.
 */
export interface ImportQuery {
  dryRun: string;
  replace: string;
  createSchools: string;
  year?: string;
  basis?: string;
}
