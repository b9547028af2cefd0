/**
 * The store's read connections (Store.addReaders): reads run side by side on connections of
 * their own, see what is committed, and a transaction on the store still reads its own writes.
 */
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store } from '../../analytics/db.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';

let t: TempStore;
beforeAll(async () => {
  t = await tempStore();
  await t.store.run('CREATE TABLE numbers AS SELECT range AS n FROM range(1000)');
  await t.store.addReaders(2);
});
afterAll(() => t.dispose());

const total = async () =>
  (await t.store.one<{ total: number }>('SELECT sum(n)::INTEGER AS total FROM numbers'))!.total;

it('answers more concurrent reads than it has reader connections, each with its own result', async () => {
  const answers = await Promise.all(
    Array.from({ length: 7 }, (_, i) =>
      t.store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM numbers WHERE n < $limit', {
        limit: i * 100,
      }),
    ),
  );
  expect(answers.map((a) => a!.n)).toEqual([0, 100, 200, 300, 400, 500, 600]);
});

it('reads what is committed, and inside a transaction what the transaction wrote', async () => {
  expect(await total()).toBe(499500);
  await t.store.transaction(async () => {
    await t.store.run('INSERT INTO numbers VALUES (1000)');
    expect(await total()).toBe(500500);
  });
  expect(await total()).toBe(500500);
  await t.store.trial(async () => {
    await t.store.run('DELETE FROM numbers');
    expect(await total()).toBeNull();
  });
  expect(await total()).toBe(500500);
});

it('creates the store file readable by its owner only, and tightens an older 644 store on opening', async () => {
  expect(statSync(t.store.path).mode & 0o777).toBe(0o600);
  const path = join(t.dir, 'older.duckdb');
  const older = await Store.open(path);
  await older.run('CREATE TABLE t AS SELECT 1 AS n');
  older.close();
  chmodSync(path, 0o644);
  const reopened = await Store.open(path);
  expect(statSync(path).mode & 0o777).toBe(0o600);
  expect(await reopened.one<{ n: number }>('SELECT n FROM t')).toEqual({ n: 1 });
  reopened.close();
});
