/**
 * «Кластеры по годам» in a real browser on the demo store. The demo's region lists
 * (data/generator/write-network.ts), written out here:
 * - 2024/25: ШФЗСОР — СОШ № 5, Красноборская СОШ, Берёзовская СОШ, Луговская СОШ, Никольская СОШ;
 *   ШПУН — Озёрная ООШ, Луговская СОШ, Берёзовская СОШ; ШЛ — Гимназия № 1, Лицей № 2;
 * - 2025/26: the same, but Сосновская СОШ in ШФЗСОР in place of Никольская СОШ.
 * So ШФЗСОР 2025/26: 5 schools, 1 entered, 1 left, 4 stayed, «1 из 5, 20 %». The checks read
 * these two years only, so lists of earlier years in the demo change none of them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WorkingListPage } from '../../contract/api/cluster-types.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;
beforeAll(async () => ({ server, page } = await openDashboard(inject('demoStore'))));
afterAll(closeDashboard);

const cells = (row: string) =>
  page
    .locator(`${row} > :is(th, td)`)
    .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText));
const sentences = () =>
  page
    .locator('.span-sentences li')
    .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).innerText));

async function openClusters(query = '') {
  await page.goto(`${server.url}/clusters${query}`);
  await page.locator('#working-list tbody tr').first().waitFor();
}

describe('«Кластеры по годам»', () => {
  it('shows every cluster by year: count, entered, left, stayed, exit rate, and who', async () => {
    await openClusters();
    expect(await page.locator('h1').innerText()).toBe('Кластеры по годам');
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    expect(await cells('#cluster-history tr[data-key="ШФЗСОР|2026"]')).toEqual([
      'ШФЗСОР',
      '2025/26',
      '5',
      '1',
      '1',
      '4',
      '1 из 5, 20 %',
      'Сосновская СОШ',
      'Никольская СОШ',
    ]);
    // The first year of the series has nothing to compare with.
    expect((await cells('#cluster-history tbody tr:first-child')).slice(3)).toEqual([
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);
    expect(await cells('#cluster-history tr[data-key="ШЛ|2026"]')).toEqual([
      'ШЛ',
      '2025/26',
      '2',
      '0',
      '0',
      '2',
      '0 из 2, 0 %',
      '—',
      '—',
    ]);
  });

  it('tells the span in the committee’s words, counts first, and follows the chosen years', async () => {
    await openClusters('?from=2025&to=2026');
    expect(await sentences()).toEqual([
      'из 2 ШЛ 2024/25 к 2025/26 не вышла ни одна, 0 %; осталось 2 из 2',
      'из 3 ШПУН 2024/25 к 2025/26 не вышла ни одна, 0 %; осталось 3 из 3',
      'из 5 ШФЗСОР 2024/25 к 2025/26 вышла 1, 20 %; осталось 4 из 5; вошли 1',
    ]);
    await page.locator('#span-to').selectOption('2025');
    await page.waitForURL(/to=2025/);
    await page.getByText('из 5 ШФЗСОР 2024/25 к 2024/25').waitFor();
    expect(await cells('#cluster-span tr[data-key="ШФЗСОР"]')).toEqual([
      'ШФЗСОР',
      '5',
      '5',
      '0',
      '0 из 5, 0 %',
      '0',
      '5',
      '—',
    ]);
  });

  it('shows each school’s clusters by year', async () => {
    await openClusters();
    // The last two years: 2024/25 and 2025/26.
    const nikolskaya = await cells('#cluster-schools tr[data-key="sch470114"]');
    expect([nikolskaya[0], ...nikolskaya.slice(-2)]).toEqual(['Никольская СОШ', 'ШФЗСОР', '—']);
    const lugovskaya = await cells('#cluster-schools tr[data-key="sch470112"]');
    expect([lugovskaya[0], ...lugovskaya.slice(-2)]).toEqual([
      'Луговская СОШ',
      'ШПУН, ШФЗСОР',
      'ШПУН, ШФЗСОР',
    ]);
  });

  it('shows a school’s clusters by year on its page too', async () => {
    await page.goto(`${server.url}/school/sch470114`);
    await page.locator('#cluster-years').waitFor();
    // Latest first: not on any list in 2025/26, ШФЗСОР in 2024/25.
    expect(await page.locator('.school-cluster-years li').first().innerText()).toBe(
      '2024/25: ШФЗСОР (регион)',
    );
  });

  it('shows the working list with its sources beside the computed flags', async () => {
    await openClusters();
    const body = (await (
      await fetch(`${server.url}/api/working-list?year=2026`)
    ).json()) as WorkingListPage;
    const suggested = new Set(body.rows.filter((r) => !r.in_list).map((r) => r.school_id)).size;
    // 10 entries of 8 schools (Берёзовская and Луговская are in ШФЗСОР and ШПУН)
    expect(await page.locator('.clusters p.context').nth(1).innerText()).toMatch(
      new RegExp(`^2025/26: в списке 8 школ в 3 кластерах; ещё ${suggested} `),
    );
    expect(await page.locator('#working-list tbody tr').count()).toBe(body.rows.length);
    expect(await cells('#working-list tr[data-key="ШПУН|sch470110"]')).toMatchObject([
      'ШПУН',
      'Озёрная ООШ',
      'регион',
      expect.any(String), // the basis, when the list names it

      expect.stringMatching(/^\d\d\.\d\d\.\d{4}$/),
      '—',
      expect.stringMatching(/^(совпадает|только в списке)$/),
    ]);
  });

  it('lets the administrator add a suggested school with a reason and remove it again', async () => {
    await openClusters('?year=2026');
    const suggestion = page.locator('#working-list tr[data-key="ШПУН|sch470117"]');
    expect((await cells('#working-list tr[data-key="ШПУН|sch470117"]'))[6]).toBe(
      'только по расчёту',
    );
    const form = page.locator('form.decision');
    await form.locator('select').selectOption({ label: 'Красноборская СОШ · ШПУН' });
    await form.getByLabel('Причина').fill('доля «2» выше 30 % два года');
    await form.getByLabel('Основание (документ, необязательно)').fill('протокол совещания № 7');
    await form.getByRole('button', { name: 'Записать решение' }).click();
    await form.getByText('Красноборская СОШ · ШПУН: включена в список.').waitFor();
    await page.locator('#list-decisions').waitFor();
    await page
      .locator('#working-list tr[data-key="ШПУН|sch470117"] td', { hasText: 'расчёт по методике' })
      .waitFor();
    expect(await cells('#working-list tr[data-key="ШПУН|sch470117"]')).toMatchObject([
      'ШПУН',
      'Красноборская СОШ',
      'расчёт по методике',
      'протокол совещания № 7',
      expect.stringMatching(/^\d\d\.\d\d\.\d{4}$/),
      'доля «2» выше 30 % два года',
      'совпадает',
    ]);
    expect(await cells('#list-decisions tbody tr')).toMatchObject([
      expect.any(String),
      'включить',
      'ШПУН',
      'Красноборская СОШ',
      'доля «2» выше 30 % два года',
      'протокол совещания № 7',
      'локальный пользователь',
    ]);
    // The history counts it: ШПУН 2025/26 has 4 schools, Красноборская СОШ entered.
    await page
      .locator('#cluster-history tr[data-key="ШПУН|2026"] td', { hasText: '4' })
      .first()
      .waitFor();
    expect(await cells('#cluster-history tr[data-key="ШПУН|2026"]')).toEqual([
      'ШПУН',
      '2025/26',
      '4',
      '1',
      '0',
      '3',
      '0 из 3, 0 %',
      'Красноборская СОШ',
      '—',
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'clusters-decision.png'), fullPage: true });

    await form.getByLabel('исключить школу из списка').check();
    await form.locator('select').selectOption({ label: 'Красноборская СОШ · ШПУН' });
    await form.getByLabel('Причина').fill('включена ошибочно');
    await form.getByRole('button', { name: 'Записать решение' }).click();
    await form.getByText('Красноборская СОШ · ШПУН: исключена из списка.').waitFor();
    await suggestion.locator('td', { hasText: 'не в списке' }).waitFor();
    expect(await page.locator('#list-decisions tbody tr').count()).toBe(2);
  });

  it('takes the command line’s decision through the running server, which holds the store', async () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'cli/working-list.ts', ...args], {
        env: { ...process.env, DB_PATH: server.storePath, PORT: new URL(server.url).port },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const decision = ['--year', '2025/26', '--school', 'sch470105', '--cluster', 'ШПУН'];
    const run = cli('add', ...decision, '--reason', 'доля «2» выше 30 %');
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `Хранилище занято работающим сервером — решение записывает сервер ${server.url}\n` +
        'Решение записано: школа добавлена в ШПУН 2025/26: sch470105 — доля «2» выше 30 %.\n',
    );
    const listed = async () =>
      (
        (await (await fetch(`${server.url}/api/working-list?year=2026`)).json()) as WorkingListPage
      ).rows.find((r) => r.cluster === 'ШПУН' && r.school_id === 'sch470105');
    expect(await listed()).toMatchObject({ in_list: true, source: 'расчёт по методике' });
    expect(cli('remove', ...decision, '--reason', 'проверка').status).toBe(0);
    expect(await listed()).toMatchObject({ in_list: false, source: null });
  });

  it('fits 390, 768 and 1366 px without scrolling sideways', async () => {
    for (const width of [390, 768, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await openClusters();
      await page.waitForLoadState('networkidle');
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
        `${width} px`,
      ).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `clusters-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
