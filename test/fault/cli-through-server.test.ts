/**
 * `npm run import` when the store is held. Files over the server's upload limit (50 МБ) while
 * the server runs: the CLI sends nothing and says in Russian what to do — stop the server for a
 * CSV of a bulk template (the command line then loads it directly, with no size limit), or split
 * the file; and what it promises holds. A store held by another process with no server to answer:
 * a Russian sentence, not «fetch failed».
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { importPaths } from '../../ingest/import.ts';
import { ensureSchema } from '../../ingest/schema.ts';
import { VPR_TASK_HEADER, writeRegistryFile } from '../helpers/fixtures.ts';
import { importCli, serverOnStore } from '../helpers/server-child.ts';

let dir: string;
let store: string;
/** 51,0 MB of ВПР task rows of one school in the template: a CSV the bulk path takes */
let tasks: string;
/** 51,0 MB of a layout nobody knows */
let other: string;

/** `header`, then `row(i)` for i = 1, 2… until the file is over 51 MB. */
function writeLarge(path: string, header: string, row: (i: number) => string): void {
  const lines = [header];
  let size = header.length + 1;
  for (let i = 1; size <= 51 * 1048576; i++) {
    const line = row(i);
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-cli-size-'));
  store = join(dir, 'store.duckdb');
  const opened = await Store.open(store);
  await ensureSchema(opened);
  await importPaths(opened, [await writeRegistryFile(dir)]);
  opened.close();
  tasks = join(dir, 'задания-страны.csv');
  writeLarge(
    tasks,
    VPR_TASK_HEADER.join(';'),
    (i) => `2025/26;sch000001;5;Математика;${i};1;Б;40;50`,
  );
  other = join(dir, 'свой-формат.csv');
  writeLarge(other, 'Фамилия;Имя;Рост', (i) => `Иванов;Иван;${i}`);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('refuses to send files over 50 МБ to the running server and says what to do', async () => {
  const running = join(dir, 'running.duckdb');
  copyFileSync(store, running);
  const server = await serverOnStore(running, dir);
  try {
    const history = async () =>
      (await (await fetch(`${server.url}/api/import/history`)).json()).history.length;
    expect(await history()).toBe(1);
    const run = await importCli([tasks, other], {
      DB_PATH: running,
      HOST: '127.0.0.1',
      PORT: new URL(server.url).port,
    });
    expect(run.stdout).toContain('Хранилище занято работающим сервером — загружаю через');
    expect(run.stderr).toBe(
      [
        'Файл «задания-страны.csv» (51,0 МБ) больше предела загрузки через сервер — 50 МБ, и не отправлен. Остановите сервер (Ctrl+C в окне npm start) и повторите команду: без сервера командная строка загружает такой CSV напрямую, без предела размера. Или разделите файл на части до 50 МБ.',
        'Файл «свой-формат.csv» (51,0 МБ) больше предела загрузки через сервер — 50 МБ, и не отправлен. Разделите его на части до 50 МБ: без сервера предел тот же — больше 50 МБ командная строка загружает только CSV в кодировке UTF-8 по шаблонам «ВПР: отметки по ОО (шаблон)» и «ВПР: выполнение заданий по ОО (шаблон)».',
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(1);
    // Nothing was sent: the server's history still holds the registry alone.
    expect(await history()).toBe(1);
  } finally {
    expect(await server.stop()).toBe(0);
  }
}, 300_000);

it('with the server stopped, the command line reads the large template CSV directly', async () => {
  const run = await importCli(['--dry-run', tasks], { DB_PATH: store });
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/задания-страны\.csv: проверен \(без записи\)/);
  expect(run.status).toBe(0);
}, 300_000);

it('says so in Russian when another process holds the store and no server answers', async () => {
  const holder = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/hold-store.ts', store], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
      holder.on('exit', (code) => reject(new Error(`the holder ended first (exit ${code})`)));
    });
    // Nothing listens on port 1.
    const small = join(dir, 'малый.csv');
    writeFileSync(small, 'Фамилия;Имя;Рост\nИванов;Иван;180\n');
    const run = await importCli([small], { DB_PATH: store, HOST: '127.0.0.1', PORT: '1' });
    expect(run.stderr).toBe(
      'Хранилище занято другим процессом, а сервер http://127.0.0.1:1 не отвечает: дождитесь, пока закончится другая загрузка, или запустите сервер (npm start).\n',
    );
    expect(run.status).toBe(1);
  } finally {
    const ended = new Promise((resolve) => holder.once('exit', resolve));
    holder.stdin.end();
    await ended;
  }
}, 120_000);
