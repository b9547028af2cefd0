/**
 * The district overview and the school page in a real browser on the demo store. Expected
 * numbers come from the raw tables aggregated here (ЕГЭ, teachers, network pairs), from the
 * generator's simulation (ВПР), and from other API endpoints (the flags), never from the page's
 * own query: page = API = independent computation.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadMethodology } from '../../analytics/methodology-file.ts';
import { SCHOOLS } from '../../data/generator/district.ts';
import { sumCounts, vprMarks } from '../../data/generator/simulate.ts';
import { PAGE_SIZE } from '../../contract/table.ts';
import { useStoreCopy } from '../helpers/store.ts';
import { clickCsvDownload, csvNumber, readCsv } from './downloads.ts';
import { keysOnAllPages, tableRowCount } from './pages.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;
beforeAll(async () => ({ server, page } = await openDashboard(inject('demoStore'))));
afterAll(closeDashboard);
/** The raw tables the importer wrote, read from a copy of the demo store. */
const raw = useStoreCopy(inject('demoStore'));

const targets = loadMethodology().fgTargets;
const api = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json();
const text = (selector: string) => page.locator(selector).first().innerText();

// Expected texts are made here from the counts in whole numbers, never with the product's
// formatters: thousands with a no-break space, shares in tenths rounded half away from zero
// (BigInt), school years as «2025/26».
const intText = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
/** «12,5 %»: 100 · count / n to one decimal, half away from zero. */
function shareText(count: number, n: number): string {
  const tenths = Number((2000n * BigInt(count) + BigInt(n)) / (2n * BigInt(n)));
  return `${intText(Math.trunc(tenths / 10))},${tenths % 10} %`;
}
const yearText = (year: number) => `${year - 1}/${String(year).slice(2)}`;

interface Flag {
  school_id: string;
  short_name: string;
  cluster: string;
  triggered: boolean;
  explanation: string;
  clears_when: string;
}
const triggered = async (query: string) =>
  (await api<{ flags: Flag[] }>(`/api/flags?${query}`)).flags.filter((f) => f.triggered);

/** Form controls and buttons without an accessible name on the current page. */
const unlabelledControls = () =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('select, input, button')]
      .filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        const labelled = (labels && labels.length > 0) || el.getAttribute('aria-label');
        return !labelled && !el.textContent?.trim();
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );

