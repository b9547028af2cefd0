/**
 * The file worker (ingest/worker/): files are read and checked in a child process with a heap
 * ceiling and a time limit, and can be cancelled. Over a limit, or cancelled, the file is
 * refused with a sentence naming the limit, the store is left as it was, and the next file
 * goes through a fresh worker.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileWorker, importFile, importPaths } from '../../ingest/import.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import { contentHash, tempStore, type TempStore } from '../helpers/store.ts';
import { writeWideXlsx, type WideXlsx } from '../helpers/wide-xlsx.ts';

let dir: string;
let wide: WideXlsx;
let t: TempStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-worker-'));
  wide = await writeWideXlsx(dir, 20_000);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  t = await tempStore();
  await importPaths(t.store, [wide.registry]);
});
afterEach(async () => {
  delete process.env.IMPORT_TIME_LIMIT_S;
  delete process.env.IMPORT_MEMORY_MB;
  await fileWorker.close(); // the next test's limits take effect in a new worker
  t.dispose();
});

/** Imports the wide file; returns its report's sentences after checking the store is unchanged. */
async function refusedWide(during?: () => void): Promise<string[]> {
  const before = await contentHash(t.store);
  const importing = importFile(t.store, 'задания.xlsx', readFileSync(wide.path));
  during?.();
  const report = await importing;
  expect(report.outcome).toBe('rejected');
  expect(await contentHash(t.store)).toBe(before);
  return report.problems.map((p) => describeProblem(p));
}

/** The same file, within the limits: loaded whole. */
async function loadsWide(): Promise<void> {
  const report = await importFile(t.store, 'задания.xlsx', readFileSync(wide.path));
  expect(report.outcome).toBe('loaded');
  expect(report.rows).toBe(20_000);
}

describe('the file worker', () => {
  it('reads and checks a 20 000-row XLSX in the worker process and loads every row', async () => {
    await loadsWide();
    const [row] = await t.store.all<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM raw_vpr_tasks',
    );
    expect(row!.n).toBe(20_000);
  });

  it('refuses a file whose reading outlasts the time limit, then takes the next file', async () => {
    process.env.IMPORT_TIME_LIMIT_S = '0.05';
    expect(await refusedWide()).toEqual([
      'файл «задания.xlsx»; чтение и проверка файла не уложились в 0,05 с (предел времени на файл): разделите файл на части или попросите администратора увеличить предел (IMPORT_TIME_LIMIT_S)',
    ]);
    delete process.env.IMPORT_TIME_LIMIT_S;
    await loadsWide();
  });

  it('refuses a file that needs more memory than the ceiling, then takes the next file', async () => {
    process.env.IMPORT_MEMORY_MB = '48';
    await fileWorker.close();
    expect(await refusedWide()).toEqual([
      'файл «задания.xlsx»; файлу не хватило памяти обработчика (предел 48 МБ): разделите файл на части или попросите администратора увеличить предел (IMPORT_MEMORY_MB)',
    ]);
    delete process.env.IMPORT_MEMORY_MB;
    await fileWorker.close();
    await loadsWide();
  });

  it('stops a file on cancel, before anything is written', async () => {
    expect(fileWorker.cancel()).toBe(false); // nothing to cancel yet
    const problems = await refusedWide(() => {
      // The file is handed to the worker within importFile's first steps.
      const cancelWhenBusy = () => (fileWorker.cancel() ? undefined : setImmediate(cancelWhenBusy));
      cancelWhenBusy();
    });
    expect(problems).toEqual([
      'файл «задания.xlsx»; загрузка отменена до записи: в хранилище ничего не изменилось',
    ]);
    const [logged] = await t.store.all<{ outcome: string }>(
      'SELECT outcome FROM import_log ORDER BY log_id DESC LIMIT 1',
    );
    expect(logged!.outcome).toBe('rejected');
    await loadsWide();
  });
});
