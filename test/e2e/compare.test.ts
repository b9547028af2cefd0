/**
 * «Сравнение лет» in a real browser on the demo store. Expected numbers come from the demo
 * generator's own simulation (vprMarks), the two-proportion z is computed here, and the grid
 * cells are classified here with the cut points of the default methodology — none of it
 * through the model SQL. The page must equal both these numbers and the API's. Expected texts
 * are written out, or made here from the counts in whole numbers (shareText, changeText,
 * intText: BigInt tenths rounded half away from zero), never with the product's formatters.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCHOOLS } from '../../data/generator/district.ts';
import { sumCounts, vprMarks, type MarkCounts } from '../../data/generator/simulate.ts';
import methodology from '../../analytics/methodology.default.json' with { type: 'json' };
import type { CompareGrid, CompareResult } from '../../contract/api/compare-types.ts';
import { csvNumber, downloadCsv } from './downloads.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;
beforeAll(async () => ({ server, page } = await openDashboard(inject('demoStore'))));
afterAll(closeDashboard);

const MIN_N = methodology.minN;
const text = (selector: string) => page.locator(selector).first().innerText();
const pct = (c: MarkCounts) => (100 * c.n2) / c.participants;

/** 1 234 with a no-break space between the thousands, as ru-RU writes them. */
const intText = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
/** 100 · num / den in tenths, rounded half away from zero, in whole numbers. */
function tenths(num: number, den: number): number {
  const [a, d] = [BigInt(Math.abs(num)), BigInt(Math.abs(den))];
  const magnitude = Number((2000n * a + d) / (2n * d));
  return Math.sign(num) * Math.sign(den) < 0 ? -magnitude : magnitude;
}
const decimalText = (t: number) => `${intText(Math.trunc(Math.abs(t) / 10))},${Math.abs(t) % 10}`;
/** «12,5 %»: the share of «2» of a year. */
const shareText = (c: MarkCounts) => `${decimalText(tenths(c.n2, c.participants))} %`;
/** «+12,5 п.п.», «−3,4 п.п.» (a typographic minus) or «0,0 п.п.»: B − A. */
function changeText(a: MarkCounts, b: MarkCounts): string {
  const t = tenths(b.n2 * a.participants - a.n2 * b.participants, a.participants * b.participants);
  return `${t > 0 ? '+' : t < 0 ? '\u2212' : ''}${decimalText(t)} п.п.`;
}

/** Two-proportion z-test with the pooled share (|z| > 1,96 is significant). */
function zTest(a: MarkCounts, b: MarkCounts): number | null {
  const pooled = (a.n2 + b.n2) / (a.participants + b.participants);
  if (pooled <= 0 || pooled >= 1) return null;
  return (
    (pct(b) / 100 - pct(a) / 100) /
    Math.sqrt(pooled * (1 - pooled) * (1 / a.participants + 1 / b.participants))
  );
}
const isSmall = (a: MarkCounts, b: MarkCounts) => a.participants < MIN_N || b.participants < MIN_N;
/** Beyond chance, and at least MIN_N participants in both years (a small group never is). */
const isSignificant = (a: MarkCounts, b: MarkCounts) => {
  const z = zTest(a, b);
  return z != null && Math.abs(z) > 1.96 && !isSmall(a, b);
};
const significance = (a: MarkCounts, b: MarkCounts) =>
  isSignificant(a, b) ? 'значимо' : 'не значимо';
/** «Оценка» of доля «2» (lower is better): words only as far as the test goes. */
function assessment(a: MarkCounts, b: MarkCounts): string {
  if (a.n2 * b.participants === b.n2 * a.participants) return 'без изменений';
  if (isSmall(a, b)) return 'мало данных';
  if (!isSignificant(a, b)) return 'в пределах случайных колебаний';
  return pct(b) > pct(a) ? 'ухудшение' : 'улучшение';
}

