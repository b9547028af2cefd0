/** Starts the real server (npm start's entry) on a free port with a temporary store, and Chromium. */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  url: string;
  /** the store file the server opened (DB_PATH) */
  storePath: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<number | null>;
}

/**
 * The server on a copy of `template` (a built store), or on an empty store it fills with the demo;
 * `env` adds or overrides environment variables (USERS_PATH, AUDIT_PATH, HOST…).
 */
export async function startServer(
  template?: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mko-e2e-'));
  if (template) copyFileSync(template, join(dir, 'store.duckdb'));
  const port = await freePort();
  // Node itself with tsx's loader, not the tsx command: that one relays SIGINT and, when the
  // server has not acknowledged it within 30 ms (a loaded machine), kills it and exits 130.
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/start.ts'], {
    env: {
      ...process.env,
      DB_PATH: join(dir, 'store.duckdb'),
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (let ready = false; !ready;) {
    if (child.exitCode !== null) throw new Error(`Сервер завершился при запуске:\n${log}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Сервер не ответил за 150 с:\n${log}`);
    }
    // /api/session answers without sign-in, so a server with users is found ready too.
    ready = await fetch(`${url}/api/session`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    storePath: env.DB_PATH ?? join(dir, 'store.duckdb'),
    process: child,
    output: () => log,
    stop: () =>
      new Promise((resolve) => {
        const stopped = (code: number | null) => {
          rmSync(dir, { recursive: true, force: true });
          resolve(code);
        };
        // A server a fault test killed has ended already: only its folder is left to remove.
        if (child.exitCode !== null || child.signalCode !== null) return stopped(child.exitCode);
        child.once('exit', stopped);
        child.kill('SIGINT');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Браузерные тесты требуют Debian Chromium в ${CHROMIUM}, а его нет: выполните от root npm run provision (его же запускает npm test) или apt-get install -y chromium`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

// What openDashboard started in this test file (each file has its own module instance).
let browser: Browser | undefined;
let server: RunningServer | undefined;

/**
 * Chromium, the server on a copy of `template` (or on an empty store it fills with the demo),
 * and one page at 1366×768 in ru-RU that accepts downloads. For a file's beforeAll, with
 * closeDashboard as its afterAll.
 */
export async function openDashboard(
  template?: string,
  env: Record<string, string> = {},
): Promise<{ server: RunningServer; page: Page }> {
  browser = await launchBrowser();
  server = await startServer(template, env);
  const page = await browser.newPage({
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    acceptDownloads: true,
  });
  return { server, page };
}

/** Closes the browser and stops the server, which must exit cleanly. */
export async function closeDashboard(): Promise<void> {
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
}

/** The page token every POST needs (a local server without users gives it without sign-in). */
export async function csrfHeader(url: string): Promise<Record<string, string>> {
  const { csrf } = (await (await fetch(`${url}/api/session`)).json()) as { csrf: string };
  return { 'x-csrf-token': csrf };
}
