/**
 * GET /api/import/progress: nothing while idle; while a large ВПР task file (the bulk path)
 * is being imported, its name, the share done (never backwards) and the phase; nothing again
 * once the report is back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeSynthetic } from '../../../data/generator/synthetic.ts';
import { importPaths } from '../../../ingest/import.ts';
import type { ImportProgress } from '../../../contract/api/import-types.ts';
import { useApp } from '../../helpers/app.ts';

let tasks = '';
const app = useApp(async (dir) => {
  const files = writeSynthetic(join(dir, 'synthetic'), { schools: 1500, years: 1 });
  tasks = files.years[0]!.tasks.path;
  return [files.registry];
});

const progress = async () =>
  (await (await app.request('/api/import/progress')).json()) as ImportProgress;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('answers { running: false } when nothing is being imported', async () => {
  const response = await app.request('/api/import/progress');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ running: false });
});

it('reports the file, the share done and the phase while a large file is imported', async () => {
  const name = 'ВПР задания 2025-26.csv';
  let done = false;
  const pending = Promise.resolve(
    app.request('/api/import', {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent(name) },
      body: readFileSync(tasks),
    }),
  ).then(async (response) => {
    done = true;
    return response.json();
  });
  const seen: ImportProgress[] = [];
  while (!done) {
    seen.push(await progress());
    await pause(100);
  }
  const report = await pending;
  expect(report).toMatchObject({ file: name, outcome: 'loaded', rows: 232_500 });

  const running = seen.filter((p) => p.running);
  expect(running.length).toBeGreaterThan(0);
  for (const p of running) {
    expect(p.file).toBe(name);
    expect(p.fraction).toBeGreaterThanOrEqual(0);
    expect(p.fraction).toBeLessThanOrEqual(1);
    expect(new Date(p.startedAt).toISOString()).toBe(p.startedAt);
    expect(p.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(['Проверка и запись', 'Пересчёт показателей']).toContain(p.phase);
    // The models are rebuilt after the file is written in full.
    if (p.phase === 'Пересчёт показателей') expect(p.fraction).toBe(1);
  }
  expect(running.some((p) => p.fraction > 0 && p.fraction < 1)).toBe(true);
  const fractions = running.map((p) => p.fraction);
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(new Set(running.map((p) => p.startedAt)).size).toBe(1);

  expect(await progress()).toEqual({ running: false });
});

it('names the phase of a check (a trial import), and clears it after a rejected file', async () => {
  let done = false;
  const pending = Promise.resolve(
    app.request('/api/import?dryRun=true', {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent('проверка.csv') },
      body: readFileSync(tasks),
    }),
  ).finally(() => (done = true));
  let first: ImportProgress = { running: false };
  while (!first.running && !done) {
    first = await progress();
    await pause(20);
  }
  expect(first).toMatchObject({ running: true, file: 'проверка.csv', phase: 'Проверка файла' });
  // The same file again: already loaded, so only a check is planned, nothing is written.
  expect(await (await pending).json()).toMatchObject({ outcome: 'checked', planned: 'unchanged' });
  expect(await progress()).toEqual({ running: false });

  const rejected = await app.request('/api/import', {
    method: 'POST',
    headers: { 'x-file-name': encodeURIComponent('пустой.csv') },
    body: 'a;b\n1;2\n',
  });
  expect((await rejected.json()).outcome).toBe('rejected');
  expect(await progress()).toEqual({ running: false });
});
