/**
 * Crash consistency (issue 22, items 1 and 7): a child process imports into a store, or saves a
 * new methodology version, and is killed with SIGKILL at a chosen point (FAULT_AT,
 * analytics/fault-point.ts); then what a start does — `refreshModels(store, { kind: 'read' })`,
 * or `prepareStore` for the demo load — must leave every model exactly as a full rebuild of the
 * stored rows gives.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';
import {
  NEW_METHODOLOGY,
  OLD_METHODOLOGY_STATE,
  allModels,
  approx,
  correctedTask,
  expectModelsAsRebuilt,
  methodologyState,
  writeCrashFiles,
  type CrashFiles,
} from '../helpers/crash-store.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../helpers/crash-child.ts', import.meta.url));

let dir: string;
let files: CrashFiles;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-crash-'));
  files = await writeCrashFiles(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child with FAULT_AT; resolves when SIGKILL ended it, fails when it ended otherwise. */
function killedChild(args: string[], faultAt: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      env: { ...process.env, FAULT_AT: faultAt },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve()
        : reject(new Error(`the child was not killed (exit ${code}): ${stderr}`)),
    );
  });
}

/** What a start does, then: every model as a full rebuild gives, no mark left, nothing more to do. */
async function expectRepairedByStart(store: Store) {
  expect(await refreshModels(store, { kind: 'read' })).toBe(true);
  await expectModelsAsRebuilt(store);
}

const KILLS = [
  {
    faultAt: 'after-rows-committed',
    mode: 'import',
    when: 'after the rows commit, before the rebuild',
  },
  { faultAt: 'after-rows-committed', mode: 'bulk', when: 'after the bulk path commits the rows' },
  { faultAt: 'in-rebuild', mode: 'import', when: 'in the middle of the rebuild' },
];
for (const { faultAt, mode, when } of KILLS)
  it(`a kill ${when} is repaired by the next start`, async () => {
    const path = join(dir, `${faultAt}-${mode}.duckdb`);
    copyFileSync(files.base, path);
    await killedChild([path, mode, files.correction], faultAt);

    const store = await Store.open(path);
    try {
      // The rows are in, the models are not: what the issue found stale for good.
      expect(await store.all('SELECT year FROM model_pending')).toEqual([{ year: 2026 }]);
      expect(await correctedTask(store)).not.toEqual({ completion_pct: 0, participants_count: 30 });
      await expectRepairedByStart(store);
      expect(await correctedTask(store)).toEqual({ completion_pct: 0, participants_count: 30 });
    } finally {
      store.close();
    }
  }, 120_000);

it('a first start killed during the demo load is resumed by the next start, and the demo is complete', async () => {
  const path = join(dir, 'demo.duckdb');
  const demoDir = join(dir, 'demo');
  await killedChild([path, 'demo', demoDir], 'after-rows-committed:30');

  const store = await Store.open(path);
  try {
    const demoBatches = async () =>
      (await store.one<{ n: number }>(
        'SELECT count(*)::INTEGER AS n FROM import_batch WHERE is_demo',
      ))!.n;
    expect(await demoBatches()).toBe(30);
    const lines: string[] = [];
    await prepareStore(store, (line) => lines.push(line), demoDir);
    expect(lines[0]).toBe(
      'Загрузка демонстрационных данных была прервана: догружаю оставшиеся файлы…',
    );
    const files = Number(/^Загружено файлов: (\d+)\.$/.exec(lines.at(-1)!)![1]);
    expect(files).toBeGreaterThan(100);
    expect(await demoBatches()).toBe(files);
    expect(await store.one('SELECT finished FROM demo_load')).toEqual({ finished: true });
    const afterStart = await allModels(store);
    await refreshModels(store, { kind: 'all' });
    expect(afterStart).toEqual(approx(await allModels(store)));
    // The next start finds nothing to do.
    lines.length = 0;
    await prepareStore(store, (line) => lines.push(line), demoDir);
    expect(lines).toEqual([]);
  } finally {
    store.close();
  }
}, 600_000);

it("a store of the user's own data is never given the demo", async () => {
  const path = join(dir, 'own.duckdb');
  copyFileSync(files.base, path);
  const store = await Store.open(path);
  try {
    const lines: string[] = [];
    await prepareStore(store, (line) => lines.push(line), join(dir, 'not-made'));
    expect(lines).toEqual([]);
    expect(
      await store.one('SELECT count(*)::INTEGER AS n FROM import_batch WHERE is_demo'),
    ).toEqual({ n: 0 });
  } finally {
    store.close();
  }
});

const METHODOLOGY_KILLS = [
  { faultAt: 'after-methodology-stored', when: 'after the new version is written' },
  { faultAt: 'in-rebuild', when: 'in the middle of its rebuild' },
];
for (const { faultAt, when } of METHODOLOGY_KILLS)
  it(`a methodology save killed ${when} leaves the old methodology and the models built by it`, async () => {
    const path = join(dir, `methodology-${faultAt}.duckdb`);
    copyFileSync(files.base, path);
    const store = await Store.open(path);
    const before = await allModels(store);
    store.close();
    await killedChild([path, 'methodology', files.methodology], faultAt);

    const reopened = await Store.open(path);
    try {
      // The save was one transaction, rolled back whole: a start finds nothing to finish.
      expect(await methodologyState(reopened)).toEqual(OLD_METHODOLOGY_STATE);
      expect(await allModels(reopened)).toEqual(approx(before));
      await expectModelsAsRebuilt(reopened);
    } finally {
      reopened.close();
    }
  }, 120_000);

it('a methodology save that ends gives the new methodology and the models built by it', async () => {
  const path = join(dir, 'methodology-saved.duckdb');
  copyFileSync(files.base, path);
  const store = await Store.open(path);
  try {
    const before = await allModels(store);
    await refreshModels(store, { kind: 'methodology', methodology: NEW_METHODOLOGY, user: 'тест' });
    expect(await methodologyState(store)).toEqual({
      inForce: 'новая-2026',
      saved: 'новая-2026',
      models: { version: 'новая-2026', min_n: 40 },
    });
    const saved = await allModels(store);
    expect(saved.ind_vpr).not.toEqual(before.ind_vpr);
    await expectModelsAsRebuilt(store);
  } finally {
    store.close();
  }
}, 120_000);
