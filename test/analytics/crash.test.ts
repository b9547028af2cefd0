/**
 * Crash consistency (issue 22, items 1 and 7): a child process imports into a store, or saves a
 * new methodology version, and is killed with SIGKILL at a chosen point (FAULT_AT,
 * analytics/fault-point.ts); then what a start does — `refreshModels(store, { kind: 'read' })`,
 * or `prepareStore` for the demo load — must leave every model exactly as a full rebuild of the
 * stored rows gives.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { MODELS } from '../../analytics/model-specs.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { loadMethodology } from '../../analytics/methodology-file.ts';
import { methodologyInForce } from '../../analytics/methodology-store.ts';
import { writeCsv } from '../../data/generator/files.ts';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { importPaths } from '../../ingest/import.ts';
import { ensureSchema } from '../../ingest/schema.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';
import { VPR_TASK_HEADER } from '../helpers/fixtures.ts';

/** The methodology a save brings: 40 participants at least instead of 10. */
const NEW_METHODOLOGY = { ...loadMethodology(), version: 'новая-2026', minN: 40 };

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../helpers/crash-child.ts', import.meta.url));

let dir: string;
let base: string;
let correction: string;
let methodologyFile: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-crash-'));
  const files = writeSynthetic(join(dir, 'files'), { schools: 6, years: 3 });
  base = join(dir, 'base.duckdb');
  const store = await Store.open(base);
  await ensureSchema(store);
  await importPaths(store, [
    files.registry,
    ...files.years.flatMap((y) => [y.tasks.path, y.marks]),
  ]);
  store.close();
  // A corrected 2025/26 file for one school's mathematics, grade 5, task 1: 0 % instead.
  correction = join(dir, 'исправление.csv');
  writeCsv(correction, [
    VPR_TASK_HEADER,
    ['2025/26', 'syn000001', 5, 'Математика', '1', 1, 'Б', 30, 0],
  ]);
  methodologyFile = join(dir, 'методика.json');
  writeFileSync(methodologyFile, JSON.stringify(NEW_METHODOLOGY));
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

/** Every model's rows, in a stable order. */
async function allModels(store: Store) {
  const models: Record<string, unknown[]> = {};
  for (const { name } of MODELS)
    models[name] = await store.all(`SELECT * FROM ${name} ORDER BY ALL`);
  return models;
}

/**
 * The models as a matcher: fractions to 6 decimals, -0 as 0 — a parallel sum of doubles may
 * differ in its last bits from one build to the next.
 */
const approx = (models: Record<string, unknown[]>) =>
  Object.fromEntries(
    Object.entries(models).map(([name, rows]) => [
      name,
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row as object).map(([key, value]) => [
            key,
            typeof value === 'number' ? expect.closeTo(value, 6) : value,
          ]),
        ),
      ),
    ]),
  );

/** What a start does, then: every model as a full rebuild gives, no mark left, nothing more to do. */
async function expectRepairedByStart(store: Store) {
  expect(await refreshModels(store, { kind: 'read' })).toBe(true);
  const afterStart = await allModels(store);
  await refreshModels(store, { kind: 'all' });
  expect(afterStart).toEqual(approx(await allModels(store)));
  expect(await store.all('SELECT * FROM model_pending')).toEqual([]);
  expect(await refreshModels(store, { kind: 'read' })).toBe(false);
}

const correctedTask = (store: Store) =>
  store.one(
    `SELECT completion_pct, participants_count FROM vpr_task_deficits
     WHERE year = 2026 AND school_id = 'syn000001' AND subject = 'Математика' AND grade = 5 AND task = '1'`,
  );

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
    copyFileSync(base, path);
    await killedChild([path, mode, correction], faultAt);

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
  copyFileSync(base, path);
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

/** The version in force, and the version and minimum the models were built with. */
async function methodologyState(store: Store) {
  const inForce = await methodologyInForce(store);
  return {
    inForce: inForce.methodology.version,
    saved: inForce.revision?.version ?? null,
    models: await store.one('SELECT version, min_n FROM methodology_setting'),
  };
}

const OLD_STATE = {
  inForce: '2026.2-по-умолчанию',
  saved: null,
  models: { version: '2026.2-по-умолчанию', min_n: 10 },
};

const METHODOLOGY_KILLS = [
  { faultAt: 'after-methodology-stored', when: 'after the new version is written' },
  { faultAt: 'in-rebuild', when: 'in the middle of its rebuild' },
];
for (const { faultAt, when } of METHODOLOGY_KILLS)
  it(`a methodology save killed ${when} leaves the old methodology and the models built by it`, async () => {
    const path = join(dir, `methodology-${faultAt}.duckdb`);
    copyFileSync(base, path);
    const store = await Store.open(path);
    const before = await allModels(store);
    store.close();
    await killedChild([path, 'methodology', methodologyFile], faultAt);

    const reopened = await Store.open(path);
    try {
      expect(await methodologyState(reopened)).toEqual(OLD_STATE);
      // A start finds nothing to finish: the save was one transaction, rolled back whole.
      expect(await refreshModels(reopened, { kind: 'read' })).toBe(false);
      expect(await allModels(reopened)).toEqual(approx(before));
      await refreshModels(reopened, { kind: 'all' });
      expect(await allModels(reopened)).toEqual(approx(before));
    } finally {
      reopened.close();
    }
  }, 120_000);

it('a methodology save that ends gives the new methodology and the models built by it', async () => {
  const path = join(dir, 'methodology-saved.duckdb');
  copyFileSync(base, path);
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
    expect(await refreshModels(store, { kind: 'read' })).toBe(false);
    await refreshModels(store, { kind: 'all' });
    expect(saved).toEqual(approx(await allModels(store)));
  } finally {
    store.close();
  }
}, 120_000);
