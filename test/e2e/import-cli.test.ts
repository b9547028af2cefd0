/**
 * npm run import while the server holds the store: the CLI goes through the server, with the
 * page token on a single-user install and after signing in as an administrator on one with
 * users; the server writes the import to the audit log under that administrator.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditLog } from '../../dashboard/server/auth/audit.ts';
import { UserDirectory } from '../../dashboard/server/auth/users.ts';
import { startServer, type RunningServer } from './server.ts';

const PASSWORD = 'пароль-администратора';

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mko-import-cli-'));
  file = join(dir, 'Сетевые пары.csv');
  writeFileSync(
    file,
    'Учебный год;ОО-наставник;Подшефная ОО;Форма взаимодействия\n2025/26;Гимназия № 1;Луговская СОШ;сетевое наставничество\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A server on its own copy of the demo store, with `users` file; the CLI gets the same paths. */
async function serverWith(name: string, withAdmin: boolean) {
  const env = {
    DB_PATH: join(dir, `${name}.duckdb`),
    USERS_PATH: join(dir, `${name}.users.json`),
    AUDIT_PATH: join(dir, `${name}.audit.jsonl`),
  };
  copyFileSync(inject('demoStore'), env.DB_PATH);
  if (withAdmin)
    await new UserDirectory(env.USERS_PATH).add({
      login: 'ivanova',
      role: 'admin',
      password: PASSWORD,
    });
  const server = await startServer(undefined, env);
  return { server, env: { ...env, PORT: new URL(server.url).port } };
}

function importCli(env: Record<string, string>, input: string) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'cli/import.ts', '--dry-run', '--replace', file],
    {
      env: { ...process.env, ...env },
      input,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run import through a running server', () => {
  let running: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
  });

  it('sends the page token on a single-user install', async () => {
    const { server, env } = await serverWith('local', false);
    running.push(server);
    const run = importCli(env, '');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Хранилище занято работающим сервером — загружаю через');
    expect(run.stdout).toMatch(/Сетевые пары\.csv: проверен \(без записи\)/);
    expect(run.status).toBe(0);
    const [entry] = new AuditLog(env.AUDIT_PATH).read().entries;
    expect(entry).toMatchObject({
      user: 'локальный пользователь',
      action: 'import',
      outcome: 'ok',
    });
  });

  it('signs in as the administrator from MKO_LOGIN with the password from stdin', async () => {
    const { server, env } = await serverWith('network', true);
    running.push(server);
    const wrong = importCli({ ...env, MKO_LOGIN: 'ivanova' }, 'не-тот-пароль\n');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('Вход на сервер не выполнен: Неверный логин или пароль.\n');
    const run = importCli({ ...env, MKO_LOGIN: 'ivanova' }, `${PASSWORD}\n`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Сетевые пары\.csv: проверен \(без записи\)/);
    expect(run.status).toBe(0);
    const actions = new AuditLog(env.AUDIT_PATH)
      .read()
      .entries.map((e) => [e.user, e.action, e.outcome]);
    expect(actions).toEqual([
      ['ivanova', 'import', 'ok'],
      ['ivanova', 'login', 'ok'],
      ['ivanova', 'login_failed', 'failed'],
    ]);
  });
});
