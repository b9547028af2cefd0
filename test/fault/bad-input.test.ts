/**
 * The bad-input corpus (issue 22, items 5 and 7): every malformed file of test/fault/bad-files.ts
 * goes through POST /api/import (as the server answers it), POST /api/import/propose and
 * `npm run import` on a store of its own. Each answers the same Russian sentence naming the file
 * and what was expected — status 200 with the outcome «rejected» over HTTP, exit code 1 on the
 * terminal, never a 500 — and leaves the stored tables exactly as they were. Then the requests
 * that are not files: uploads and downloads over the size limits, a methodology that is not JSON
 * or fails the schema (over HTTP, and as `npm run flags -- --methodology` reads a file).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { describeProblem, type Problem } from '../../contract/imports/problems.ts';
import type { FileReport } from '../../contract/imports/report.ts';
import { importPaths } from '../../ingest/import.ts';
import { ensureSchema } from '../../ingest/schema.ts';
import { useApp } from '../helpers/app.ts';
import { writeRegistryFile } from '../helpers/fixtures.ts';
import { runTool, importCli } from '../helpers/server-child.ts';
import { contentHash } from '../helpers/store.ts';
import { BAD_FILES, type BadFile } from './bad-files.ts';

const api = useApp(async (dir) => [await writeRegistryFile(dir)]);

let dir: string;
/** a store holding the registry only, for the CLI to import into (a copy per run) */
let base: string;
let baseHash: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-bad-input-'));
  base = join(dir, 'base.duckdb');
  const store = await Store.open(base);
  await ensureSchema(store);
  await importPaths(store, [await writeRegistryFile(dir)]);
  baseHash = await contentHash(store);
  store.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** English prose in a message: two Latin words in a row, the second in lower case. */
const ENGLISH = /[A-Za-z]{3,} [a-z]{3,}/;

/** The checks every refusal passes: the sentence written out, the file named, Russian only. */
function expectExplained(message: string | undefined, file: BadFile) {
  if (typeof file.message === 'string') expect(message).toBe(file.message);
  else expect(message).toMatch(file.message!);
  expect(message).toContain(`«${file.name}»`);
  expect(message).not.toMatch(ENGLISH);
}

const upload = (path: string, name: string, bytes: Uint8Array) =>
  api.request(path, {
    method: 'POST',
    // A name that is not valid percent-encoding («%», «%FF») is sent as it is.
    headers: { 'x-file-name': name.startsWith('%') ? name : encodeURIComponent(name) },
    body: bytes as Uint8Array<ArrayBuffer>,
  });

/** The upload through HTTP: the report, the store's content unchanged unless it loaded. */
async function throughHttp(file: BadFile, bytes: Uint8Array): Promise<FileReport> {
  const before = await contentHash(api.store);
  const response = await upload('/api/import', file.name, bytes);
  expect(response.status).toBe(200);
  const report = (await response.json()) as FileReport;
  expect(report).toMatchObject({ file: file.name, outcome: file.outcome });
  if (file.outcome === 'rejected') expect(await contentHash(api.store)).toBe(before);
  else expect(await contentHash(api.store)).not.toBe(before);
  return report;
}

/** `npm run import -- <file>` on a copy of the base store: its exit code and output. */
async function throughCli(file: BadFile, bytes: Uint8Array, index: number) {
  const folder = join(dir, `case-${index}`);
  mkdirSync(folder);
  const path = join(folder, file.name);
  const store = join(folder, 'store.duckdb');
  writeFileSync(path, bytes);
  copyFileSync(base, store);
  const run = await importCli([path], { DB_PATH: store });
  const opened = await Store.open(store);
  const hash = await contentHash(opened);
  opened.close();
  return { ...run, changed: hash !== baseHash };
}

const errorsOf = (report: FileReport) =>
  report.problems.filter((p: Problem) => p.severity === 'error').map((p) => describeProblem(p));

