/**
 * Fault injection through the real server (issue 22, item 7): the server process receives an
 * upload (from a page's POST /api/import, or from `npm run import` while it runs) or a
 * methodology save, and dies with SIGKILL at a fault point (FAULT_AT, analytics/fault-point.ts).
 * One start later every model is what a full rebuild of the stored rows gives.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import {
  NEW_METHODOLOGY,
  OLD_METHODOLOGY_STATE,
  correctedTask,
  expectModelsAsRebuilt,
  methodologyState,
  writeCrashFiles,
  type CrashFiles,
} from '../helpers/crash-store.ts';
import { importCli, serverOnStore, type ServerOnStore } from '../helpers/server-child.ts';

let dir: string;
let files: CrashFiles;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-server-kill-'));
  files = await writeCrashFiles(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A page's upload of the corrected file; the server dies before it answers. */
async function upload(server: ServerOnStore): Promise<void> {
  const answer = await fetch(`${server.url}/api/import?replace=true`, {
    method: 'POST',
    headers: { ...server.headers, 'x-file-name': encodeURIComponent('исправление.csv') },
    body: readFileSync(files.correction),
  }).catch((error: Error) => error);
  expect(answer).toBeInstanceOf(Error);
}

/** `npm run import -- --replace` of the corrected file through the running server. */
async function cliUpload(server: ServerOnStore, storePath: string): Promise<void> {
  const run = await importCli(['--replace', files.correction], {
    DB_PATH: storePath,
    HOST: '127.0.0.1',
    PORT: new URL(server.url).port,
  });
  expect(run.stdout).toContain('Хранилище занято работающим сервером — загружаю через');
  expect(run.stderr).toBe(
    `Сервер ${server.url} прервал соединение, не ответив на загрузку файла «исправление.csv»: проверьте, работает ли он (npm start), и загрузите файл снова.\n`,
  );
  expect(run.status).toBe(1);
}

/** Starts the server on `path` and stops it; returns what it printed. */
async function oneStart(path: string): Promise<string> {
  const server = await serverOnStore(path, dir);
  expect(await server.stop()).toBe(0);
  return server.output();
}

const UPLOADS = [
  { faultAt: 'after-rows-committed', send: upload, when: 'after the rows commit' },
  { faultAt: 'in-rebuild', send: upload, when: 'in the middle of the rebuild' },
  { faultAt: 'after-rows-committed', send: cliUpload, when: 'from the CLI, after the rows commit' },
];
for (const [i, { faultAt, send, when }] of UPLOADS.entries())
  it(`a server killed during an upload ${when} is repaired by its next start`, async () => {
    const path = join(dir, `upload-${i}.duckdb`);
    copyFileSync(files.base, path);
    const server = await serverOnStore(path, dir, faultAt);
    await send(server, path);
    expect(await server.killed).toBe(true);
    await server.stop();

    const killed = await Store.open(path);
    expect(await killed.all('SELECT year FROM model_pending')).toEqual([{ year: 2026 }]);
    killed.close();
    expect(await oneStart(path)).toContain(
      'Показатели пересчитаны: изменились данные, модели или методика.',
    );
    const store = await Store.open(path);
    try {
      expect(await correctedTask(store)).toEqual({ completion_pct: 0, participants_count: 30 });
      await expectModelsAsRebuilt(store);
    } finally {
      store.close();
    }
  }, 300_000);

for (const faultAt of ['after-methodology-stored', 'in-rebuild'])
  it(`a server killed during a methodology save (${faultAt}) keeps the old methodology and its models`, async () => {
    const path = join(dir, `methodology-${faultAt}.duckdb`);
    copyFileSync(files.base, path);
    const server = await serverOnStore(path, dir, faultAt);
    const answer = await fetch(`${server.url}/api/methodology`, {
      method: 'POST',
      headers: { ...server.headers, 'content-type': 'application/json' },
      body: JSON.stringify(NEW_METHODOLOGY),
    }).catch((error: Error) => error);
    expect(answer).toBeInstanceOf(Error);
    expect(await server.killed).toBe(true);
    await server.stop();

    expect(await oneStart(path)).not.toContain('Показатели пересчитаны');
    const store = await Store.open(path);
    try {
      expect(await methodologyState(store)).toEqual(OLD_METHODOLOGY_STATE);
      await expectModelsAsRebuilt(store);
    } finally {
      store.close();
    }
  }, 300_000);
