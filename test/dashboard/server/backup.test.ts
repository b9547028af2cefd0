/**
 * POST /api/admin/backup on the app: the page token required, the backup written only under the
 * store's own backups folder whatever the request says, its name answered, the event audited.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { useApp } from '../../helpers/app.ts';
import { FOLDER_NAME, newBackupFolder } from '../../../dashboard/server/backup/files.ts';

const app = useApp();
let backups: string;

beforeAll(() => {
  // The users and audit files the backup copies: none yet, beside this test's store.
  const dir = dirname(app.store.path);
  vi.stubEnv('USERS_PATH', join(dir, 'нет-пользователей.json'));
  vi.stubEnv('AUDIT_PATH', join(dir, 'нет-журнала.jsonl'));
  vi.stubEnv('METHODOLOGY_PATH', undefined);
  vi.stubEnv('TEACHER_SALT_PATH', undefined);
  backups = join(dir, 'backups');
});
afterAll(() => vi.unstubAllEnvs());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/admin/backup', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

it('refuses a request without the page token', async () => {
  const response = await app.app.request('/api/admin/backup', { method: 'POST' });
  expect(response.status).toBe(403);
  expect((await response.json()).code).toBe('csrf');
});

it('writes under the store’s backups folder, never where the request says, and answers its name', async () => {
  const response = await post({ folder: '/tmp/чужая-папка', to: '../..' });
  expect(response.status).toBe(200);
  const made = await response.json();
  expect(made.folder).toMatch(FOLDER_NAME);
  // Only the store: no users, audit, salt or methodology file here.
  expect(made).toMatchObject({ files: 1 });
  expect(readdirSync(backups)).toEqual([made.folder]);
  const folder = join(backups, made.folder);
  expect(readdirSync(folder).sort()).toEqual(['manifest.json', 'store.duckdb']);
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  for (const name of readdirSync(folder))
    expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  // The registry's 3 schools; 2 files imported (the registry and the ВПР file).
  expect(manifest.tables).toMatchObject({ school: 3, import_batch: 2 });
  expect(Object.keys(manifest.tables)).toHaveLength(made.tables);
});

it('gives two backups at once folders of their own, and audits each', async () => {
  const [first, second] = await Promise.all([post({}), post({})]);
  const names = [(await first.json()).folder, (await second.json()).folder];
  expect(new Set(names).size).toBe(2);
  expect(readdirSync(backups)).toHaveLength(3);
  const entries = app.access.audit.read({ action: 'backup' }).entries;
  expect(entries).toHaveLength(3);
  expect(entries[0]).toMatchObject({ user: 'локальный пользователь', outcome: 'ok' });
});

it('names a backup folder after its time in UTC, with -2 for the second in the same second', () => {
  const now = new Date('2026-12-06T05:00:00.250Z');
  const parent = join(dirname(app.store.path), 'по-времени');
  expect(newBackupFolder(parent, now)).toBe(join(parent, '2026-12-06T05-00-00'));
  expect(newBackupFolder(parent, now)).toBe(join(parent, '2026-12-06T05-00-00-2'));
  expect(statSync(parent).mode & 0o777).toBe(0o700);
});
