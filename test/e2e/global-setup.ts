/**
 * Builds the demo store once for all browser tests (through the real import path); each test
 * file's server then starts on its own copy, so files cannot disturb each other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { Store } from '../../analytics/db.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoStore: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'mko-e2e-demo-'));
  const path = join(dir, 'demo.duckdb');
  const store = await Store.open(path);
  await prepareStore(store, () => {});
  store.close();
  project.provide('demoStore', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
