/**
 * «Методика» in a real browser: the rules in force as the methodology file has them; the
 * administrator's edit refused with a Russian message when invalid; a valid edit previewed
 * (the flags that would change, as the preview API computes them) and saved as a new version
 * that recomputes the flags of the year it starts in, leaving earlier years as they were.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadMethodology } from '../../analytics/methodology-file.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;
beforeAll(async () => ({ server, page } = await openDashboard(inject('demoStore'))));
afterAll(closeDashboard);

const defaults = loadMethodology();
const leaders = async (year: number) =>
  (
    (await (await fetch(`${server.url}/api/flags?year=${year}&cluster=ШЛ`)).json()) as {
      flags: { short_name: string; triggered: boolean }[];
    }
  ).flags
    .filter((f) => f.triggered)
    .map((f) => f.short_name)
    .sort();

describe('methodology page', () => {
  it('shows the rules in force with version, source and parameters', async () => {
    await page.goto(`${server.url}/methodology`);
    await page.locator('#methodology-version').waitFor();
    expect(await page.locator('#methodology-version').innerText()).toContain(
      `Действует версия ${defaults.version}`,
    );
    const shnor = page.locator('article.rule[data-cluster="ШНОР"]');
    expect(await shnor.locator('.note').innerText()).toContain('Источник:');
    // ШНОР by default: a boundary of the methodology, not a place among the district's schools.
    expect(await shnor.locator('#versions-ШНОР [data-col="kind"]').first().innerText()).toBe(
      'низкие или высокие результаты ВПР несколько лет подряд: граница, заданная методикой',
    );
    const boundary = shnor.locator('#params-ШНОР tbody tr', { hasText: 'Граница доли «2»' });
    expect(await boundary.locator('[data-col="value"]').innerText()).toBe('30 %');
    const width = page.locator('#params-ШЛ tbody tr', { hasText: 'Ширина группы' });
    expect(await width.locator('[data-col="value"]').innerText()).toBe('10 % школ');
    const general = page.locator('#methodology-general tbody tr');
    expect(await general.count()).toBe(7);
    expect(
      await general
        .filter({ hasText: 'Повторяющийся дефицит' })
        .locator('[data-col="value"]')
        .innerText(),
    ).toBe(`${defaults.recurringDeficitSchoolsPct} % школ`);
    // The names lists give the clusters, and what a name not in the table gets.
    const names = page.locator('#methodology-names tbody tr', { hasText: 'ШЛ' }).first();
    expect(await names.locator('[data-col="names"]').innerText()).toBe(
      'школы-лидеры; школы со стабильно высокими образовательными результатами; школы со стабильно высокими образовательными результатами обучающихся; школ со стабильно высокими образовательными результатами',
    );
    expect(await page.locator('#methodology-unknown-names').innerText()).toContain(
      'Название, которого нет в таблице: загружать как отдельный кластер (с предупреждением).',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'methodology.png'), fullPage: true });
  });

  it('refuses an invalid threshold with a Russian message naming the parameter', async () => {
    await page.getByRole('button', { name: 'Изменить методику (администратор)' }).click();
    await page.locator('#c-ШЛ-percent').fill('80');
    await page.locator('#c-ШЛ-percent').blur();
    await page.getByRole('button', { name: /Проверить и показать изменения/ }).click();
    await expect(page.locator('.editor [role="alert"]').innerText()).resolves.toBe(
      'Методика не прошла проверку: кластер ШЛ → версия правила № 2 → «Ширина группы»: ожидалось число не больше 50',
    );
    await expect(
      page.getByRole('button', { name: 'Сохранить новую версию' }).isDisabled(),
    ).resolves.toBe(true);
  });

  it('previews a changed ШЛ band, saves it as a new version and recomputes that year only', async () => {
    const before2025 = await leaders(2025);
    const before2026 = await leaders(2026);
    await page.locator('#c-ШЛ-percent').fill('20');
    await page.locator('#c-ШЛ-percent').blur();
    await page.locator('#m-version').fill('2026.2-лидеры-20');
    await page.getByRole('button', { name: /Проверить и показать изменения/ }).click();
    await page.locator('.preview-summary').waitFor();

    const candidate = structuredClone(defaults);
    const shl = candidate.clusters.ШЛ!;
    shl.versions.push({
      ...shl.versions.at(-1)!,
      percent: 20,
      version: '2026.2-лидеры-20',
      isDefault: false,
      effectiveFrom: '2025/26',
    } as (typeof shl.versions)[number]);
    candidate.version = '2026.2-лидеры-20';
    const { csrf } = await (await fetch(`${server.url}/api/session`)).json();
    const preview = (await (
      await fetch(`${server.url}/api/methodology/preview?year=2026`, {
        method: 'POST',
        body: JSON.stringify(candidate),
        headers: { 'x-csrf-token': csrf },
      })
    ).json()) as { changes: { short_name: string; cluster: string; change: string }[] };
    const added = preview.changes.map((c) => `${c.change} ${c.cluster} ${c.short_name}`).sort();
    expect(added).toEqual(['добавится ШЛ Лицей № 2', 'добавится ШЛ СОШ № 6']);
    const shown = await page.locator('#methodology-preview tbody tr').allInnerTexts();
    expect(shown.map((r) => r.replace(/\s+/g, ' ').trim()).sort()).toEqual([
      'добавится ШЛ Лицей № 2 2025/26',
      'добавится ШЛ СОШ № 6 2025/26',
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, 'methodology-preview.png'), fullPage: true });

    await page.getByRole('button', { name: 'Сохранить новую версию' }).click();
    await page.locator('.saved', { hasText: 'Сохранена версия «2026.2-лидеры-20»' }).waitFor();
    expect(await page.locator('#methodology-version').innerText()).toContain(
      'Действует версия 2026.2-лидеры-20',
    );
    expect(await page.locator('#versions-ШЛ tbody tr').count()).toBe(2);
    expect(await leaders(2026)).toEqual([...before2026, 'Лицей № 2', 'СОШ № 6'].sort());
    expect(await leaders(2025)).toEqual(before2025);
  });
});
