/**
 * The crash tests' one hook (test/analytics/crash.test.ts): kills this process with SIGKILL at
 * a named point when the environment variable FAULT_AT names it — `point`, or `point:n` for the
 * n-th time the point is reached. Without FAULT_AT it does nothing.
 *
 * Points: `after-rows-committed` (a file's rows and its model mark committed, before the
 * rebuild), `in-rebuild` (every model written, the rebuild's transaction not yet committed),
 * `after-methodology-stored` (a methodology save's new version written, its rebuild not yet
 * begun, both in one uncommitted transaction).
 */
const reached = new Map<string, number>();

export type FaultPoint = 'after-rows-committed' | 'in-rebuild' | 'after-methodology-stored';

export function faultPoint(point: FaultPoint): void {
  const wanted = process.env.FAULT_AT;
  if (!wanted) return;
  const [name, nth = '1'] = wanted.split(':');
  if (name !== point) return;
  const count = (reached.get(point) ?? 0) + 1;
  reached.set(point, count);
  if (count === Number(nth)) process.kill(process.pid, 'SIGKILL');
}
