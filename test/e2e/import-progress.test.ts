/**
 * A large import on the data upload page: a ВПР task file of 2 000 synthetic schools (about
 * 310 000 rows, the bulk path). While the check and then the load are under way, the file's
 * card shows the upload, then a progress bar with the per cent, the time left and the phase;
 * the report replaces it when the request ends. Each phase is held until the test has seen it:
 * the upload by holding the request, the server's work by its test gate (IMPORT_TEST_GATE), so
 * the test waits on conditions, not on the machine being slow enough.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { countText } from '../helpers/hand-format.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

const SCHOOL_COUNT = 2_000;

let dir: string;
let tasks: string;
let rows: number;
let server: RunningServer;
let page: Page;
let gate: string;
const holdServer = () => writeFileSync(gate, '');
const releaseServer = () => rmSync(gate, { force: true });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-e2e-progress-'));
  tasks = writeSynthetic(dir, { schools: SCHOOL_COUNT, years: 1 }).years[0]!.tasks.path;
  // Lines end in CRLF; the header is not a row.
  rows = readFileSync(tasks, 'utf8').split('\r\n').filter(Boolean).length - 1;
  gate = join(dir, 'import-gate');
  ({ server, page } = await openDashboard(inject('demoStore'), { IMPORT_TEST_GATE: gate }));
});
afterAll(async () => {
  await closeDashboard();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The bar of the card, its per cent text and the phase, once the server reports the file. */
async function expectProgress(card: Locator, phases: RegExp): Promise<void> {
  const bar = card.getByRole('progressbar', { name: `Ход загрузки файла «${basename(tasks)}»` });
  await bar.waitFor();
  const progress = card.locator('.import-progress');
  expect(await progress.locator('.percent').innerText()).toMatch(/^Загрузка: \d{1,3} %$/);
  const value = Number(await bar.getAttribute('value'));
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(100);
  expect(await progress.locator('.phase').innerText()).toMatch(phases);
  const left = progress.locator('.left');
  if (await left.count())
    expect(await left.innerText()).toMatch(/^осталось ≈ (\d+ с|\d+ мин \d{2} с)$/);
}

describe('a large import on the data upload page', () => {
  it('shows the upload, then the progress of the check and of the load, then the report', async () => {
    await page.goto(`${server.url}/import`);
    await page.locator('#import-history tbody tr').first().waitFor();
    // The demo registry has no synthetic schools: they are added from the file.
    await page.getByLabel('Добавлять в реестр школы, которых в нём нет').check();

    // The check's upload is held until the card has shown it: the server knows nothing of the
    // file yet. Then the server holds the check until the card has shown its progress.
    let showUpload: () => void = () => {};
    const uploadShown = new Promise<void>((resolve) => (showUpload = resolve));
    let held = false;
    await page.route('**/api/import?*', async (route) => {
      if (!held) {
        held = true;
        await uploadShown;
      }
      await route.continue();
    });
    holdServer();
    await page.setInputFiles('input[type=file]', tasks);
    const card = page.locator(`[data-file="${basename(tasks)}"]`);
    await card.locator('.file-status', { hasText: 'проверяю…' }).waitFor();
    await card.locator('.import-progress', { hasText: 'Передача файла…' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-progress-upload.png') });
    showUpload();
    await expectProgress(card, /^Проверка файла$/);
    releaseServer();
    await card
      .locator('.file-status', {
        hasText: `готов к загрузке: ${countText(rows, ['строка', 'строки', 'строк'])}`,
      })
      .waitFor();
    expect(await card.locator('.import-progress').count()).toBe(0);
    await page.unroute('**/api/import?*');

    holdServer();
    await page.getByRole('button', { name: 'Загрузить 1 файл' }).click();
    await card.locator('.file-status', { hasText: 'загружаю…' }).waitFor();
    await expectProgress(card, /^(Проверка и запись|Пересчёт показателей)$/);
    await card.locator('.import-progress .percent').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-progress.png') });
    releaseServer();

    await card
      .locator('.file-status', {
        hasText: `загружен: ${countText(rows, ['строка', 'строки', 'строк'])}`,
      })
      .waitFor();
    expect(await card.locator('.import-progress').count()).toBe(0);
    await page
      .locator('#import-history tbody tr')
      .first()
      .filter({ hasText: basename(tasks) })
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-progress-done.png') });
  });
});
