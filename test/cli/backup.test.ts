/**
 * npm run backup and npm run restore as an administrator runs them (child processes on a
 * temporary store named by DB_PATH and friends): a backup restored into an empty place gives
 * every table row for row and the other files byte for byte; a backup while the server holds
 * the store is written by the server and gives the server's tables; restore refuses a locked
 * store and a damaged backup without touching anything; every file is owner-only (600),
 * the store's write-ahead log included.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { pathLiteral } from '../../analytics/store-copy.ts';
import { AuditLog } from '../../dashboard/server/auth/audit.ts';
import { UserDirectory } from '../../dashboard/server/auth/users.ts';
import { writeCsv } from '../../data/generator/files.ts';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { importPaths } from '../../ingest/import.ts';
import { ensureSchema } from '../../ingest/schema.ts';
import { loadOrCreateSalt } from '../../ingest/teacher-key.ts';
import { VPR_TASK_HEADER } from '../helpers/fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const METHODOLOGY = join(ROOT, 'analytics', 'methodology.default.json');
const PASSWORD = 'пароль-администратора';

/** The files of one installation in `dir`, as the commands find them through the environment. */
const installation = (dir: string) => ({
  DB_PATH: join(dir, 'store.duckdb'),
  USERS_PATH: join(dir, 'users.json'),
  AUDIT_PATH: join(dir, 'audit.jsonl'),
  METHODOLOGY_PATH: join(dir, 'methodology.json'),
});
type Installation = ReturnType<typeof installation>;
/** The files beside the store, by their environment variable (the salt is beside the store). */
const sideFiles = (i: Installation) => ({
  users: i.USERS_PATH,
  audit: i.AUDIT_PATH,
  methodology: i.METHODOLOGY_PATH,
  salt: `${i.DB_PATH}.teacher-salt`,
});

function run(script: string, args: string[], env: Record<string, string>, input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, MKO_LOGIN: 'admin' },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Every table of a store (the import journal too): its definition and a hash of its ordered rows. */
async function tables(path: string): Promise<Record<string, { sql: string; rows: string }>> {
  const store = await Store.open(path);
  try {
    const result: Record<string, { sql: string; rows: string }> = {};
    const list = await store.all<{ table_name: string; sql: string }>(
      `SELECT table_name, sql FROM duckdb_tables() WHERE NOT temporary ORDER BY 1`,
    );
    for (const { table_name, sql } of list) {
      const rows = await store.all(`SELECT * FROM ${table_name} ORDER BY ALL`);
      const text = JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? String(v) : v));
      result[table_name] = { sql, rows: sha256(text) };
    }
    return result;
  } finally {
    store.close();
  }
}

/** What a folder holds: each file's name and a hash of its bytes (the store's too). */
const folderState = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name !== 'backups')
      .sort()
      .map((name) => [name, sha256(readFileSync(join(dir, name)))]),
  );

const modeOf = (path: string) => statSync(path).mode & 0o777;