describe('district overview', () => {
  const url = (query: string) => `${server.url}/?${query}`;

  // The demo's working list of 2025/26, all from the region's letter of 08.10.2025 (found by
  // query on working_list and written out): 2024/25 had the same ШЛ and ШПУН, and ШФЗСОР with
  // Никольская СОШ instead of Сосновская СОШ. ШНОР and Необъективность only by the calculation.
  const LISTED: Record<string, string[]> = {
    Необъективность: [],
    ШЛ: ['Гимназия № 1', 'Лицей № 2'],
    ШНОР: [],
    ШПУН: ['Берёзовская СОШ', 'Луговская СОШ', 'Озёрная ООШ'],
    ШФЗСОР: ['Берёзовская СОШ', 'Красноборская СОШ', 'Луговская СОШ', 'СОШ № 5', 'Сосновская СОШ'],
  };
  /** flagged by the calculation, not on the list */
  const SUGGESTED: Record<string, string[]> = {
    Необъективность: ['Сосновская СОШ'],
    ШЛ: [],
    ШНОР: ['Луговская СОШ'],
    ШПУН: ['Красноборская СОШ', 'СОШ № 5', 'Сосновская СОШ'],
    ШФЗСОР: ['Никольская СОШ'],
  };
  /** on the list, not flagged by the calculation */
  const NOT_COMPUTED = [
    'ШЛ Лицей № 2',
    'ШПУН Озёрная ООШ',
    'ШФЗСОР Луговская СОШ',
    'ШФЗСОР Сосновская СОШ',
  ];

  it('shows the working list by cluster, each school with its source, the calculation beside it and its suggestions apart', async () => {
    await page.goto(url('year=2026&procedure=ВПР&subject=Математика&grade=5'));
    await page.locator('.cluster-card').first().waitFor();
    const cards = page.locator('.cluster-card');
    expect(
      await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-cluster'))),
    ).toEqual(Object.keys(LISTED));
    const notComputed: string[] = [];
    for (const [cluster, names] of Object.entries(LISTED)) {
      const card = page.locator(`.cluster-card[data-cluster="${cluster}"]`);
      expect(await card.locator('li a').allInnerTexts(), cluster).toEqual(names);
      expect(await card.locator('li[data-source="регион"] .tag.source').allInnerTexts()).toEqual(
        names.map(() => 'список региона'),
      );
      expect(await card.locator('.suggested a[data-school]').allInnerTexts(), cluster).toEqual(
        SUGGESTED[cluster],
      );
      for (const name of await card.locator('li:has(.tag.warn) a').allInnerTexts())
        notComputed.push(`${cluster} ${name}`);
    }
    expect(notComputed).toEqual(NOT_COMPUTED);
    expect(await text('.cluster-card[data-cluster="ШПУН"] .cluster-count')).toBe('3 школы');
    expect(await text('.cluster-card[data-cluster="ШФЗСОР"] .cluster-count')).toBe('5 школ');
    expect(await text('.cluster-card[data-cluster="ШНОР"] .cluster-count')).toBe('0 школ');
    expect(await text('.cluster-card[data-cluster="ШФЗСОР"] .cluster-delta')).toBe(
      'как в прошлом году (2024/25: 5)',
    );
    const szsor = page.locator('.cluster-card[data-cluster="ШФЗСОР"]');
    expect(await szsor.locator('li:has(.tag.new) a').allInnerTexts()).toEqual(['Сосновская СОШ']);
    expect(await szsor.locator('.removed').innerText()).toBe('Вышли из списка: Никольская СОШ');
    expect(
      await page
        .locator('.cluster-card[data-cluster="ШПУН"] .suggested a[href^="/clusters"]')
        .getAttribute('href'),
    ).toBe('/clusters?year=2026');
    // 6 schools on a risk list (ШЛ is the leaders' list, not a risk).
    expect(await text('.kpi[aria-label="Школ в кластерах риска"] .kpi-value')).toBe('6');
    expect(await text('.kpi[aria-label="Школ в кластерах риска"] .kpi-detail')).toBe(
      'ШЛ: 2 · ШПУН: 3 · ШФЗСОР: 5',
    );
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('#clusters').scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBe(0);
      await page.locator('.clusters').screenshot({
        path: join(SCREENSHOTS, `district-clusters-${width}.png`),
      });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('counts the working list in the overview API', async () => {
    const overview = await api<{
      riskSchools: number;
      clusters: {
        cluster: string;
        short_name: string;
        in_list: boolean;
        list_count: number;
        suggested_count: number;
        last_year_count: number | null;
        left_names: string[];
      }[];
    }>('/api/district/overview?year=2026');
    expect(overview.riskSchools).toBe(6);
    const counts = Object.fromEntries(
      [...new Set(overview.clusters.map((r) => r.cluster))].map((cluster) => {
        const row = overview.clusters.find((r) => r.cluster === cluster)!;
        return [
          cluster,
          [row.list_count, row.suggested_count, row.last_year_count, row.left_names.join(', ')],
        ];
      }),
    );
    expect(counts).toEqual({
      Необъективность: [0, 1, 0, ''],
      ШЛ: [2, 0, 2, ''],
      ШНОР: [0, 1, 0, ''],
      ШПУН: [3, 3, 3, ''],
      ШФЗСОР: [5, 1, 5, 'Никольская СОШ'],
    });
    const ozernaya = overview.clusters.find((r) => r.short_name === 'Озёрная ООШ')!;
    expect(ozernaya).toMatchObject({
      cluster: 'ШПУН',
      in_list: true,
      source: 'регион',
      agreement: 'только в списке',
    });
  });

  it('names in the schools table and the school list the clusters of the working list, with the non-objectivity mark', async () => {
    const clustersOf = (rows: { short_name: string | null; clusters: string[] }[]) =>
      Object.fromEntries(
        rows
          .filter((r) => ['Озёрная ООШ', 'Сосновская СОШ', 'Луговская СОШ'].includes(r.short_name!))
          .map((r) => [r.short_name, r.clusters.join(', ')]),
      );
    // The list's clusters (ШНОР and ШПУН suggested by the calculation for Луговская and
    // Сосновская are not on it); Сосновская's non-objective results are marked beside them.
    const expected = {
      'Луговская СОШ': 'ШПУН, ШФЗСОР',
      'Озёрная ООШ': 'ШПУН',
      'Сосновская СОШ': 'Необъективность, ШФЗСОР',
    };
    const results = await api<{ rows: { short_name: string | null; clusters: string[] }[] }>(
      '/api/district/results?year=2026&procedure=ВПР&subject=Математика&grade=5',
    );
    expect(clustersOf(results.rows)).toEqual(expected);
    const list = await api<{ short_name: string; clusters: string[] }[]>('/api/schools');
    expect(clustersOf(list)).toEqual(expected);
  });

  it('shows the ФГ targets met per direction as counted from the raw levels', async () => {
    const rows = await raw.store.all<{ direction: string; n: number; low: number; high: number }>(
      `SELECT direction, count(*)::INTEGER AS n,
              count(*) FILTER (WHERE level IN ('недостаточный', 'низкий'))::INTEGER AS low,
              count(*) FILTER (WHERE level = 'высокий')::INTEGER AS high
       FROM raw_fg_participant WHERE year = 2026 GROUP BY direction`,
    );
    const fromLevels = await raw.store.all<{
      direction: string;
      n: number;
      low: number;
      high: number;
    }>(
      `SELECT direction, sum(pupils)::INTEGER AS n,
              sum(pupils) FILTER (WHERE level IN ('недостаточный', 'низкий'))::INTEGER AS low,
              sum(pupils) FILTER (WHERE level = 'высокий')::INTEGER AS high
       FROM raw_fg_levels WHERE year = 2026 GROUP BY direction`,
    );
    const byDirection = new Map<string, { n: number; low: number; high: number }>();
    for (const r of [...rows, ...fromLevels]) {
      const sum = byDirection.get(r.direction) ?? { n: 0, low: 0, high: 0 };
      byDirection.set(r.direction, {
        n: sum.n + r.n,
        low: sum.low + r.low,
        high: sum.high + r.high,
      });
    }
    expect(byDirection.size).toBe(6);
    const lowMet = [...byDirection.values()].filter(
      (d) => (100 * d.low) / d.n <= targets.lowMaxPct,
    ).length;
    const highMet = [...byDirection.values()].filter(
      (d) => (100 * d.high) / d.n >= targets.highMinPct,
    ).length;
    expect(await text('.kpi[aria-label="ФГ: цель по низким уровням"] .kpi-value')).toBe(
      `${lowMet} из 6`,
    );
    expect(await text('.kpi[aria-label="ФГ: цель по высокому уровню"] .kpi-value')).toBe(
      `${highMet} из 6`,
    );
    const overview = await api<{ fg: { direction: string; low_share_pct: number }[] }>(
      '/api/district/overview?year=2026',
    );
    for (const fg of overview.fg) {
      const d = byDirection.get(fg.direction)!;
      expect(fg.low_share_pct, fg.direction).toBeCloseTo((100 * d.low) / d.n, 9);
    }
    expect(await page.locator('#fg + figure.chart svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'district-overview.png'), fullPage: true });
  });

  it("draws each school's trend and flags beside its results", async () => {
    const school = SCHOOLS.find((s) => s.login === 'sch470112')!;
    const row = page.locator(`#district-schools tbody tr[data-key="${school.login}"]`);
    const spark = await row.locator('svg.sparkline').getAttribute('aria-label');
    for (const year of [2022, 2026]) {
      const c = vprMarks(school, year, 5, 'MA');
      expect(spark).toContain(
        `${yearText(year)} — ${shareText(c.n2, c.participants)} (n = ${intText(c.participants)})`,
      );
    }
    const district = sumCounts(SCHOOLS.map((s) => vprMarks(s, 2026, 5, 'MA')));
    expect(
      await page
        .locator('#district-schools tfoot tr[data-key="district"] svg.sparkline')
        .getAttribute('aria-label'),
    ).toContain(
      `2025/26 — ${shareText(district.n2, district.participants)} (n = ${intText(district.participants)})`,
    );
    // Луговская СОШ is on the working list as ШПУН and ШФЗСОР (the region's letter); the
    // calculation's ШНОР is a suggestion the committee has not taken, so it has no badge here.
    expect((await row.locator('.cluster-badge').allInnerTexts()).sort()).toEqual([
      'ШПУН',
      'ШФЗСОР',
    ]);
    // Сосновская СОШ, flagged for signs of non-objective results in 2025/26, is marked where
    // the table ranks it, with the reason in words.
    const badge = page.locator('#district-schools tbody tr[data-key="sch470109"] .cluster-badge', {
      hasText: 'Необъективность',
    });
    expect(await badge.innerText()).toBe('Необъективность ⚠');
    expect(await badge.getAttribute('title')).toBe(
      'Признаки необъективности результатов в 2025/26 (кластер риска «Необъективность»): место школы в сравнении может не отражать реальный уровень',
    );
  });

  it('switches to ЕГЭ: the URL, the columns and the numbers change (counted from the school rows)', async () => {
    await page.selectOption('#f-procedure', 'ЕГЭ');
    await page.waitForURL(/procedure=%D0%95%D0%93%D0%AD/);
    await page.selectOption('#f-subject', 'Физика');
    await page.waitForURL(/subject=%D0%A4/);
    await page.locator('#district-schools caption', { hasText: 'ЕГЭ, Физика, 2025/26' }).waitFor();
    expect(await page.locator('#f-grade').count()).toBe(0);
    const rows = await raw.store.all<{
      school_id: string;
      participants: number;
      n_below_min: number;
    }>(
      `SELECT school_id, participants, n_below_min FROM raw_gia_school
       WHERE year = 2026 AND exam = 'ЕГЭ' AND subject = 'Физика'`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      const row = `#district-schools tbody tr[data-key="${r.school_id}"]`;
      expect(await text(`${row} [data-col="participants"]`)).toBe(intText(r.participants));
      expect(await text(`${row} [data-col="key"]`)).toBe(shareText(r.n_below_min, r.participants));
    }
    const n = rows.reduce((s, r) => s + r.participants, 0);
    const below = rows.reduce((s, r) => s + r.n_below_min, 0);
    expect(await text('#district-schools tfoot tr[data-key="district"] [data-col="key"]')).toBe(
      shareText(below, n),
    );
    expect(await text('#district-schools thead')).toContain('Средний тестовый балл');
  });

  it('downloads the school table exactly as shown, district row included', async () => {
    await page.goto(url('year=2026&procedure=ВПР&subject=Математика&grade=5'));
    await page.locator('#district-schools tbody tr').first().waitFor();
    // Sort by school name so the order differs from the default.
    await page.locator('#district-schools thead button', { hasText: 'Школа' }).click();
    const names = await page
      .locator('#district-schools tbody th[data-col="school"] a')
      .allInnerTexts();
    const download = await clickCsvDownload(page, '#district-schools');
    expect(download.suggestedFilename()).toBe(
      'Школы района — ВПР, Математика, 5 класс, 2025-26.csv',
    );
    const csv = await readCsv(download);
    expect(csv[0]!.slice(0, 3)).toEqual(['Школа', 'Кластеры 2025/26', 'Участников (n)']);
    expect(csv[0]).not.toContain('Динамика по годам');
    expect(csv.slice(1, -2).map((r) => r[0])).toEqual(names);
    const district = sumCounts(SCHOOLS.map((s) => vprMarks(s, 2026, 5, 'MA')));
    const last = csv.at(-2)!;
    expect(last[0]).toBe('Район');
    expect(last[2]).toBe(String(district.participants));
    const key = csv[0]!.indexOf('Доля «2»');
    expect(last[key]).toBe(csvNumber((100 * district.n2) / district.participants));
  });

  it('labels every control and sorts from the keyboard', async () => {
    expect(await unlabelledControls()).toEqual([]);
    const header = page.locator('#district-schools thead th', { hasText: 'Качество знаний' });
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const first = await page
      .locator('#district-schools tbody tr')
      .first()
      .locator('[data-col="kachestvo"]')
      .innerText();
    const all = await page
      .locator('#district-schools tbody [data-col="kachestvo"]')
      .allInnerTexts();
    const value = (t: string) => Number(t.replace(/\s|%/g, '').replace(',', '.'));
    expect(value(first)).toBe(Math.min(...all.map(value)));
  });

  it('prints without navigation, filters and buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.top nav').isVisible()).toBe(false);
    expect(await page.locator('#f-year').isVisible()).toBe(false);
    expect(await page.locator('.table-tools').first().isVisible()).toBe(false);
    expect(await page.locator('#district-schools tbody tr').first().isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'district-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens a school from the cluster list', async () => {
    await page.locator('.cluster-card[data-cluster="ШПУН"] li[data-school="sch470112"] a').click();
    await page.waitForURL(/\/school\/sch470112$/);
    await page.locator('#school-title').waitFor();
    expect(await text('#school-title')).toBe('Луговская СОШ');
  });
});

describe('school page', () => {
  it('explains each flag with what would clear it, as the flags API has it', async () => {
    await page.goto(`${server.url}/school/sch470109`);
    await page.locator('article.flag').first().waitFor();
    const flags = (await api<{ flags: Flag[] }>('/api/flags?year=2026&school=sch470109')).flags;
    expect(flags.length).toBeGreaterThanOrEqual(2);
    for (const flag of flags) {
      const card = page.locator(`article.flag[data-cluster="${flag.cluster}"]`);
      expect(await card.locator('.explanation').innerText()).toBe(flag.explanation);
      expect(await card.locator('.clears').innerText()).toBe(`Условие снятия: ${flag.clears_when}`);
      expect(await card.locator('.flag-state').innerText()).toContain(
        flag.triggered ? 'признак установлен' : 'признак не установлен',
      );
    }
  });

  it('says which working list the school is on, with its basis, and marks the flags the list lacks as suggestions', async () => {
    // Сосновская СОШ: on the region's ШФЗСОР list (not flagged by the calculation), and flagged
    // for ШПУН and Необъективность, which the list does not have.
    await page.goto(`${server.url}/school/sch470109`);
    await page.locator('#working-list').waitFor();
    expect(await text('#working-list')).toBe('Рабочий список кластеров, 2025/26');
    expect(await page.locator('.school-working-list li').allInnerTexts()).toEqual([
      'В рабочем списке: ШФЗСОР (список региона, письмо комитета общего и профессионального образования Ленинградской области от 08.10.2025 № 19-40102/2025) — по расчёту по методике признак не установлен.',
    ]);
    expect(await text('#list-suggested')).toBe(
      'Расчёт по методике предлагает: Необъективность, ШПУН — в рабочем списке этого нет; решение за комитетом (страница «Кластеры по годам»).',
    );
    for (const cluster of ['Необъективность', 'ШПУН'])
      expect(
        await page.locator(`article.flag[data-cluster="${cluster}"] .suggestion`).innerText(),
      ).toBe('Предложение расчёта: в рабочем списке 2025/26 школы в этом кластере нет.');
    await page.goto(`${server.url}/school/sch470110`);
    await page.locator('#working-list').waitFor();
    expect(await page.locator('.school-working-list li').allInnerTexts()).toEqual([
      'В рабочем списке: ШПУН (список региона, письмо комитета общего и профессионального образования Ленинградской области от 08.10.2025 № 19-40102/2025) — по расчёту по методике признак не установлен.',
    ]);
    expect(await page.locator('#list-suggested').count()).toBe(0);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `school-working-list-${width}.png`) });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('shows the school’s whole history of pairs, each partner with its clusters of the year', async () => {
    // Лицей № 2 (data/generator/write-network.ts): Озёрная ООШ 2022/23, СОШ № 5
    // 2021/22–2023/24, Луговская СОШ from 2022/23 on (contract 1 of the mentor's year, 13 October)
    await page.goto(`${server.url}/school/sch470102`);
    const row = '#school-partners tr[data-key="2026|наставник|sch470112"]';
    await page.locator(row).waitFor();
    const cells = (selector: string) =>
      page
        .locator(`${selector} > :is(th, td)`)
        .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText));
    expect(await cells(row)).toEqual([
      '2025/26',
      'наставник',
      'Луговская СОШ',
      'ШПУН, ШФЗСОР',
      'ресурсное (донорское)',
      '№ 01/2025 от 13.10.2025',
      '2022/23 (4-й год)',
    ]);
    expect(await page.locator('#school-partners tbody tr').count()).toBe(8);
    expect(await cells('#school-partners tr[data-key="2023|наставник|sch470110"]')).toEqual([
      '2022/23',
      'наставник',
      'Озёрная ООШ',
      'ШНОР',
      'ресурсное (донорское)',
      '№ 02/2022 от 07.10.2022',
      '2022/23 (первый год)',
    ]);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('#school-partners').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBe(0);
      await page.locator('#school-partners').screenshot({
        path: join(SCREENSHOTS, `school-pairs-${width}.png`),
      });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('names its network partner from the loaded pairs, as подшефная школа', async () => {
    await page.goto(`${server.url}/school/sch470109`);
    await page.locator('#school-partners tbody tr').first().waitFor();
    const [pair] = await raw.store.all<{ partner: string; name: string; year: number }>(
      `SELECT p.mentor_school_id AS partner, s.short_name AS name, p.year
       FROM raw_network_pair p JOIN school s ON s.school_id = p.mentor_school_id
       WHERE p.mentee_school_id = 'sch470109' ORDER BY p.year DESC LIMIT 1`,
    );
    expect(pair).toBeDefined();
    const first = page.locator('#school-partners tbody tr').first();
    expect(await first.innerText()).toContain(yearText(pair!.year));
    expect(await first.innerText()).toContain('подшефная школа');
    expect(await first.innerText()).toContain(pair!.name);
    expect(await first.locator('a').getAttribute('href')).toBe(`/school/${pair!.partner}`);
  });

  it('shows teacher deficits per area as counted from the raw diagnostics', async () => {
    const areas = await raw.store.all<{ area: string; n: number; deficit: number }>(
      `SELECT area, count(DISTINCT teacher_key)::INTEGER AS n,
              count(DISTINCT teacher_key) FILTER (WHERE level IN ('высокий', 'критический'))::INTEGER AS deficit
       FROM raw_teacher_diag WHERE school_id = 'sch470109'
         AND year = (SELECT max(year) FROM raw_teacher_diag)
       GROUP BY area`,
    );
    expect(areas.length).toBeGreaterThan(2);
    for (const a of areas) {
      const row = `#school-teachers tbody tr[data-key="${a.area}"]`;
      expect(await text(`${row} [data-col="teachers"]`)).toBe(intText(a.n));
      expect(await text(`${row} [data-col="deficit"]`)).toBe(
        `${shareText(a.deficit, a.n)} (${intText(a.deficit)})`,
      );
    }
  });

  it('lists the task deficits and ФГ levels the API has, and switches the trend by URL', async () => {
    const page_ = await api<{
      tasks: { status: string }[];
      fg: { year: number }[];
    }>('/api/schools/sch470109');
    const weak = page_.tasks.filter((t) => t.status !== 'достаточно').length;
    expect(weak).toBeGreaterThan(0);
    expect(await page.locator('#school-tasks tbody tr').count()).toBe(weak);
    await page.getByLabel('Показать все задания').check();
    // more than a page of tasks: all of them, one page at a time
    expect(await tableRowCount(page, '#school-tasks')).toBe(page_.tasks.length);
    expect(await page.locator('#school-tasks tbody tr').count()).toBe(
      Math.min(PAGE_SIZE, page_.tasks.length),
    );
    expect(await keysOnAllPages(page, '#school-tasks')).toHaveLength(page_.tasks.length);
    const fgYear = Math.max(...page_.fg.map((r) => r.year));
    expect(await page.locator('#school-fg tbody tr').count()).toBe(
      page_.fg.filter((r) => r.year === fgYear).length,
    );
    await page.selectOption('#f-result', 'ОГЭ|Математика|');
    await page.waitForURL(/result=%D0%9E%D0%93%D0%AD/);
    await page.locator('#trend', { hasText: 'ОГЭ, Математика' }).waitFor();
    expect(await page.locator('#school-history tbody tr').count()).toBe(5);
    await page.screenshot({ path: join(SCREENSHOTS, 'school-full.png'), fullPage: true });
  });
});

describe('school list', () => {
  it('finds a school by name and opens it', async () => {
    await page.goto(`${server.url}/school`);
    await page.locator('#school-list tbody tr').first().waitFor();
    expect(await page.locator('#school-list tbody tr').count()).toBe(SCHOOLS.length);
    await page.getByLabel('Поиск по названию или логину').fill('лицей');
    expect(await page.locator('#school-list tbody tr').count()).toBe(
      SCHOOLS.filter((s) => /лицей/i.test(s.shortName)).length,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'school-list.png'), fullPage: true });
    await page.locator('#school-list tbody a').first().click();
    await page.waitForURL(/\/school\/sch\d+$/);
  });
});

describe('every view', () => {
  it('names every control, and fits 1366 px without scrolling sideways', async () => {
    for (const path of [
      '/',
      '/school',
      '/school/sch470109',
      '/compare',
      '/clusters',
      '/fg',
      '/deficits',
      '/briefings',
      '/methodology',
      '/import',
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await unlabelledControls(), path).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflow, path).toBe(false);
    }
  });
});
