/**
 * Tables of thousands of rows in a real browser: a synthetic country of 3 000 schools, imported
 * through the real import path. A table shows one page of 100 rows with a pager and a search;
 * the sort works on all rows, the search finds a school on any page, the downloads hold every
 * row found. The district table of 3 000 schools is paged, sorted and searched by the server
 * (more than the page keeps in the browser); the school list by the browser. Expected values
 * come from the API's JSON of all rows, never from the page, and their texts are written by
 * test/helpers/hand-format.ts (integer arithmetic), not by the product's formatters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Store } from '../../analytics/db.ts';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { importPaths } from '../../ingest/import.ts';
import type { DistrictResults, SchoolListRow } from '../../contract/api/types.ts';
import type { FgPage } from '../../contract/api/fg-types.ts';
import type { CompareGrid, ComparePair, CompareResult } from '../../contract/api/compare-types.ts';
import { countText, decimalOf, intText } from '../helpers/hand-format.ts';
import { downloadCsv } from './downloads.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

const SCHOOL_COUNT = 3_000;
const PAGE = 100;
const DISTRICT_URL = '/?year=2026&procedure=ВПР&subject=Математика&grade=5';

let dir: string;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-e2e-large-'));
  const files = writeSynthetic(join(dir, 'files'), { schools: SCHOOL_COUNT, years: 2 });
  const template = join(dir, 'large.duckdb');
  const store = await Store.open(template);
  try {
    const reports = await importPaths(
      store,
      [files.registry, ...files.years.flatMap((y) => [y.tasks.path, y.marks, y.fg])],
      { maxRows: 1_000_000, maxBytes: 500 * 1024 * 1024 },
    );
    for (const report of reports) expect(report.outcome, report.file).toBe('loaded');
  } finally {
    store.close();
  }
  ({ server, page } = await openDashboard(template));
});
afterAll(async () => {
  await closeDashboard();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** «Строки 1–100 из 3 000» as the page writes it: ru-RU numbers (no-break spaces). */
const range = (from: number, to: number, total: number) =>
  `Строки ${intText(from)}–${intText(to)} из ${intText(total)}`;

/** One table block of the page, found by its id. */
/** A table block; `searchLabel` is the label of its search (the school list names its own). */
function table(id: string, searchLabel = 'Поиск по таблице') {
  const block = page.locator(`#${id}`);
  const pager = block.getByRole('navigation', { name: 'Страницы таблицы' });
  /** The table once the rows it asked the server for are drawn. */
  const settled = () => block.locator('.table-wrap[aria-busy="false"]').waitFor();
  return {
    block,
    pager,
    settled,
    bodyRows: block.locator('tbody tr'),
    rowCount: async () => (await settled(), block.locator('tbody tr').count()),
    range: async () => (await settled(), pager.locator('.pager-range').innerText()),
    button: (name: string) => pager.getByRole('button', { name, exact: true }),
    search: block.getByLabel(searchLabel),
    count: async () => (await settled(), block.locator('.table-count').innerText()),
    /** the row keys (school logins) of the page shown */
    keys: async () => (
      await settled(),
      block
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''))
    ),
  };
}