let dir: string;
let source: Installation;
let sourceFiles: Record<string, string>;
let correction: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-backup-'));
  mkdirSync(join(dir, 'source'));
  source = installation(join(dir, 'source'));
  const files = writeSynthetic(join(dir, 'files'), { schools: 3, years: 2 });
  const store = await Store.open(source.DB_PATH);
  await ensureSchema(store);
  await importPaths(store, [
    files.registry,
    ...files.years.flatMap((y) => [y.tasks.path, y.marks]),
  ]);
  store.close();
  await new UserDirectory(source.USERS_PATH).add({
    login: 'admin',
    role: 'admin',
    password: PASSWORD,
  });
  new AuditLog(source.AUDIT_PATH).write({
    user: 'admin',
    role: 'admin',
    address: '127.0.0.1',
    action: 'import',
    detail: 'тест',
    outcome: 'ok',
  });
  loadOrCreateSalt(sideFiles(source).salt);
  copyFileSync(METHODOLOGY, source.METHODOLOGY_PATH);
  sourceFiles = Object.fromEntries(
    Object.entries(sideFiles(source)).map(([kind, path]) => [kind, readFileSync(path, 'utf8')]),
  );
  // A 2025/26 file for one school's mathematics, grade 5, task 1, imported through the server.
  correction = join(dir, 'исправление.csv');
  writeCsv(correction, [
    VPR_TASK_HEADER,
    ['2025/26', 'syn000001', 5, 'Математика', '1', 1, 'Б', 30, 0],
  ]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run backup, then npm run restore into an empty place', () => {
  let backup: string;
  let target: Installation;

  it('writes the store copy, the four files and the manifest, each owner-only', () => {
    backup = join(dir, 'копия');
    const result = run('cli/backup.ts', ['--to', backup], source);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain(`Резервная копия записана: ${backup}\n`);
    expect(readdirSync(backup).sort()).toEqual([
      'audit.jsonl',
      'manifest.json',
      'methodology.json',
      'store.duckdb',
      'teacher-salt',
      'users.json',
    ]);
    for (const name of readdirSync(backup)) expect(modeOf(join(backup, name))).toBe(0o600);
    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      product: 'monitoring-kachestva-obrazovaniya',
      version: '0.1.0',
      schemaVersion: 5, // 001-baseline … 003-committee-list-decisions, 004-roadmap, 005-network-pair-register
    });
    expect(manifest.files.map((f: { kind: string }) => f.kind)).toEqual([
      'store',
      'users',
      'audit',
      'salt',
      'methodology',
    ]);
    for (const file of manifest.files)
      expect(file.sha256).toBe(sha256(readFileSync(join(backup, file.name))));
    // 3 schools; 2 years × (tasks + marks) files and the registry; 930 task rows, 60 marks rows.
    expect(manifest.tables).toMatchObject({
      school: 3,
      import_batch: 5,
      import_log: 5,
      raw_vpr_tasks: 930,
      raw_vpr_marks: 60,
    });
  });

  it('restores every table row for row and the other files byte for byte, owner-only', async () => {
    mkdirSync(join(dir, 'empty'));
    target = installation(join(dir, 'empty'));
    const result = run('cli/restore.ts', [backup], target);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain(`Восстановлен ${target.DB_PATH}\n`);
    expect(await tables(target.DB_PATH)).toEqual(await tables(source.DB_PATH));
    const restored = sideFiles(target);
    for (const kind of ['users', 'salt', 'methodology'] as const)
      expect(readFileSync(restored[kind], 'utf8')).toBe(sourceFiles[kind]);
    // The restored log, and the restore itself recorded after it.
    const audit = readFileSync(restored.audit, 'utf8');
    expect(audit.startsWith(sourceFiles.audit!)).toBe(true);
    expect(JSON.parse(audit.slice(sourceFiles.audit!.length))).toMatchObject({
      action: 'restore',
      outcome: 'ok',
    });
    for (const path of [target.DB_PATH, ...Object.values(restored)])
      expect(modeOf(path)).toBe(0o600);
  });

  it('refuses a damaged backup, naming the file, and changes nothing', () => {
    const damaged = join(dir, 'повреждённая');
    cpSync(backup, damaged, { recursive: true });
    const bytes = readFileSync(join(damaged, 'store.duckdb'));
    bytes.writeUInt8(bytes.readUInt8(100) ^ 0xff, 100); // one byte of the header changed
    writeFileSync(join(damaged, 'store.duckdb'), bytes);
    const before = folderState(join(dir, 'empty'));
    const result = run('cli/restore.ts', [damaged], target);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Резервная копия ${damaged} повреждена: файл store.duckdb не совпадает с описью (размер или SHA-256). Ничего не изменено.\n`,
    );
    expect(folderState(join(dir, 'empty'))).toEqual(before);
  });

  it('refuses a backup of a newer schema than this version knows, and changes nothing', () => {
    const newer = join(dir, 'новее');
    cpSync(backup, newer, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(newer, 'manifest.json'), 'utf8'));
    writeFileSync(join(newer, 'manifest.json'), JSON.stringify({ ...manifest, schemaVersion: 6 }));
    const before = folderState(join(dir, 'empty'));
    const result = run('cli/restore.ts', [newer], target);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Копия в ${newer} сделана более новой версией программы (версия схемы данных 6, эта версия знает версии до 5): обновите программу перед восстановлением. Текущие файлы не изменены.\n`,
    );
    expect(folderState(join(dir, 'empty'))).toEqual(before);
  });

  it('refuses a path with a quote character for the store copy', () => {
    expect(pathLiteral('/tmp/копия/store.duckdb')).toBe(`'/tmp/копия/store.duckdb'`);
    expect(() => pathLiteral(`/tmp/o'brien/store.duckdb`)).toThrow(/содержит кавычку/);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** npm start on the installation, answering once /api/session does. */
async function startServer(
  env: Installation,
): Promise<{ child: ChildProcess; port: string; log: () => string }> {
  const dist = join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html>'); // newer than the sources: no build
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DIST_DIR: dist },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the server ended:\n${log}`);
      expect((await fetch(`http://127.0.0.1:${port}/api/session`)).ok).toBe(true);
    },
    { timeout: 90_000, interval: 200 },
  );
  return { child, port: String(port), log: () => log };
}

