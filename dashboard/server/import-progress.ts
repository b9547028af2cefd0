/**
 * The progress of the import running now (the import queue runs one at a time), for
 * GET /api/import/progress: the file, the fraction done, the phase, and the time spent.
 */
import { existsSync } from 'node:fs';
import type { ImportProgress } from '../../contract/api/import-types.ts';

/**
 * A hook for the browser tests only: with IMPORT_TEST_GATE set to a file's path, an import that
 * has started waits while that file exists, so a test can see it running (an idle machine checks a
 * 300 000-row file before the page's first progress question). Never set in production.
 */
async function passTestGate(): Promise<void> {
  const gate = process.env.IMPORT_TEST_GATE;
  while (gate && existsSync(gate)) await new Promise((resolve) => setTimeout(resolve, 50));
}

export class ImportTracker {
  private running: { file: string; fraction: number; started: number; phase: string } | undefined;

  /** Runs one import under `file`'s name; `work` gets the progress callback for ImportOptions. */
  async track<T>(
    file: string,
    phase: string,
    work: (report: (done: number, total: number) => void) => Promise<T>,
  ): Promise<T> {
    const progress = { file, fraction: 0, started: Date.now(), phase };
    this.running = progress;
    try {
      await passTestGate();
      return await work((done, total) => {
        // Never backwards: the bulk path's estimates of successive statements may dip.
        if (total > 0) progress.fraction = Math.max(progress.fraction, Math.min(1, done / total));
      });
    } finally {
      if (this.running === progress) this.running = undefined;
    }
  }

  /** The rows are in; the models are being rebuilt. */
  rebuilding(): void {
    if (this.running) Object.assign(this.running, { fraction: 1, phase: 'Пересчёт показателей' });
  }

  /** `cancellable`: whether the file is still in the file worker (see POST /api/import/cancel) */
  view(cancellable: boolean, now = Date.now()): ImportProgress {
    const r = this.running;
    if (!r) return { running: false };
    return {
      running: true,
      file: r.file,
      fraction: r.fraction,
      startedAt: new Date(r.started).toISOString(),
      elapsedMs: now - r.started,
      phase: r.phase,
      cancellable,
    };
  }
}