/** The row of the page shows the expected A, B, change and significance of доля «2». */
async function checkRow(row: string, a: MarkCounts, b: MarkCounts): Promise<void> {
  const cell = (col: string) => text(`${row} [data-col="${col}"]`);
  expect(await cell('pct_a'), row).toBe(shareText(a));
  expect(await cell('n_a'), row).toBe(intText(a.participants));
  expect(await cell('pct_b'), row).toBe(shareText(b));
  expect(await cell('n_b'), row).toBe(intText(b.participants));
  expect(await cell('change'), row).toBe(changeText(a, b));
  expect(await cell('significance'), row).toContain(significance(a, b));
  expect(await cell('direction'), row).toBe(assessment(a, b));
}

async function api<T = CompareResult>(query: string, path = '/api/compare'): Promise<T> {
  const response = await fetch(`${server.url}${path}?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const MATH5 = `indicator=vpr_dolya2&topic=${encodeURIComponent('Математика')}&grade=5`;

describe('«Сравнение лет»', () => {
  it('shows the district and every school in the previous and the latest year by default', async () => {
    await page.goto(`${server.url}/compare`);
    await page.locator('#compare-schools tbody tr[data-key]').first().waitFor();
    expect(await page.locator('#f-year-a').inputValue()).toBe('2025');
    expect(await page.locator('#f-year-b').inputValue()).toBe('2026');
    expect(await page.locator('#f-indicator').inputValue()).toBe('vpr_dolya2|Математика|5');

    const body = await api(`year_a=2025&year_b=2026&${MATH5}`);
    const district = [2025, 2026].map((y) =>
      sumCounts(SCHOOLS.map((s) => vprMarks(s, y, 5, 'MA'))),
    );
    // District table: the row of ВПР доля «2» Математика 5 кл., and the API agrees.
    await checkRow(
      '#compare-district tr[data-key="vpr_dolya2|Математика|5"]',
      district[0]!,
      district[1]!,
    );
    const apiDistrict = body.district.find(
      (p) => p.indicator === 'vpr_dolya2' && p.topic === 'Математика' && p.grade === 5,
    )!;
    expect(apiDistrict.n_a).toBe(district[0]!.participants);
    expect(apiDistrict.count_b).toBe(district[1]!.n2);
    expect(apiDistrict.z_score).toBeCloseTo(zTest(district[0]!, district[1]!)!, 10);
    // Every series of the API is a row of the table; significant worsenings are toned.
    expect(await page.locator('#compare-district tbody tr[data-key]').count()).toBe(
      body.district.length,
    );
    const worse = body.district.filter((p) => p.is_significant && p.direction === 'ухудшение');
    expect(worse.length).toBeGreaterThan(0);
    expect(await page.locator('#compare-district tr.sig-worse').count()).toBe(worse.length);
    for (const p of worse.slice(0, 3)) {
      const row = `#compare-district tr[data-key="${p.indicator}|${p.topic}|${p.grade ?? ''}"]`;
      expect(await text(`${row} [data-col="significance"]`)).toBe('● значимо');
      expect(await text(`${row} [data-col="direction"]`)).toBe('ухудшение');
    }

    // Schools: each one against the generator, and against the API.
    for (const school of SCHOOLS) {
      const a = vprMarks(school, 2025, 5, 'MA');
      const b = vprMarks(school, 2026, 5, 'MA');
      const row = `#compare-schools tr[data-key="${school.login}"]`;
      await checkRow(row, a, b);
      const fromApi = body.schools.find((s) => s.school_id === school.login)!;
      expect(fromApi.pct_b).toBeCloseTo(pct(b), 10);
      expect(fromApi.z_score ?? null).toBeCloseTo(zTest(a, b) ?? 0, 10);
      const small = a.participants < MIN_N || b.participants < MIN_N;
      expect((await text(`${row} [data-col="school"]`)).includes('мало данных'), school.login).toBe(
        small,
      );
    }
    expect(await page.locator('#compare-schools tbody tr[data-key]').count()).toBe(SCHOOLS.length);
    expect(await text('#compare-schools tfoot [data-col="n_b"]')).toBe(
      intText(district[1]!.participants),
    );
    // Красноборская СОШ: 2 of 16 → 4 of 16, +12,5 п.п. with z ≈ 0,91 — within chance.
    const krasnobor = '#compare-schools tr[data-key="sch470117"]';
    expect(await text(`${krasnobor} [data-col="change"]`)).toBe('+12,5 п.п.');
    expect(await text(`${krasnobor} [data-col="significance"]`)).toBe('○ не значимо');
    expect(await text(`${krasnobor} [data-col="direction"]`)).toBe(
      'в пределах случайных колебаний',
    );
    // Сосновская СОШ is flagged for signs of non-objective results in both years: marked.
    const mark = page.locator('#compare-schools tr[data-key="sch470109"] .nonobjective-mark');
    expect(await mark.getAttribute('title')).toBe(
      'Признаки необъективности результатов в 2024/25 и 2025/26 (кластер риска «Необъективность»): место школы в сравнении может не отражать реальный уровень',
    );
    expect(await page.locator('#compare-schools .nonobjective-mark').count()).toBe(1);
    // The arrow chart: one row per school and the district, tooltips with n.
    const chart = page.locator('figure.chart', { hasText: 'школы в 2024/25 (○) и 2025/26 (●)' });
    expect(await chart.locator('svg').count()).toBeGreaterThan(0);
    expect(await chart.locator('.chart-note').innerText()).toMatch(
      /Данные загружены \d\d\.\d\d\.\d{4}/,
    );
    expect(await chart.locator('svg title').first().textContent()).toMatch(/n = /);
    // The tip of the district's year-B dot carries both n.
    await chart.locator('g[aria-label="dot"]').last().locator('circle').first().hover();
    const tip = await chart.locator('g[aria-label="tip"]').first().textContent();
    expect(tip).toContain(`n = ${intText(district[0]!.participants)}`);
    expect(tip).toContain(`n = ${intText(district[1]!.participants)}`);
    // The flagged school is marked in the chart too.
    expect(await chart.locator('svg text', { hasText: 'Сосновская СОШ ⚠' }).count()).toBe(1);
  });

  it('counts the schools of each grid cell as the methodology cut points classify them', async () => {
    const { statusCutsPct, changeCutsPp } = methodology.statusChangeGrid.indicators.vpr_dolya2;
    const level = (value: number, cuts: number[]) => 5 - cuts.filter((c) => value >= c).length;
    const expected = new Map<string, string[]>();
    for (const school of SCHOOLS) {
      const now = vprMarks(school, 2026, 5, 'MA');
      const before = vprMarks(school, 2025, 5, 'MA');
      if (isSmall(before, now)) continue; // small groups (either year) stay out of the grid
      // only a change beyond chance is placed by its size; one within chance is level 3
      const change = isSignificant(before, now) ? level(pct(now) - pct(before), changeCutsPp) : 3;
      const key = `${level(pct(now), statusCutsPct)}|${change}`;
      expected.set(key, [...(expected.get(key) ?? []), school.login]);
    }
    expect(expected.size).toBeGreaterThan(2);
    const body = await api<CompareGrid>(`year=2026&${MATH5}`, '/api/compare/grid');
    for (let s = 1; s <= 5; s++)
      for (let c = 1; c <= 5; c++) {
        const logins = expected.get(`${s}|${c}`) ?? [];
        const cell = `#compare-grid td[data-status="${s}"][data-change="${c}"]`;
        expect(await text(`${cell} [data-count]`), `${s}|${c}`).toBe(String(logins.length));
        const apiCell = body.cells.find((g) => g.status_level === s && g.change_level === c)!;
        expect(apiCell.schools.map((x) => x.school_id).sort()).toEqual([...logins].sort());
        const color = methodology.statusChangeGrid.colors[s - 1]![c - 1]!;
        const name = ['красный', 'оранжевый', 'жёлтый', 'зелёный', 'синий'][color - 1]!;
        expect(await page.locator(cell).getAttribute('data-color')).toBe(name);
        expect(await text(cell)).toContain(`${color} · ${name}`);
      }
    // The cut points are in the axis labels: доля «2» below 5 % is the best status.
    expect(await text('#compare-grid th[data-status="5"]')).toContain('меньше 5 %');
    const axis = (change: number, part: string) =>
      text(`#compare-grid th[data-change="${change}"] .${part}`);
    expect(await axis(1, 'axis-name')).toBe('1 — сильное значимое ухудшение');
    expect(await axis(1, 'axis-cut')).toBe('значимое, +5 п.п. и больше');
    expect(await axis(3, 'axis-name')).toBe('3 — без значимых изменений');
    expect(await axis(3, 'axis-cut')).toBe('незначимое или от −1 до +1 п.п.');
    // Красноборская СОШ's +12,5 п.п. within chance is not «1 — сильное ухудшение».
    const krasnobor = '#compare-grid-schools tr[data-key="sch470117"]';
    expect(await text(`${krasnobor} [data-col="change"]`)).toBe('+12,5 п.п.');
    expect(await text(`${krasnobor} [data-col="change_level"]`)).toBe('3 — без значимых изменений');
    // Сосновская СОШ is marked in its grid cell and in the grid's table.
    const title =
      'Признаки необъективности результатов в 2024/25 и 2025/26 (кластер риска «Необъективность»): место школы в сравнении может не отражать реальный уровень';
    const inCell = page.locator('#compare-grid li', { hasText: 'Сосновская СОШ' });
    expect(await inCell.locator('.nonobjective-mark').getAttribute('aria-label')).toBe(title);
    expect(
      await page
        .locator('#compare-grid-schools tr[data-key="sch470109"] .nonobjective-mark')
        .getAttribute('title'),
    ).toBe(title);
    expect(await page.locator('#compare-grid-schools tbody tr[data-key]').count()).toBe(
      [...expected.values()].flat().length,
    );
  });

  it('filters change the URL and the content', async () => {
    await page.goto(`${server.url}/compare`);
    await page.locator('#compare-schools tbody tr[data-key]').first().waitFor();
    await page.selectOption('#f-year-a', '2022');
    await page.waitForURL(/year_a=2022/);
    await page.locator('#compare-schools th', { hasText: 'Доля 2021/22' }).waitFor();
    // A change over four years is labelled as such.
    expect(
      await page.locator('#compare-schools thead th button', { hasText: 'Изменение' }).innerText(),
    ).toBe('Изменение 2021/22 → 2025/26, за 4 года');
    const school = SCHOOLS[2]!;
    await checkRow(
      `#compare-schools tr[data-key="${school.login}"]`,
      vprMarks(school, 2022, 5, 'MA'),
      vprMarks(school, 2026, 5, 'MA'),
    );
    await page.selectOption('#f-indicator', 'vpr_dolya2|Русский язык|4');
    await page.waitForURL(/topic=%D0%A0%D1%83%D1%81%D1%81%D0%BA%D0%B8%D0%B9/);
    expect(page.url()).toMatch(/grade=4/);
    await page
      .locator('h2', { hasText: 'ВПР: доля «2» — Русский язык, 4 кл., 2021/22 → 2025/26' })
      .waitFor();
    await checkRow(
      `#compare-schools tr[data-key="${school.login}"]`,
      vprMarks(school, 2022, 4, 'RU'),
      vprMarks(school, 2026, 4, 'RU'),
    );
    // A subject in the district table opens its schools.
    await page
      .locator('#compare-district tr[data-key="vpr_dolya2|Математика|7"] [data-col="topic"] a')
      .click();
    await page.waitForURL(/grade=7/);
    await page.locator('h2', { hasText: 'Математика, 7 кл.' }).first().waitFor();
  });

  it('links every school to its page', async () => {
    await page.goto(`${server.url}/compare?year_a=2025&year_b=2026&${MATH5}`);
    const school = SCHOOLS.find((s) => s.login === 'sch470103')!;
    await page.locator(`#compare-schools tr[data-key="${school.login}"] a`).click();
    await page.waitForURL(new RegExp(`/school/${school.login}$`));
    await expect(page.locator('h1').innerText()).resolves.toBe(school.shortName);
    await page.goto(`${server.url}/compare?year_a=2025&year_b=2026&${MATH5}`);
    const gridLink = page.locator('#compare-grid a').first();
    const href = await gridLink.getAttribute('href');
    await gridLink.click();
    await page.waitForURL(new RegExp(`${href}$`));
    expect(await page.locator('h1').innerText()).not.toBe('Сравнение лет');
  });

  it('downloads the school table as shown', async () => {
    await page.goto(`${server.url}/compare?year_a=2025&year_b=2026&${MATH5}`);
    await page.locator('#compare-schools tbody tr[data-key]').first().waitFor();
    const csv = await downloadCsv(page, '#compare-schools');
    expect(csv[0]!.join(';')).toBe(
      'Школа;Доля 2024/25;n 2024/25;Доля 2025/26;n 2025/26;Изменение 2024/25 → 2025/26;z;Значимость;Оценка;Примечание',
    );
    const shown = await page
      .locator('#compare-schools tbody tr[data-key]')
      .evaluateAll((rows) =>
        rows.map((r) => r.querySelector('[data-col="school"] a')!.textContent!.trim()),
      );
    // The schools as shown (the flagged one with the marker's words), then the district row.
    expect(csv.slice(1, -1).map((r) => r[0])).toEqual(
      shown.map((name) =>
        name === 'Сосновская СОШ' ? 'Сосновская СОШ (признаки необъективности результатов)' : name,
      ),
    );
    const school = SCHOOLS.find((s) => s.login === 'sch470103')!;
    const line = csv.find((r) => r[0] === school.shortName)!;
    const a = vprMarks(school, 2025, 5, 'MA');
    const b = vprMarks(school, 2026, 5, 'MA');
    expect(line.slice(1, 5)).toEqual([
      csvNumber(pct(a)),
      String(a.participants),
      csvNumber(pct(b)),
      String(b.participants),
    ]);
    expect(line[7]).toBe(significance(a, b));
    expect(line[8]).toBe(assessment(a, b));
    const districtA = sumCounts(SCHOOLS.map((s) => vprMarks(s, 2025, 5, 'MA')));
    const districtB = sumCounts(SCHOOLS.map((s) => vprMarks(s, 2026, 5, 'MA')));
    const last = csv.at(-1)!;
    expect(last.slice(0, 6)).toEqual([
      'Район',
      csvNumber(pct(districtA)),
      String(districtA.participants),
      csvNumber(pct(districtB)),
      String(districtB.participants),
      csvNumber(pct(districtB) - pct(districtA)),
    ]);
    expect(Number(last[6]!.replace(',', '.'))).toBeCloseTo(zTest(districtA, districtB)!, 1);
    expect(last[7]).toBe(significance(districtA, districtB));
    // …and the footer on the page reads the same, without a school link.
    const foot = '#compare-schools tfoot tr[data-key="district"]';
    expect(await text(`${foot} [data-col="school"]`)).toBe('Район');
    expect(await page.locator(`${foot} a`).count()).toBe(0);
    expect(await text(`${foot} [data-col="pct_b"]`)).toBe(shareText(districtB));
  });

  it('explains an empty or invalid selection in Russian', async () => {
    await page.goto(`${server.url}/compare?year_a=2026&year_b=2026&${MATH5}`);
    await expect(page.locator('[role="alert"]').innerText()).resolves.toContain(
      'Выберите два разных учебных года',
    );
    await page.goto(`${server.url}/compare?year_a=2019&year_b=2026&${MATH5}`);
    await expect(page.locator('[role="alert"]').innerText()).resolves.toContain(
      'Нет данных за 2018/19 учебный год',
    );
    await page.goto(
      `${server.url}/compare?year_a=2025&year_b=2026&indicator=vpr_dolya2&topic=Астрономия&grade=5`,
    );
    await expect(page.locator('[role="alert"]').innerText()).resolves.toContain(
      'Выбранного показателя нет в данных',
    );
    expect(await page.locator('#f-indicator').inputValue()).toBe('');
  });

  it('fits 1366×768 without horizontal overflow (screenshot)', async () => {
    await page.goto(`${server.url}/compare?year_a=2025&year_b=2026&${MATH5}`);
    await page.locator('#compare-grid').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'compare.png'), fullPage: true });
  });

  it('keeps the grid and its words readable on a 390 px phone (screenshot)', async () => {
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/compare?year_a=2025&year_b=2026&${MATH5}`);
      await page.locator('#compare-grid').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'compare-390.png'), fullPage: true });
      // the page itself does not scroll sideways; the wide grid and tables scroll in their boxes
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize(size);
    }
  });
});