describe('malformed files through HTTP and the CLI', () => {
  for (const [index, file] of BAD_FILES.entries())
    it(`${file.title}: ${file.outcome} the same way by both`, async () => {
      const bytes = await file.bytes();
      const report = await throughHttp(file, bytes);
      const errors = errorsOf(report);
      const cli = await throughCli(file, bytes, index);
      expect(cli.stderr).toBe('');
      if (file.outcome === 'loaded') {
        expect(errors).toEqual([]);
        expect(cli.stdout).toContain(`${file.name}: загружен`);
        expect(cli.status).toBe(0);
        expect(cli.changed).toBe(true);
        return;
      }
      expectExplained(errors[0], file);
      expect(cli.stdout).toContain(`${file.name}: отклонён`);
      expect(cli.stdout).toContain(`    ошибка: ${errors[0]}\n`);
      expect(cli.status).toBe(1);
      expect(cli.changed).toBe(false);
    }, 120_000);

  for (const file of BAD_FILES)
    it(`${file.title}: offered for column mapping, ${file.mapping}`, async () => {
      const response = await upload('/api/import/propose', file.name, await file.bytes());
      const answer = (await response.json()) as { error?: string; fileName?: string };
      if (file.mapping === 'proposed') {
        expect(response.status).toBe(200);
        expect(answer.fileName).toBe(file.name);
        return;
      }
      expect(response.status).toBe(400);
      expect(answer.error).toBe(
        file.mapping === 'recognised'
          ? `Файл «${file.name}» уже распознаётся как известный формат: сопоставление не нужно.`
          : (file.mappingMessage ?? `${file.message}.`),
      );
      expect(answer.error).not.toMatch(ENGLISH);
    });
});

/** 51 MB: one more than the upload and download limits (50 MB). */
const OVER_LIMIT = new Uint8Array(51 * 1048576).fill(0x20);

describe('requests over the size limits', () => {
  for (const path of ['/api/import', '/api/import/propose'])
    it(`${path}: a body over 50 MB is refused with 413, naming the file`, async () => {
      const before = await contentHash(api.store);
      const response = await upload(path, 'большой.csv', OVER_LIMIT);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error:
          'Файл «большой.csv» больше 50 МБ — предела загрузки через сервер: разделите его на части.',
      });
      expect(await contentHash(api.store)).toBe(before);
    });

  it('/api/download: a table over 50 MB is refused with 413, one not a table with 400', async () => {
    const download = (body: Uint8Array | string) =>
      api.request('/api/download?format=csv', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body as string,
      });
    const large = await download(OVER_LIMIT);
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({
      error: 'Таблица для скачивания больше 50 МБ: сузьте выборку фильтрами страницы.',
    });
    const broken = await download('{"fileName": "таблица", "captions": [');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatch(/^Таблица для скачивания не принята: нужны/);
  });
});

describe('a methodology that is not JSON or fails the schema', () => {
  const NOT_JSON = '{"version": "новая", "minN": 5,';
  const WRONG = JSON.stringify({ version: 5, minN: 'пять' });

  for (const path of ['/api/methodology', '/api/methodology/preview'])
    it(`${path}: refused with 400 and what was expected; nothing stored`, async () => {
      const before = await contentHash(api.store);
      const send = (body: string) =>
        api.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      const notJson = await send(NOT_JSON);
      expect(notJson.status).toBe(400);
      expect(await notJson.json()).toEqual({
        error:
          'Методика не прошла проверку: ожидался объект методики в формате JSON (как analytics/methodology.default.json), а пришёл не JSON.',
      });
      const wrong = await send(WRONG);
      expect(wrong.status).toBe(400);
      const { error } = (await wrong.json()) as { error: string };
      expect(error).toMatch(
        /^Методика не прошла проверку: «Версия»: ожидалось текст; «Порог «мало данных»: участников меньше»: ожидалось число; /,
      );
      expect(error).toContain('«Кластеры»: ожидалось набор параметров');
      expect(error).not.toMatch(ENGLISH);
      expect(await contentHash(api.store)).toBe(before);
    });

  it('npm run flags -- --methodology <file>: exit code 1 and the file named', async () => {
    const store = join(dir, 'flags.duckdb');
    copyFileSync(base, store);
    const notJson = join(dir, 'методика-не-json.json');
    const wrong = join(dir, 'методика-не-та.json');
    writeFileSync(notJson, NOT_JSON);
    writeFileSync(wrong, WRONG);
    const flags = (file: string) =>
      runTool('cli/flags.ts', ['--methodology', file], { DB_PATH: store });
    expect(await flags(notJson)).toEqual({
      status: 1,
      stdout: '',
      stderr: `Файл методики ${notJson} — не JSON: ожидался объект методики в формате JSON, как analytics/methodology.default.json.\n`,
    });
    const refused = await flags(wrong);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^Файл методики ${wrong} не прошёл проверку: «Версия»: ожидалось текст; `),
    );
    expect(refused.stderr).not.toMatch(ENGLISH);
  }, 60_000);
});
