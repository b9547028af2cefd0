/**
 * npm run users as an administrator runs it (password on stdin), the users file it writes
 * (scrypt hashes, salted per user, owner-only), its Russian refusals, its audit entries, and
 * the server refusing to listen on the network before an administrator exists.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../dashboard/server/auth/audit.ts';
import { AccessControl } from '../../dashboard/server/auth/control.ts';
import { UserDirectory } from '../../dashboard/server/auth/users.ts';
import { hashPassword } from '../../dashboard/server/auth/passwords.ts';
import { importPaths } from '../../ingest/import.ts';
import { writeRegistryFile } from '../helpers/fixtures.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';

let t: TempStore;
let env: Record<string, string>;

beforeAll(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir)]);
  t.store.close(); // the CLI opens the store itself to check a school's login
  env = {
    DB_PATH: join(t.dir, 'test.duckdb'),
    USERS_PATH: join(t.dir, 'users.json'),
    AUDIT_PATH: join(t.dir, 'audit.jsonl'),
  };
});
afterAll(() => t.dispose());

function run(script: string, args: string[], input = '', extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env, ...extraEnv },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const users = (args: string[], input = '') => run('cli/users.ts', args, input);
const stored = () => JSON.parse(readFileSync(env.USERS_PATH!, 'utf8')).users;

describe('npm run users', () => {
  it('adds an administrator, an analyst and a school user with the password from stdin', () => {
    const admin = users(['add', 'Admin', '--role', 'admin'], 'пароль-админа-1\n');
    expect(admin).toMatchObject({ status: 0, stderr: '' });
    expect(admin.stdout).toBe('Пользователь добавлен: admin, администратор.\n');
    expect(users(['add', 'metod', '--role', 'analyst'], 'пароль-аналитика\n').status).toBe(0);
    const school = users(
      ['add', 'lesnaya', '--role', 'school', '--school', 'sch000003'],
      'пароль-школы-3\n',
    );
    expect(school.stdout).toBe(
      'Пользователь добавлен: lesnaya, школа, Гимназия № 3 (sch000003).\n',
    );
  });

  it('stores only scrypt hashes with a salt of their own, in a file only the owner can read', async () => {
    const file = readFileSync(env.USERS_PATH!, 'utf8');
    expect(file).not.toContain('пароль');
    expect(statSync(env.USERS_PATH!).mode & 0o777).toBe(0o600);
    const hashes = stored().map((u: { passwordHash: string }) => u.passwordHash.split('$'));
    for (const [scheme, n, r, p, salt, hash] of hashes) {
      expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1']);
      expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
      expect(Buffer.from(hash!, 'base64')).toHaveLength(64);
    }
    expect(new Set(hashes.map((h: string[]) => h[4])).size).toBe(3);
    const directory = new UserDirectory(env.USERS_PATH!);
    expect(await directory.authenticate('ADMIN', 'пароль-админа-1')).toMatchObject({
      role: 'admin',
    });
    expect(await directory.authenticate('admin', 'пароль-админа-2')).toBeUndefined();
  });

  it('lists the users with their roles and schools, never a hash', () => {
    const list = users(['list']);
    expect(list.status).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Логин\s+Роль\s+Школа\s+Создан\s+Пароль сменён$/);
    const rows = lines.slice(2).map((l) => l.split(/\s{2,}/));
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['admin', 'администратор'],
      ['metod', 'аналитик'],
      ['lesnaya', 'школа'],
    ]);
    expect(rows[2]![2]).toBe('sch000003');
    expect(rows[0]![2]).toMatch(/^\d\d\.\d\d\.\d{4}/);
    expect(list.stdout).not.toContain('scrypt');
  });

  it('changes a password and removes a user', async () => {
    const before = stored().find((u: { login: string }) => u.login === 'metod');
    expect(users(['passwd', 'metod'], 'новый-пароль-аналитика\n').stdout).toBe(
      'Пароль пользователя metod сменён; открытые сессии закрыты.\n',
    );
    const after = stored().find((u: { login: string }) => u.login === 'metod');
    expect(after.stamp).not.toBe(before.stamp);
    expect(
      await new UserDirectory(env.USERS_PATH!).authenticate('metod', 'новый-пароль-аналитика'),
    ).toBeDefined();
    expect(users(['remove', 'metod']).stdout).toBe(
      'Пользователь metod удалён; его сессии закрыты.\n',
    );
    expect(stored().map((u: { login: string }) => u.login)).toEqual(['admin', 'lesnaya']);
  });

  it('refuses bad input in Russian and changes nothing', () => {
    const before = readFileSync(env.USERS_PATH!, 'utf8');
    const cases: [string[], string, string][] = [
      [
        ['add', 'kratko', '--role', 'analyst'],
        'короткий\n',
        'Пароль слишком короткий: нужно не меньше 10 символов.',
      ],
      [
        ['add', 'a b', '--role', 'analyst'],
        'достаточно-длинный\n',
        'Логин «a b» не подходит: от 3 до 32 латинских букв, цифр, точек, дефисов и подчёркиваний, начиная с буквы или цифры.',
      ],
      [
        ['add', 'admin', '--role', 'admin'],
        'достаточно-длинный\n',
        'Пользователь «admin» уже есть. Сменить пароль: npm run users -- passwd admin',
      ],
      [
        ['add', 'kto', '--role', 'boss'],
        '',
        'Укажите роль: --role admin, analyst или school (сейчас: «boss»).',
      ],
      [
        ['add', 'shkola', '--role', 'school'],
        'достаточно-длинный\n',
        'Для роли school укажите школу: --school <логин ОО>.',
      ],
      [
        ['add', 'shkola', '--role', 'school', '--school', 'sch999999'],
        'достаточно-длинный\n',
        'Школы с логином ОО «sch999999» нет в реестре хранилища.',
      ],
      [
        ['add', 'metod2', '--role', 'analyst', '--school', 'sch000003'],
        'достаточно-длинный\n',
        'Школа (--school) указывается только для роли school.',
      ],
      [
        ['remove', 'admin'],
        '',
        'Это последний администратор: сначала добавьте другого, иначе сервер в сети не запустится.',
      ],
      [['passwd', 'nobody'], 'достаточно-длинный\n', 'Пользователя «nobody» нет.'],
    ];
    for (const [args, input, message] of cases) {
      const result = users(args, input);
      expect(result.stderr, args.join(' ')).toBe(message + '\n');
      expect(result.status).toBe(1);
    }
    expect(readFileSync(env.USERS_PATH!, 'utf8')).toBe(before);
  });

  it('writes who changed which user to the audit log', () => {
    const { entries } = new AuditLog(env.AUDIT_PATH!).read();
    expect(entries.map((e) => [e.action, e.detail, e.address])).toEqual([
      ['user_remove', 'metod', 'командная строка'],
      ['user_passwd', 'metod', 'командная строка'],
      ['user_add', 'lesnaya, школа, Гимназия № 3 (sch000003)', 'командная строка'],
      ['user_add', 'metod, аналитик', 'командная строка'],
      ['user_add', 'admin, администратор', 'командная строка'],
    ]);
  });
});

/** Runs `work` with new hashes made at N = 2^log2N (the test-only SCRYPT_LOG2_N). */
async function withCost<T>(log2N: number, work: () => Promise<T>): Promise<T> {
  const before = process.env.SCRYPT_LOG2_N;
  process.env.SCRYPT_LOG2_N = String(log2N);
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.SCRYPT_LOG2_N;
    else process.env.SCRYPT_LOG2_N = before;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe('sign-in checks', () => {
  it('takes as long for a login that does not exist as for one that does', async () => {
    // N = 2^14 here (about 20 ms a hash) keeps 40 sign-ins quick; the dummy hash follows the
    // same parameter, so the comparison holds at the real cost too.
    await withCost(14, async () => {
      const directory = new UserDirectory(join(t.dir, 'timing-users.json'));
      await directory.add({ login: 'known', role: 'analyst', password: 'пароль-известного' });
      const time = async (login: string) => {
        const start = process.hrtime.bigint();
        expect(await directory.authenticate(login, 'не-тот-пароль-1')).toBeUndefined();
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      await time('known');
      await time('nobody');
      // Pairs taken side by side, in turns of order, so that a busy machine slows both alike:
      // the median of the pairs' differences is what an observer could tell apart.
      const differences: number[] = [];
      for (let i = 0; i < 30; i++) {
        const [first, second] = i % 2 === 0 ? ['known', 'nobody'] : ['nobody', 'known'];
        const a = await time(first!);
        const b = await time(second!);
        differences.push(first === 'known' ? a - b : b - a);
      }
      console.log(`вход: медиана разности «известный − неизвестный» ${median(differences)} мс`);
      expect(Math.abs(median(differences))).toBeLessThan(5);
    });
  });

  it('redoes a hash of the old parameters on sign-in, and the user signs in again', async () => {
    const path = join(t.dir, 'old-users.json');
    const oldHash = await withCost(14, () => hashPassword('старый-пароль-1'));
    expect(oldHash.split('$').slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    const user = {
      login: 'old',
      role: 'analyst',
      school: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      passwordChangedAt: '2026-01-01T00:00:00.000Z',
      stamp: 'abcdef0123456789',
      passwordHash: oldHash,
    };
    writeFileSync(path, JSON.stringify({ users: [user] }), { mode: 0o600 });
    const directory = new UserDirectory(path);
    expect(await directory.authenticate('old', 'старый-пароль-1')).toMatchObject({ login: 'old' });
    const [rehashed] = JSON.parse(readFileSync(path, 'utf8')).users;
    expect(rehashed.passwordHash.split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    expect(rehashed.stamp).toBe('abcdef0123456789');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await new UserDirectory(path).authenticate('old', 'старый-пароль-1')).toMatchObject({
      login: 'old',
    });
    expect(await directory.authenticate('old', 'старый-пароль-2')).toBeUndefined();
  });
});

describe('npm run users -- unlock', () => {
  it('clears the running server’s sign-in delays for a login, in its audit log', () => {
    const unlocks = join(t.dir, 'unlocks.jsonl');
    const access = new AccessControl({
      users: new UserDirectory(env.USERS_PATH!),
      audit: new AuditLog(env.AUDIT_PATH!),
      unlocksPath: unlocks,
      // a frozen clock: the wait is read a moment after the failures, and must still be 2 s
      now: () => Date.parse('2026-11-23T09:00:00Z'),
    });
    for (let i = 0; i < 6; i++) access.limiter.fail('203.0.113.5', 'admin');
    expect(access.limiter.waitMs('203.0.113.5', 'admin')).toBe(2000);
    const result = run('cli/users.ts', ['unlock', 'Admin'], '', { UNLOCKS_PATH: unlocks });
    expect(result.stdout).toBe('Задержки входа для admin сняты: можно входить сразу.\n');
    expect(result.status).toBe(0);
    expect(statSync(unlocks).mode & 0o777).toBe(0o600);
    expect(access.limiter.waitMs('203.0.113.5', 'admin')).toBe(0);
    expect(new AuditLog(env.AUDIT_PATH!).read({ action: 'user_unlock' }).entries).toMatchObject([
      { detail: 'admin', address: 'командная строка', outcome: 'ok' },
    ]);
    const unknown = run('cli/users.ts', ['unlock', 'nobody'], '', { UNLOCKS_PATH: unlocks });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Пользователя «nobody» нет.');
  });
});

describe('the server on the network', () => {
  const start = (usersPath: string) =>
    run('cli/start.ts', [], '', { HOST: '0.0.0.0', PORT: '0', USERS_PATH: usersPath });

  it('refuses to start without an administrator and says how to create one', () => {
    for (const path of [join(t.dir, 'нет-файла.json'), join(t.dir, 'only-analyst.json')]) {
      if (path.endsWith('only-analyst.json'))
        run('cli/users.ts', ['add', 'metod', '--role', 'analyst'], 'пароль-аналитика\n', {
          USERS_PATH: path,
        });
      const result = start(path);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'Сервер не запущен: он открыт для сети (HOST=0.0.0.0), но ни одного администратора ещё нет.',
      );
      expect(result.stderr).toContain('npm run users -- add <логин> --role admin');
      expect(result.stdout).toBe('');
    }
  });
});
