/**
 * The server keeps answering while it imports a large XLSX: 180 000 rows × 20 columns (the
 * size that used to hold the server for minutes) are read and checked in the file worker,
 * and health probes sent one after another all through the upload are answered. Then a
 * second upload is cancelled from the progress route's own signal, over HTTP, and a third from
 * the file card's «Отменить проверку» on the upload page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FileReport } from '../../contract/imports/report.ts';
import type { ImportProgress } from '../../contract/api/import-types.ts';
import { writeWideXlsx, type WideXlsx } from '../helpers/wide-xlsx.ts';
import type { Page } from 'playwright-core';
import {
  SCREENSHOTS,
  closeDashboard,
  csrfHeader,
  openDashboard,
  type RunningServer,
} from './server.ts';

/** A probe must be answered within this; blocked by the import, it would wait for minutes. */
const PROBE_ANSWER_MS = 5_000;

let dir: string;
let wide: WideXlsx;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-e2e-worker-'));
  const opening = openDashboard(inject('demoStore'));
  wide = await writeWideXlsx(dir, 180_000);
  ({ server, page } = await opening);
}, 300_000);
afterAll(async () => {
  await closeDashboard();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const upload = async (url: string) =>
  fetch(`${url}/api/import?createSchools=true`, {
    method: 'POST',
    headers: {
      ...(await csrfHeader(url)),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('задания 180 000.xlsx'),
    },
    body: readFileSync(wide.path),
  }).then((r) => r.json() as Promise<FileReport>);

/** Health probes one after another until `done` settles: each one's time and status. */
async function probeUntil(done: Promise<unknown>): Promise<{ ms: number; status: number }[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const probes = [];
  while (!finished) {
    const started = performance.now();
    const response = await fetch(`${server.url}/api/health`, {
      signal: AbortSignal.timeout(PROBE_ANSWER_MS),
    });
    probes.push({ ms: performance.now() - started, status: response.status });
  }
  return probes;
}

describe('a 180 000 × 20 XLSX upload', () => {
  it('is loaded while the server answers every health probe', async () => {
    const importing = upload(server.url);
    const probes = await probeUntil(importing);
    const report = await importing;
    expect(report.outcome).toBe('loaded');
    expect(report.rows).toBe(180_000);
    // Probes answered all through the upload (a blocked server would time one out above).
    expect(probes.length).toBeGreaterThan(10);
    expect(probes.every((p) => p.status === 200)).toBe(true);
    const overview = await fetch(`${server.url}/api/district/overview?year=2026`);
    expect(overview.status).toBe(200);
  });

  it('is cancelled while it is being checked: refused, nothing written', async () => {
    const before = await (await fetch(`${server.url}/api/import/history`)).json();
    const importing = upload(server.url);
    // The progress route says when the file is in the worker; the cancel is sent then.
    for (;;) {
      const progress = (await (
        await fetch(`${server.url}/api/import/progress`)
      ).json()) as ImportProgress;
      if (progress.running && progress.cancellable) break;
    }
    const token = await csrfHeader(server.url);
    const cancel = await fetch(`${server.url}/api/import/cancel`, {
      method: 'POST',
      headers: token,
    });
    expect(cancel.status).toBe(200);
    const report = await importing;
    expect(report.outcome).toBe('rejected');
    expect(report.problems.map((p) => p.message)).toEqual([
      'загрузка отменена до записи: в хранилище ничего не изменилось',
    ]);
    const after = await (await fetch(`${server.url}/api/import/history`)).json();
    expect(after.contents).toEqual(before.contents);
    // Nothing is being checked any more: nothing to cancel.
    const again = await fetch(`${server.url}/api/import/cancel`, {
      method: 'POST',
      headers: token,
    });
    expect(again.status).toBe(409);
  });

  it('is cancelled from its card on the upload page', async () => {
    await page.goto(`${server.url}/import`);
    await page.locator('#import-history tbody tr').first().waitFor();
    await page.setInputFiles('input[type=file]', wide.path);
    const card = page.locator(`[data-file="${basename(wide.path)}"]`);
    const cancel = card.getByRole('button', { name: 'Отменить проверку' });
    await cancel.waitFor();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `import-cancel-${width}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await cancel.click();
    await card.getByText('загрузка отменена до записи: в хранилище ничего не изменилось').waitFor();
    expect(await card.locator('.import-progress').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-cancelled.png') });
  });
});
