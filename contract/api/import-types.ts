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
    };
