/**
 * «Результативность мер» in a real browser on the demo store: the working list of 2024/25 (drawn
 * from 2023/24, re-measured on 2024/25). Worked out by hand from the demo's results (the key
 * indicators, docs/methodology.md «Результативность мер»):
 * - Берёзовская СОШ, ШПУН (ВПР, ОГЭ, ЕГЭ, every subject): 126 of 316 (39,9 %) → 94 of 294
 *   (32,0 %), −7,9 п.п.; pooled 220/610, se 0,0389, z −2,03: a significant improvement;
 * - СОШ № 5, ШФЗСОР (the share of «4» and «5», ВПР and ОГЭ, Russian and mathematics): 397 of
 *   826 (48,1 %) → 275 of 764 (36,0 %), −12,1 п.п.; pooled 672/1590, se 0,0248, z −4,87: a
 *   significant worsening.
 * The administrator then accepts the proposed list into 2025/26: every school to keep or include
 * is on the working list of 2025/26 afterwards.
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

async function openEffects() {
  await page.goto(`${server.url}/effects?year=2025`);
  await page.locator('#support-effects tbody tr').first().waitFor();
}

describe('«Результативность мер»', () => {
  it('shows each listed school before and after the support year with the summary per cluster', async () => {
    await openEffects();
    expect(await page.locator('h1').innerText()).toBe('Результативность мер');
    const summary = await page
      .locator('ul.summary li')
      .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).innerText));
    expect(summary).toEqual(
      expect.arrayContaining([
        'из 3 ШПУН 2024/25: у 1 значимое улучшение, у 2 без значимых изменений; остались в кластере 3.',
      ]),
    );
    expect((await cells('#support-effects tr[data-key="ШПУН|sch470108"]')).slice(0, 6)).toEqual([
      'Берёзовская СОШ',
      'ШПУН',
      '39,9 % (n = 316)',
      '32,0 % (n = 294)',
      '−7,9 п.п.',
      'значимое улучшение',
    ]);
    expect((await cells('#support-effects tr[data-key="ШФЗСОР|sch470105"]')).slice(0, 6)).toEqual([
      'СОШ № 5',
      'ШФЗСОР',
      '48,1 % (n = 826)',
      '36,0 % (n = 764)',
      '−12,1 п.п.',
      'значимое ухудшение',
    ]);
  });

  it('lets the administrator accept the proposed list of 2025/26', async () => {
    await openEffects();
    const missing = page
      .locator('#list-proposal tbody tr', { hasText: /оставить в списке|включить в список/ })
      .filter({ has: page.locator('td:last-child', { hasText: /^нет$/ }) });
    expect(await missing.count()).toBeGreaterThan(0);
    await page.getByLabel('Основание (протокол, распоряжение), если есть').fill('протокол № 4');
    await page.getByRole('button', { name: 'Принять в рабочий список 2025/26' }).click();
    await page.getByText(/^Рабочий список 2025\/26: включено — \d+ школ/).waitFor();
    await expect.poll(() => missing.count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'effects-accepted.png'), fullPage: true });
  });

  it('fits 390, 768 and 1366 px without scrolling sideways', async () => {
    for (const width of [390, 768, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await openEffects();
      await page.waitForLoadState('networkidle');
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
        `${width} px`,
      ).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `effects-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