describe('the district table of 3 000 schools', () => {
  const t = () => table('district-schools');
  let results: DistrictResults;

  it('shows the first 100 rows of all schools with a pager', async () => {
    const asked: string[] = [];
    const listen = (request: { url: () => string }) => {
      if (request.url().includes('/api/district/results')) asked.push(request.url());
    };
    page.on('request', listen);
    await page.goto(`${server.url}${DISTRICT_URL}`);
    await t().pager.waitFor();
    // page 1 came with the view's first request: the table did not ask for it again
    expect(asked).toHaveLength(1);
    page.off('request', listen);
    // every school, as a download asks for them (no limit)
    results = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/district/results${DISTRICT_URL.slice(1)}`,
    );
    const schools = results.rows.filter((r) => r.level === 'school');
    expect(schools).toHaveLength(SCHOOL_COUNT);
    expect(results.total).toBe(SCHOOL_COUNT);

    await t().pager.waitFor();
    expect(await t().rowCount()).toBe(PAGE);
    expect(await t().range()).toBe(range(1, PAGE, SCHOOL_COUNT));
    expect(await t().count()).toBe(`Строк: ${intText(SCHOOL_COUNT)}`);
    expect(await t().button('‹ Назад').isDisabled()).toBe(true);
    expect(await t().button('Первая').isDisabled()).toBe(true);
    expect(await t().button('Вперёд ›').isEnabled()).toBe(true);
    // the district's own row stays in the footer
    expect(await t().block.locator('tfoot tr').count()).toBeGreaterThanOrEqual(1);
    expect(await t().block.locator('tfoot').innerText()).toContain('Район');

    // the default sort (доля «2», highest first) over all schools: page 1 holds the top 100
    const byKey = [...schools].sort((a, b) => b.key_pct - a.key_pct);
    const top = new Set(byKey.slice(0, PAGE).map((r) => r.key_pct));
    const pageKeys = await t().keys();
    for (const key of pageKeys)
      expect(top.has(schools.find((s) => s.school_id === key)!.key_pct), key).toBe(true);

    await t().block.screenshot({ path: join(SCREENSHOTS, 'large-table-district.png') });

    // the chart: bands of 5 п.п., not 3 000 bars; the bands hold every school once
    const chart = page.locator('figure', { hasText: 'Распределение школ' });
    await chart.locator('svg').first().waitFor();
    expect(await chart.locator('figcaption').innerText()).toBe(
      'Распределение школ по показателю «Доля «2»» — ВПР, Математика, 5 класс, 2025/26',
    );
    expect(await chart.innerText()).toContain(`всего ${intText(SCHOOL_COUNT)} школ`);
    const bands: { band_from: number; schools: number; small_schools: number }[] =
      await page.evaluate(
        async (url) => (await fetch(url)).json(),
        `/api/district/distribution${DISTRICT_URL.slice(1)}`,
      );
    const inBand = (from: number) =>
      schools.filter((s) => Math.min(Math.floor(s.key_pct / 5), 19) * 5 === from);
    for (const band of bands) {
      expect(band.schools, `${band.band_from}`).toBe(
        inBand(band.band_from).filter((s) => !s.is_small_n).length,
      );
      expect(band.small_schools).toBe(inBand(band.band_from).filter((s) => s.is_small_n).length);
    }
    expect(bands.reduce((n, b) => n + b.schools + b.small_schools, 0)).toBe(SCHOOL_COUNT);
    await chart.screenshot({ path: join(SCREENSHOTS, 'large-district-bands.png') });

    // the cluster cards: a synthetic country has no official lists, so every flagged school is
    // the calculation's suggestion: whole counts, 30 named, the rest counted
    const flagged: { school_id: string; cluster: string; triggered: boolean }[] = (
      await page.evaluate(async () => (await fetch('/api/flags?year=2026')).json())
    ).flags.filter((f: { triggered: boolean }) => f.triggered);
    // the largest cluster (since methodology 2026.2 ШНОР is by an absolute boundary and a
    // synthetic country has only a few; the card lists 30 of any cluster)
    const sizes = new Map<string, number>();
    for (const f of flagged) sizes.set(f.cluster, (sizes.get(f.cluster) ?? 0) + 1);
    const [largest, inCluster] = [...sizes].sort((a, b) => b[1] - a[1])[0]!;
    const card = page.locator(`article[data-cluster="${largest}"]`);
    expect(inCluster).toBeGreaterThan(30);
    expect(await card.locator('.cluster-count').innerText()).toBe('0 школ');
    const suggested = card.locator('.suggested');
    expect(await suggested.locator('a[data-school]').count()).toBe(30);
    const forms = ['школа', 'школы', 'школ'] as const;
    expect(await suggested.innerText()).toContain(
      `Предложено расчётом (${countText(inCluster, forms)}), в списке нет:`,
    );
    expect(await suggested.innerText()).toContain(`и ещё ${countText(inCluster - 30, forms)}.`);
    // The tile counts the working list: none yet.
    const tile = page.locator('.kpi', { hasText: 'Школ в кластерах риска' });
    expect(await tile.locator('.kpi-value').innerText()).toBe('0');
    await card.screenshot({ path: join(SCREENSHOTS, 'large-district-cluster.png') });
  });

  it('turns the pages forward, back, to a typed page and to the ends; the footer stays', async () => {
    const first = await t().keys();
    await t().button('Вперёд ›').click();
    expect(await t().range()).toBe(range(101, 200, SCHOOL_COUNT));
    const second = await t().keys();
    expect(second).toHaveLength(PAGE);
    expect(second.filter((k) => first.includes(k))).toEqual([]);
    expect(await t().button('‹ Назад').isEnabled()).toBe(true);
    expect(await t().block.locator('tfoot').innerText()).toContain('Район');

    await t().button('‹ Назад').click();
    expect(await t().range()).toBe(range(1, PAGE, SCHOOL_COUNT));
    expect(await t().keys()).toEqual(first);

    // keyboard: the page number typed and Enter
    const input = t().pager.getByLabel('Страница', { exact: true });
    await input.fill('12');
    await input.press('Enter');
    expect(await t().range()).toBe(range(1_101, 1_200, SCHOOL_COUNT));

    await t().button('Последняя').click();
    expect(await t().range()).toBe(range(2_901, SCHOOL_COUNT, SCHOOL_COUNT));
    expect(await t().rowCount()).toBe(PAGE);
    expect(await t().button('Вперёд ›').isDisabled()).toBe(true);
    expect(await t().button('Последняя').isDisabled()).toBe(true);
    // the focus is not lost with the disabled button: it goes to the page number
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('number');
    expect(await input.inputValue()).toBe('30');

    // a page past the end goes to the last one
    await input.fill('999');
    await input.press('Enter');
    expect(await input.inputValue()).toBe('30');

    // a button pressed with the keyboard
    await t().button('‹ Назад').focus();
    await page.keyboard.press('Enter');
    expect(await t().range()).toBe(range(2_801, 2_900, SCHOOL_COUNT));
    await t().button('Первая').click();
    expect(await t().range()).toBe(range(1, PAGE, SCHOOL_COUNT));
  });

  it('sorts all schools, not the page: page 1 starts with the maximum over all of them', async () => {
    await t().button('Вперёд ›').click();
    const schools = results.rows.filter((r) => r.level === 'school');
    const marks = schools.map((s) => s.avg_mark).filter((m): m is number => m != null);
    const max = Math.max(...marks);
    const withMax = schools.filter((s) => s.avg_mark === max).map((s) => s.school_id);

    await t().block.getByRole('button', { name: 'Средняя отметка' }).click();
    expect(await t().block.locator('thead th[aria-sort="descending"]').innerText()).toContain(
      'Средняя отметка',
    );
    // the sort went back to page 1
    expect(await t().range()).toBe(range(1, PAGE, SCHOOL_COUNT));
    const firstRow = t().bodyRows.first();
    expect(withMax).toContain(await firstRow.getAttribute('data-key'));
    expect(await firstRow.locator('td[data-col="avg_mark"]').innerText()).toBe(decimalOf(max, 2));

    // ascending: the minimum over all schools comes first
    await t().block.getByRole('button', { name: 'Средняя отметка' }).click();
    const min = Math.min(...marks);
    await t().settled();
    expect(await t().bodyRows.first().locator('td[data-col="avg_mark"]').innerText()).toBe(
      decimalOf(min, 2),
    );

    // the download holds every school in this order, then the footer rows
    const csv = await downloadCsv(page, '#district-schools');
    const footer = results.rows.filter((r) => r.level !== 'school').length;
    expect(csv).toHaveLength(1 + SCHOOL_COUNT + footer);
    const header = csv[0]!;
    const firstKey = await t().bodyRows.first().getAttribute('data-key');
    expect(csv[1]![header.indexOf('Школа')]).toBe(
      schools.find((s) => s.school_id === firstKey)!.short_name,
    );
  });

  it('finds one school on any page by its name; the download holds what was found', async () => {
    const target = results.rows.find((r) => r.short_name === 'Школа № 2999')!;
    expect(target).toBeDefined();
    await t().search.fill('школа № 2999');
    await expect.poll(() => t().rowCount()).toBe(1);
    expect(await t().keys()).toEqual([target.school_id]);
    expect(await t().count()).toBe(`Найдено: 1 из ${intText(SCHOOL_COUNT)}`);
    // one page: no pager, the footer still shown
    expect(await t().pager.count()).toBe(0);
    expect(await t().block.locator('tfoot').innerText()).toContain('Район');
    await t().block.screenshot({ path: join(SCREENSHOTS, 'large-table-search.png') });

    const csv = await downloadCsv(page, '#district-schools');
    const footer = results.rows.filter((r) => r.level !== 'school').length;
    expect(csv).toHaveLength(1 + 1 + footer);
    expect(csv[1]![0]).toBe('Школа № 2999');

    // more than a page found: paged again, from page 1
    await t().search.fill('Школа № 1');
    // «Школа № 1», 10–19, 100–199, 1000–1999
    const found = 1 + 10 + 100 + 1000;
    await expect
      .poll(() => t().count())
      .toBe(`Найдено: ${intText(found)} из ${intText(SCHOOL_COUNT)}`);
    expect(await t().range()).toBe(range(1, PAGE, found));

    await t().search.fill('школы такой нет');
    await expect.poll(() => t().block.locator('td.empty').count()).toBe(1);
    expect(await t().block.locator('td.empty').innerText()).toBe('Ничего не найдено.');
    expect(await t().block.getByRole('button', { name: 'Скачать CSV' }).isDisabled()).toBe(true);

    await t().search.fill('');
    expect(await t().range()).toBe(range(1, PAGE, SCHOOL_COUNT));
    expect(await t().rowCount()).toBe(PAGE);
  });

  it("asks the server again for another selection: the page shows that selection's schools", async () => {
    await page.locator('#f-grade').selectOption('6');
    await page.waitForURL(/grade=6/);
    const expected: DistrictResults = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      // the table keeps its sort (average mark, lowest first, from the test above)
      '/api/district/results?year=2026&procedure=ВПР&subject=Математика&grade=6&limit=100&sort=avg_mark&dir=asc',
    );
    const keys = expected.rows.filter((r) => r.level === 'school').map((r) => r.school_id);
    expect(keys).toHaveLength(PAGE);
    await expect.poll(() => t().keys()).toEqual(keys);
    expect(await t().range()).toBe(range(1, PAGE, expected.total));
  });
});

describe('the school list of 3 000 schools', () => {
  const t = () => table('school-list', 'Поиск по названию или логину');

  it('shows one page, and its search finds a school by name with ё as е and in any case', async () => {
    await page.goto(`${server.url}/school`);
    const schools: SchoolListRow[] = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      '/api/schools',
    );
    expect(schools).toHaveLength(SCHOOL_COUNT);

    await t().pager.waitFor();
    expect(await t().rowCount()).toBe(PAGE);
    expect(await t().range()).toBe(range(1, PAGE, SCHOOL_COUNT));
    await t().button('Вперёд ›').click();
    expect(await t().range()).toBe(range(101, 200, SCHOOL_COUNT));
    expect(await t().rowCount()).toBe(PAGE);

    // more schools than the browser keeps: the server pages them, by name
    const byName = [...schools].sort((a, b) => (a.short_name < b.short_name ? -1 : 1));
    expect(await t().keys()).toEqual(byName.slice(PAGE, 2 * PAGE).map((s) => s.school_id));

    await t().search.fill('ШКОЛА № 2999');
    await expect
      .poll(() => t().keys())
      .toEqual([schools.find((s) => s.short_name === 'Школа № 2999')!.school_id]);
    await page.screenshot({ path: join(SCREENSHOTS, 'large-table-schools.png') });

    // ё in the query finds е in the names («учреждение»), and the other way round
    await t().search.fill('учрёждение «средняя школа № 2998»');
    await expect
      .poll(() => t().keys())
      .toEqual([schools.find((s) => s.short_name === 'Школа № 2998')!.school_id]);
  });
});

describe('the ФГ page of 3 000 schools', () => {
  const t = () => table('fg-schools');

  it('pages the schools on the server and charts the largest contributions only', async () => {
    await page.goto(`${server.url}/fg`);
    await t().pager.waitFor();
    const fg: FgPage = await page.evaluate(async () => (await fetch('/api/fg')).json());
    expect(fg.schools.length).toBe(fg.summary.schools);
    expect(fg.summary.schools).toBeGreaterThan(1_000);
    expect(await t().count()).toBe(`Строк: ${intText(fg.summary.schools)}`);
    expect(await t().rowCount()).toBe(PAGE);

    // the contributions over all schools, summed independently of the server's summary
    const contributing = fg.schools.filter((s) => s.low_gap_contribution_pupils > 0);
    expect(fg.summary.contributing).toBe(contributing.length);
    expect(fg.summary.over_target).toBe(fg.schools.filter((s) => s.low_excess_pupils > 0).length);
    const excess = fg.schools.reduce((sum, s) => sum + s.low_excess_pupils, 0);
    expect(fg.summary.low_excess_pupils).toBe(excess);
    // whole pupils: the schools' contributions add up to the district's excess exactly
    const district = fg.district.find((r) => r.direction === fg.direction && r.grade === fg.grade)!;
    expect(district.low_excess_pupils).toBeGreaterThan(0);
    const contributed = fg.schools.reduce((sum, s) => sum + s.low_gap_contribution_pupils, 0);
    expect(contributed).toBe(district.low_excess_pupils);
    for (const s of fg.schools) expect(Number.isInteger(s.low_gap_contribution_pupils)).toBe(true);

    // page 1 in the default order: the largest contributions first
    const contributionOf = new Map(
      fg.schools.map((s) => [s.school_id, s.low_gap_contribution_pupils]),
    );
    const top = [...contributionOf.values()].sort((a, b) => b - a).slice(0, PAGE);
    const shown = (await t().keys()).map((key) => contributionOf.get(key)!);
    expect(shown).toEqual(top);

    const chart = page.locator('figure', { hasText: 'Вклад школ в отставание района' });
    expect(await chart.locator('.chart-note').innerText()).toContain(
      `Показаны 40 школ с вкладом в превышение цели 15,0 % — с наибольшим из ${intText(contributing.length)}`,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'large-fg.png'), fullPage: true });
  });
});

describe('the year comparison of 3 000 schools', () => {
  const t = () => table('compare-schools');
  const SERIES = 'year_a=2025&year_b=2026&indicator=vpr_dolya2&topic=Математика&grade=5';

  it('pages the schools on the server, counts all of them and charts the largest changes', async () => {
    await page.goto(`${server.url}/compare?${SERIES}`);
    await t().pager.waitFor();
    // every school, as a download asks for them (no limit)
    const all: CompareResult = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/compare?${SERIES}`,
    );
    const schools = all.schools;
    expect(schools.length).toBeGreaterThan(1_000);
    expect(await t().count()).toBe(`Строк: ${intText(schools.length)}`);
    expect(await t().rowCount()).toBe(PAGE);

    const significant = (kind: ComparePair['direction']) =>
      schools.filter((s) => s.is_significant && s.direction === kind).length;
    const tile = page.locator('.kpi', { hasText: 'Школы: значимые изменения' });
    expect(await tile.locator('.kpi-value').innerText()).toBe(
      `${intText(significant('ухудшение'))} хуже · ${intText(significant('улучшение'))} лучше`,
    );

    // page 1 in the default order: the largest rise first, over all schools
    const top = new Set(
      [...schools]
        .sort((a, b) => (b.change_pp ?? -Infinity) - (a.change_pp ?? -Infinity))
        .slice(0, PAGE)
        .map((s) => s.change_pp),
    );
    for (const key of await t().keys())
      expect(top.has(schools.find((s) => s.school_id === key)!.change_pp), key).toBe(true);

    // the chart: 40 schools, significant changes first, then the largest: none left out ranks higher
    const rank = (s: ComparePair) => (s.is_significant ? 1000 : 0) + Math.abs(s.change_pp ?? -1000);
    const charted = new Set(all.chart.map((s) => s.school_id));
    expect(charted.size).toBe(40);
    const lowest = Math.min(...all.chart.map(rank));
    expect(schools.filter((s) => !charted.has(s.school_id) && rank(s) > lowest)).toEqual([]);
    const chart = page.locator('figure', { hasText: 'с наибольшими изменениями' });
    expect(await chart.locator('figcaption').innerText()).toContain(
      `40 школ с наибольшими изменениями (сначала значимые) из ${intText(schools.length)}`,
    );

    // the grid: whole counts per cell, 15 names and «…и ещё N», the rest of the schools outside
    const grid: CompareGrid = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/compare/grid?year=2026&${SERIES.replace(/^.*?indicator/, 'indicator')}`,
    );
    const counted = grid.cells.reduce((sum, c) => sum + c.schools_count, 0);
    expect(counted).toBe(grid.schools.length);
    expect(grid.total).toBe(counted);
    const inGrid = new Set(grid.schools.map((r) => r.school_id));
    expect(grid.outside.total).toBe(
      schools.filter((s) => s.pct_b != null && !inGrid.has(s.school_id!)).length,
    );
    const biggest = [...grid.cells].sort((a, b) => b.schools_count - a.schools_count)[0]!;
    expect(biggest.schools_count).toBeGreaterThan(15);
    const cell = page.locator(
      `#compare-grid td[data-status="${biggest.status_level}"][data-change="${biggest.change_level}"]`,
    );
    expect(await cell.locator('[data-count]').innerText()).toBe(String(biggest.schools_count));
    expect(await cell.locator('li a').count()).toBe(15);
    expect(await cell.locator('.cell-more').innerText()).toBe(
      `…и ещё ${intText(biggest.schools_count - 15)}`,
    );
    expect(await table('compare-grid-schools').count()).toBe(`Строк: ${intText(counted)}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'large-compare.png'), fullPage: true });
  });
});
