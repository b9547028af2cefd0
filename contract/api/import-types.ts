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
