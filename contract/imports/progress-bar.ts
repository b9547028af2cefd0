/**
 * The import CLI's progress line: a bar, the per cent done and the time left, estimated from
 * the pace so far. Shown on a terminal only, and only for files that take more than a second.
 */

const WIDTH = 30;
/** Files done sooner than this get no bar (it would only flicker). */
const SHOW_AFTER_MS = 1000;

/** «≈ 45 с», «≈ 2 мин 05 с»: the time left at the pace so far; undefined while too early to tell. */
export function timeLeft(fraction: number, elapsedMs: number): string | undefined {
  if (fraction < 0.02 || fraction >= 1) return undefined;
  const seconds = Math.ceil((elapsedMs * (1 - fraction)) / fraction / 1000);
  if (seconds < 60) return `≈ ${seconds} с`;
  return `≈ ${Math.floor(seconds / 60)} мин ${String(seconds % 60).padStart(2, '0')} с`;
}

export function progressLine(file: string, fraction: number, elapsedMs: number): string {
  const filled = Math.round(Math.min(1, fraction) * WIDTH);
  const left = timeLeft(fraction, elapsedMs);
  return `  ${file.slice(0, 40)}: [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)} %${left ? `, осталось ${left}` : ''}`;
}

/** A progress callback for ImportOptions.onProgress writing the line to a terminal. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr) {
  let current: { file: string; start: number } | undefined;
  return {
    onProgress(file: string, done: number, total: number): void {
      if (current?.file !== file) current = { file, start: Date.now() };
      const elapsed = Date.now() - current.start;
      if (!stream.isTTY || elapsed < SHOW_AFTER_MS || total <= 0) return;
      stream.write(`\r${progressLine(file, done / total, elapsed)}\x1b[K`);
    },
    clear(): void {
      current = undefined;
      if (stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}
