/**
 * The real server (cli/start.ts) as a child process on a given store, for the fault tests: a
 * dashboard folder that needs no build, FAULT_AT (analytics/fault-point.ts) passed through, and
 * the page token state-changing requests carry.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../e2e/server.ts';

/** tsx runs the server in a child of its own and exits 128 + 9 when SIGKILL ends that child. */
const KILLED = 137;

/** An index.html newer than every source: the server serves it as a current build. */
export function fakeDashboard(dir: string): string {
  const dist = join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Мониторинг</title>');
  return dist;
}

export interface ServerOnStore extends RunningServer {
  /** headers of a state-changing request: the page token */
  headers: Record<string, string>;
  /** resolves when the process ends: true when SIGKILL ended it (a fault point) */
  killed: Promise<boolean>;
}

/** The server on `storePath`, dying at `faultAt` when given. */
export async function serverOnStore(
  storePath: string,
  dir: string,
  faultAt?: string,
): Promise<ServerOnStore> {
  const env: Record<string, string> = {
    DB_PATH: storePath,
    DIST_DIR: fakeDashboard(dir),
    USERS_PATH: join(dir, 'users.json'),
    AUDIT_PATH: join(dir, 'audit.jsonl'),
    UNLOCKS_PATH: join(dir, 'unlocks.jsonl'),
  };
  if (faultAt) env.FAULT_AT = faultAt;
  const server = await startServer(undefined, env);
  const exited = () => {
    const { exitCode, signalCode } = server.process;
    return signalCode === 'SIGKILL' || exitCode === KILLED;
  };
  const killed = new Promise<boolean>((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) resolve(exited());
    else server.process.once('exit', () => resolve(exited()));
  });
  const session = (await (await fetch(`${server.url}/api/session`)).json()) as { csrf: string };
  return { ...server, headers: { 'x-csrf-token': session.csrf }, killed };
}

/** Runs `npx tsx <script> args` with `env` added; its exit code and what it printed. */
export function runTool(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `npm run import -- args` with `env` added. */
export const importCli = (args: string[], env: Record<string, string>) =>
  runTool('cli/import.ts', args, env);
