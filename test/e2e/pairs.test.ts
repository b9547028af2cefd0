/**
 * «Сетевые пары» in a real browser on the demo store. The demo's pairs
 * (data/generator/write-network.ts) and lists (write-lists.ts), written out here:
 * - 2025/26: Гимназия № 1 → Берёзовская СОШ, Лицей № 2 → Луговская СОШ, СОШ № 6 → Озёрная ООШ,
 *   СОШ № 16 → СОШ № 5 (ресурсное (донорское)), СОШ № 3 → Сосновская СОШ (паритетное): 5 pairs,
 *   every подшефная on the working list;
 * - 2023/24: Гимназия № 1 → Берёзовская СОШ and → Красноборская СОШ, Лицей № 2 → СОШ № 5 and →
 *   Луговская СОШ, СОШ № 6 → Озёрная ООШ (ресурсное) and → Никольская СОШ (паритетное): 6 pairs,
 *   5 подшефные on the list (Никольская СОШ is not on it that year);
 * - all years: 2 + 6 + 6 + 5 + 5 = 24 pairs (Лицей № 2 → Озёрная ООШ only in 2022/23), 4 of them
 *   паритетные (СОШ № 6 → Никольская СОШ twice, СОШ № 3 → Сосновская СОШ twice); подшефные on
 *   the list 2 + 6 + 5 + 4 + 5 = 22 (Сосновская СОШ is not on it in 2024/25).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;
beforeAll(async () => ({ server, page } = await openDashboard(inject('demoStore'))));
afterAll(closeDashboard);

const cells = (row: string) =>
  page
    .locator(`${row} > :is(th, td)`)
    .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText));
const summary = () => page.locator('#pairs-summary').innerText();

describe('«Сетевые пары»', () => {
  it('shows the latest year’s pairs with a summary line', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('header nav a', { hasText: 'Сетевые пары' }).click();
    await page.locator('#pairs-table tbody tr').first().waitFor();
    expect(await page.locator('h1').innerText()).toBe('Сетевые пары');
    expect(await summary()).toBe(
      '5 пар в 2025/26: ресурсных (донорских) 4, паритетных 1; подшефных в рабочем списке 5.',
    );
    expect(await page.locator('#pairs-table tbody tr').count()).toBe(5);
  });

  it('shows a chosen year: mentor, mentee, cluster, form, contract, first year', async () => {
    await page.locator('#pairs-year').selectOption('2024');
    await page.waitForFunction(() =>
      document.querySelector('#pairs-summary')?.textContent?.includes('2023/24'),
    );
    expect(await summary()).toBe(
      '6 пар в 2023/24: ресурсных (донорских) 5, паритетных 1; подшефных в рабочем списке 5.',
    );
    expect(new URL(page.url()).searchParams.get('year')).toBe('2024');
    expect(await cells('#pairs-table tbody tr:first-child')).toEqual([
      '1',
      'Гимназия № 1',
      'Берёзовская СОШ',
      'ШФЗСОР',
      'ресурсное (донорское)',
      '№ 02/2023 от 10.10.2023',
      '2022/23 (2-й год)',
    ]);
    expect(await cells('#pairs-table tr[data-key="2024|sch470106|sch470114"]')).toEqual([
      '5',
      'СОШ № 6',
      'Никольская СОШ',
      'нет',
      'паритетное',
      '№ 01/2023 от 02.10.2023',
      '2022/23 (2-й год)',
    ]);
    for (const width of [390, 768, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('#pairs-table').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `pairs-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('shows every year with the year column', async () => {
    await page.locator('#pairs-year').selectOption('all');
    await page.waitForFunction(() =>
      document.querySelector('#pairs-summary')?.textContent?.includes('за все годы'),
    );
    expect(await summary()).toBe(
      '24 пары за все годы: ресурсных (донорских) 20, паритетных 4; подшефных в рабочем списке 22.',
    );
    expect(await page.locator('#pairs-table thead th').allInnerTexts()).toContain('Учебный год');
  });
});