describe('npm run backup while the server holds the store', () => {
  let live: Installation;
  let server: Awaited<ReturnType<typeof startServer>>;
  /** the installation's environment with the server's port, for the commands that call it */
  let withServer: Record<string, string>;
  const backup = () => join(dir, 'копия-сервера');

  beforeAll(async () => {
    mkdirSync(join(dir, 'live'));
    live = installation(join(dir, 'live'));
    for (const [kind, path] of Object.entries(sideFiles(source)))
      copyFileSync(path, sideFiles(live)[kind as keyof ReturnType<typeof sideFiles>]);
    copyFileSync(source.DB_PATH, live.DB_PATH);
    server = await startServer(live);
    withServer = { ...live, PORT: server.port };
  }, 120_000);
  afterAll(async () => {
    if (server?.child.exitCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGINT');
      await exited;
    }
  });

  it('writes the WAL of an import through the server owner-only', () => {
    const result = run('cli/import.ts', ['--replace', correction], withServer, `${PASSWORD}\n`);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('загружаю через');
    expect(existsSync(`${live.DB_PATH}.wal`)).toBe(true);
    expect(modeOf(`${live.DB_PATH}.wal`)).toBe(0o600);
    expect(modeOf(live.DB_PATH)).toBe(0o600);
  });

  it('has the server write the backup, then moves it to --to', () => {
    const result = run('cli/backup.ts', ['--to', backup()], withServer, `${PASSWORD}\n`);
    expect(result, server.log()).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('копию делает сервер');
    expect(readdirSync(join(dir, 'live', 'backups'))).toEqual([]);
    for (const name of readdirSync(backup())) expect(modeOf(join(backup(), name))).toBe(0o600);
    const audit = readFileSync(live.AUDIT_PATH, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(audit.at(-1)).toMatchObject({ user: 'admin', action: 'backup', outcome: 'ok' });
  });

  it('refuses to restore while the server runs, and changes nothing', () => {
    const before = folderState(join(dir, 'live'));
    const result = run('cli/restore.ts', [backup()], live);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^Остановите сервер панели перед восстановлением: хранилище .* занято другим процессом\. Ничего не изменено\.\n$/,
    );
    expect(folderState(join(dir, 'live'))).toEqual(before);
  });

  it("gives the server's tables, the import through it included", async () => {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGINT');
    await exited;
    const copy = join(dir, 'проверка.duckdb');
    copyFileSync(join(backup(), 'store.duckdb'), copy);
    const backedUp = await tables(copy);
    expect(backedUp).toEqual(await tables(live.DB_PATH));
    expect(backedUp).not.toEqual(await tables(source.DB_PATH));
  });
});
