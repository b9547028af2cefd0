/**
 * The ФГ page in a real browser on the demo store. Expected numbers are computed here from the
 * raw imported rows (raw_fg_levels / raw_fg_participant), not through the model SQL: the page,
 * the API and this independent count must agree. Expected texts are written by
 * test/helpers/hand-format.ts (integer arithmetic), not by the product's formatters.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadMethodology } from '../../analytics/methodology-file.ts';
import type { FgPage } from '../../contract/api/fg-types.ts';
import {
  countText,
  intText,
  pctOf,
  pctText,
  ppChange,
  ppFromTarget,
  yearText,
} from '../helpers/hand-format.ts';
import { wilson } from '../helpers/stats.ts';
import { storeCopy } from '../helpers/store.ts';
import { csvNumber, downloadCsv } from './downloads.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;

/** Pupils per level of one school × direction × grade × year, as imported. */
interface Counts {
  year: number;
  direction: string;
  grade: number;
  school: string;
  levels: Map<string, number>;
}
let counts: Counts[] = [];
let names = new Map<string, string>();
const targets = loadMethodology().fgTargets;
const PUPILS = ['обучающийся', 'обучающихся', 'обучающихся'] as const;

beforeAll(async () => {
  const { store, dispose } = await storeCopy(inject('demoStore'));
  type Raw = {
    year: number;
    direction: string;
    grade: number;
    school_id: string;
    level: string;
    pupils: number;
  };
  const delivered = await store.all<Raw>(
    'SELECT year, direction, grade, school_id, level, pupils FROM raw_fg_levels',
  );
  const participants = await store.all<Omit<Raw, 'pupils'>>(
    'SELECT year, direction, grade, school_id, level FROM raw_fg_participant',
  );
  names = new Map(
    (
      await store.all<{ school_id: string; short_name: string }>(
        'SELECT school_id, short_name FROM school',
      )
    ).map((s) => [s.school_id, s.short_name]),
  );
  dispose();
  const byKey = new Map<string, Counts>();
  const add = (r: Omit<Raw, 'pupils'>, pupils: number) => {
    if (!names.has(r.school_id)) return;
    const key = `${r.year}|${r.direction}|${r.grade}|${r.school_id}`;
    let c = byKey.get(key);
    if (!c) {
      c = {
        year: r.year,
        direction: r.direction,
        grade: r.grade,
        school: r.school_id,
        levels: new Map(),
      };
      byKey.set(key, c);
    }
    c.levels.set(r.level, (c.levels.get(r.level) ?? 0) + pupils);
  };
  for (const r of delivered) add(r, r.pupils);
  // Per-pupil results count only where no per-level counts were delivered for the same group.
  const deliveredKeys = new Set(
    delivered.map((r) => `${r.year}|${r.direction}|${r.grade}|${r.school_id}`),
  );
  for (const r of participants)
    if (!deliveredKeys.has(`${r.year}|${r.direction}|${r.grade}|${r.school_id}`)) add(r, 1);
  counts = [...byKey.values()];

  ({ server, page } = await openDashboard(inject('demoStore')));
});
afterAll(closeDashboard);

interface Share {
  n: number;
  low: number;
  high: number;
}
/** n, low (недостаточный + низкий) and high pupils of a selection; grade null = all grades. */
function share(year: number, direction: string, grade: number | null, school?: string): Share {
  const rows = counts.filter(
    (c) =>
      c.year === year &&
      c.direction === direction &&
      (grade === null || c.grade === grade) &&
      (school === undefined || c.school === school),
  );
  const sum = (level: string) => rows.reduce((s, c) => s + (c.levels.get(level) ?? 0), 0);
  const n = rows.reduce((s, c) => s + [...c.levels.values()].reduce((a, b) => a + b, 0), 0);
  return { n, low: sum('недостаточный') + sum('низкий'), high: sum('высокий') };
}
const pct = (part: number, n: number) => (100 * part) / n;
const directionsOf = (year: number) =>
  [...new Set(counts.filter((c) => c.year === year).map((c) => c.direction))].sort((a, b) =>
    a.localeCompare(b, 'ru'),
  );
const schoolsOf = (year: number, direction: string) => [
  ...new Set(
    counts.filter((c) => c.year === year && c.direction === direction).map((c) => c.school),
  ),
];
/**
 * Whole pupils above the low target: the low pupils beyond the most the target allows,
 * ⌊N · target / 100⌋ (the target is a whole per cent here, so integer division is exact).
 */
const excess = (s: Share) => {
  expect(Number.isInteger(targets.lowMaxPct)).toBe(true);
  return Math.max(0, s.low - Math.floor((s.n * targets.lowMaxPct) / 100));
};
/**
 * The district's excess `total` shared over the schools' excesses by the largest remainder,
 * worked out here a second way: each gets ⌊total · e / E⌋, then the pupils left go one by one
 * to the largest remainders (ties: larger e, then id).
 */
function apportion(total: number, schools: readonly { id: string; e: number }[]) {
  const sum = schools.reduce((a, x) => a + x.e, 0);
  const parts = schools.map((x) => ({
    ...x,
    c: sum > 0 ? Math.floor((total * x.e) / sum) : 0,
    rest: sum > 0 ? (total * x.e) % sum : 0,
  }));
  let left = total - parts.reduce((a, x) => a + x.c, 0);
  const byRest = [...parts].sort((a, b) => b.rest - a.rest || b.e - a.e || (a.id < b.id ? -1 : 1));
  for (const x of byRest) if (left > 0 && x.rest > 0) (x.c++, left--);
  expect(left).toBe(0);
  return new Map(parts.map((x) => [x.id, x.c]));
}

const latestYear = () => Math.max(...counts.map((c) => c.year));
const text = (selector: string) => page.locator(selector).innerText();
const api = async (query: string) =>
  (await (await fetch(`${server.url}/api/fg${query}`)).json()) as FgPage;

async function checkDistrictTable(year: number, body: FgPage): Promise<void> {
  for (const direction of directionsOf(year))
    for (const grade of [6, 9, null]) {
      const s = share(year, direction, grade);
      const row = `#fg-district tbody tr[data-key="${direction}|${grade ?? 'all'}"]`;
      const lowShare = pct(s.low, s.n);
      const highShare = pct(s.high, s.n);
      expect(await text(`${row} [data-col="participants"]`)).toBe(intText(s.n));
      expect(await text(`${row} [data-col="low_count"]`)).toBe(intText(s.low));
      expect(await text(`${row} [data-col="low_share"]`)).toBe(pctOf(s.low, s.n));
      expect(await text(`${row} [data-col="low_target"]`)).toBe('15,0 %');
      expect(await text(`${row} [data-col="low_status"]`)).toBe(
        lowShare <= targets.lowMaxPct ? 'выполнена' : 'не выполнена',
      );
      expect(await text(`${row} [data-col="low_gap"]`)).toBe(
        ppFromTarget(s.low, s.n, targets.lowMaxPct),
      );
      expect(await text(`${row} [data-col="high_count"]`)).toBe(intText(s.high));
      expect(await text(`${row} [data-col="high_share"]`)).toBe(pctOf(s.high, s.n));
      expect(await text(`${row} [data-col="high_status"]`)).toBe(
        highShare >= targets.highMinPct ? 'выполнена' : 'не выполнена',
      );
      // Not-met cells are coloured.
      const lowClass = await page.locator(`${row} [data-col="low_status"]`).getAttribute('class');
      expect(lowClass).toContain(lowShare <= targets.lowMaxPct ? 'better' : 'bad');
      // The API carries the same figures.
      const apiRow = body.district.find((r) => r.direction === direction && r.grade === grade)!;
      expect(apiRow.participants_count).toBe(s.n);
      expect(apiRow.low_count).toBe(s.low);
      expect(apiRow.high_count).toBe(s.high);
      expect(apiRow.low_share_pct).toBeCloseTo(lowShare, 9);
      expect(apiRow.high_share_pct).toBeCloseTo(highShare, 9);
      expect(apiRow.low_excess_pupils).toBe(excess(s));
    }
}

async function checkSchoolTable(
  year: number,
  direction: string,
  grade: number | null,
  body: FgPage,
): Promise<void> {
  const schools = schoolsOf(year, direction)
    .map((id) => ({ id, s: share(year, direction, grade, id) }))
    .filter((x) => x.s.n > 0);
  const d = share(year, direction, grade);
  const contributions = apportion(
    excess(d),
    schools.map((x) => ({ id: x.id, e: excess(x.s) })),
  );
  expect(await page.locator('#fg-schools tbody tr').count()).toBe(schools.length);
  expect(body.schools).toHaveLength(schools.length);
  for (const { id, s } of schools) {
    const row = `#fg-schools tbody tr[data-key="${id}"]`;
    expect(await text(`${row} [data-col="school"] a`)).toBe(names.get(id));
    expect(await text(`${row} [data-col="participants"]`)).toBe(intText(s.n));
    expect(await text(`${row} [data-col="low_share"]`)).toBe(pctOf(s.low, s.n));
    const c = contributions.get(id)!;
    const within = s.low * 100 <= s.n * targets.lowMaxPct;
    expect(await text(`${row} [data-col="excess"]`)).toBe(
      within ? '—' : countText(excess(s), PUPILS),
    );
    expect(await text(`${row} [data-col="contribution"]`)).toBe(
      within ? '0 — цель выполнена' : c > 0 ? `${intText(c)} (${pctOf(c, excess(d))})` : '0',
    );
    const apiRow = body.schools.find((r) => r.school_id === id)!;
    expect(apiRow.participants_count).toBe(s.n);
    expect(apiRow.low_share_pct).toBeCloseTo(pct(s.low, s.n), 9);
    expect(apiRow.low_excess_pupils).toBe(excess(s));
    expect(apiRow.low_gap_contribution_pupils).toBe(c);
  }
  // The schools' whole pupils add up to the district's.
  expect([...contributions.values()].reduce((a, b) => a + b, 0)).toBe(excess(d));
  // Sorted by contribution, largest first: the contributing schools lead, in non-increasing order.
  const order = await page
    .locator('#fg-schools tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')!));
  const shown = order.map((id) => contributions.get(id)!);
  expect(shown).toEqual([...shown].sort((a, b) => b - a));
  // District row of the table: its contribution cell is the sum.
  expect(await text('#fg-schools tfoot [data-col="participants"]')).toBe(intText(d.n));
  expect(await text('#fg-schools tfoot [data-col="low_share"]')).toBe(pctOf(d.low, d.n));
  expect(await text('#fg-schools tfoot [data-col="contribution"]')).toBe(
    `${intText(excess(d))} — всего по району`,
  );
}

describe('ФГ page', () => {
  it('shows targets, contributions and the trend equal to the API and to the raw counts', async () => {
    await page.goto(`${server.url}/fg`);
    await page.locator('#fg-district tbody tr').first().waitFor();
    await expect(text('h1')).resolves.toBe('Функциональная грамотность');

    const year = latestYear();
    const body = await api('');
    // The configured targets, not constants of the page.
    expect(body.targets).toEqual({
      low_target_pct: targets.lowMaxPct,
      high_target_pct: targets.highMinPct,
    });
    // Defaults: the latest year, all grades, the direction with the largest district gap.
    const directions = directionsOf(year);
    const gap = (d: string) => {
      const s = share(year, d, null);
      return pct(s.low, s.n) - targets.lowMaxPct;
    };
    const worst = [...directions].sort((a, b) => gap(b) - gap(a))[0]!;
    expect(body).toMatchObject({ year, grade: null, direction: worst });
    expect(await page.locator('#f-year').inputValue()).toBe(String(year));
    expect(await page.locator('#f-grade').inputValue()).toBe('all');
    expect(await page.locator('#f-direction').inputValue()).toBe(worst);
    expect(await page.locator('#f-year option:checked').innerText()).toBe(yearText(year));

    // KPI tiles.
    const all = directions.map((d) => share(year, d, null));
    const lowMet = all.filter((s) => pct(s.low, s.n) <= targets.lowMaxPct).length;
    const highMet = all.filter((s) => pct(s.high, s.n) >= targets.highMinPct).length;
    const kpi = (label: string) => text(`.kpi[aria-label="${label}"] .kpi-value`);
    await expect(kpi('Цель по недостаточному и низкому уровням выполнена')).resolves.toBe(
      `${lowMet} из ${directions.length}`,
    );
    await expect(kpi('Цель по высокому уровню выполнена')).resolves.toBe(
      `${highMet} из ${directions.length}`,
    );
    await expect(kpi('Участников диагностики')).resolves.toBe(
      intText(all.reduce((s, x) => s + x.n, 0)),
    );

    await checkDistrictTable(year, body);
    await checkSchoolTable(year, worst, null, body);

    // The targets chart: one per direction row, target lines labelled with the configured values.
    const targetsChart = page.locator('figure.chart', { hasText: 'по направлениям' });
    await expect(targetsChart.textContent()).resolves.toContain('цель: не более 15,0 %');
    await expect(targetsChart.textContent()).resolves.toContain('цель: не менее 10,0 %');
    for (const note of await page.locator('.chart-note').allInnerTexts())
      expect(note).toMatch(/Данные загружены \d\d\.\d\d\.\d{4}/);
    expect(await page.locator('figure.chart').count()).toBe(3);

    // The trend: the district low share by year with its Wilson interval.
    const years = [...new Set(counts.map((c) => c.year))].sort();
    for (const y of years) {
      const s = share(y, worst, null);
      const row = `#fg-trend tbody tr[data-key="${y}"]`;
      expect(await text(`${row} [data-col="year"]`)).toBe(yearText(y));
      expect(await text(`${row} [data-col="n"]`)).toBe(intText(s.n));
      expect(await text(`${row} [data-col="low_share"]`)).toBe(pctOf(s.low, s.n));
      const [lo, hi] = wilson(s.low, s.n);
      expect(await text(`${row} [data-col="low_ci"]`)).toBe(`${pctText(lo)} – ${pctText(hi)}`);
      const apiRow = body.trend.find((r) => r.indicator === 'fg_low' && r.year === y)!;
      expect(apiRow.ci_low_pct).toBeCloseTo(lo, 9);
      expect(apiRow.ci_high_pct).toBeCloseTo(hi, 9);
    }

    await page.screenshot({ path: join(SCREENSHOTS, 'fg.png'), fullPage: true });
    // No horizontal overflow of the page at 1366 px.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('filters change the URL and the content', async () => {
    const year = latestYear() - 2;
    await page.selectOption('#f-year', String(year));
    await page.waitForURL(/year=\d+/);
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year));
    await page
      .locator('table.data caption', { hasText: yearText(year) })
      .first()
      .waitFor();
    await checkDistrictTable(year, await api(`?year=${year}`));

    await page.selectOption('#f-grade', '9');
    await page.waitForURL(/grade=9/);
    await page.locator('#fg-schools caption', { hasText: '9 класс' }).waitFor();
    // A direction whose district trend in grade 9 has changes larger than chance.
    const direction = 'Математическая грамотность';
    expect(directionsOf(year)).toContain(direction);
    await page.selectOption('#f-direction', direction);
    await page.waitForURL(/direction=/);
    expect(new URL(page.url()).searchParams.get('direction')).toBe(direction);
    await page.locator('#fg-schools caption', { hasText: direction }).waitFor();
    const body = await api(`?year=${year}&grade=9&direction=${encodeURIComponent(direction)}`);
    await checkSchoolTable(year, direction, 9, body);
    // The KPI tiles follow the grade.
    const dirs = directionsOf(year).map((d) => share(year, d, 9));
    await expect(text('.kpi[aria-label="Участников диагностики"] .kpi-value')).resolves.toBe(
      intText(dirs.reduce((s, x) => s + x.n, 0)),
    );
    // The trend: significance of each year-over-year change by a two-proportion z-test.
    const years = [...new Set(counts.map((c) => c.year))].sort();
    let marked = 0;
    for (const [i, y] of years.entries()) {
      const row = `#fg-trend tbody tr[data-key="${y}"]`;
      if (i === 0) {
        expect(await text(`${row} [data-col="low_significant"]`)).toBe('—');
        continue;
      }
      const a = share(years[i - 1]!, direction, 9);
      const b = share(y, direction, 9);
      const pooled = (a.low + b.low) / (a.n + b.n);
      const z =
        (b.low / b.n - a.low / a.n) / Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
      const significant = Math.abs(z) > 1.96;
      if (significant) marked++;
      expect(await text(`${row} [data-col="low_significant"]`), String(y)).toBe(
        significant ? 'значимо' : 'незначимо',
      );
      expect(await text(`${row} [data-col="low_change"]`)).toBe(ppChange(b.low, b.n, a.low, a.n));
    }
    expect(marked).toBeGreaterThan(0);
    await expect(
      page.locator('figure.chart', { hasText: 'по годам' }).locator('.chart-note').innerText(),
    ).resolves.toMatch(/недостаточный и низкий в \d{4}\/\d\d: [+-]\d/);
    await page.screenshot({ path: join(SCREENSHOTS, 'fg-grade9.png'), fullPage: true });
  });

  it('downloads the school table as shown (CSV)', async () => {
    const shown = await page
      .locator('#fg-schools tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('[data-col="school"] a, [data-col="participants"]')].map(
            (c) => (c as HTMLElement).innerText,
          ),
        ),
      );
    const csv = await downloadCsv(page, '#fg-schools');
    expect(csv[0]!.slice(0, 4)).toEqual([
      'Школа',
      'Участников (n)',
      'Недостаточный и низкий, чел.',
      'Доля недостаточного и низкого',
    ]);
    // The schools as shown, then the district row of the footer.
    expect(csv).toHaveLength(shown.length + 2);
    csv.slice(1, -1).forEach((cells, i) => {
      expect(cells[0]).toBe(shown[i]![0]);
      expect(cells[1]).toBe(shown[i]![1]!.replace(/\s/g, ''));
    });
    const query = new URL(page.url()).searchParams;
    const d = share(Number(query.get('year')), query.get('direction')!, Number(query.get('grade')));
    expect(d.n).toBeGreaterThan(0);
    expect(csv.at(-1)!.slice(0, 8)).toEqual([
      'Район',
      String(d.n),
      String(d.low),
      csvNumber(pct(d.low, d.n)),
      csvNumber(pct(d.low, d.n) - targets.lowMaxPct),
      String(excess(d)),
      String(excess(d)),
      csvNumber(pct(d.high, d.n)),
    ]);
    expect(await page.locator('#fg-schools tfoot tr[data-key="district"] a').count()).toBe(0);
    // Shares carry a decimal comma.
    const inner = csv.slice(1).flatMap((cells) => cells.slice(1, -1));
    expect(inner.some((c) => /^\d+,\d+$/.test(c))).toBe(true);
  });

  it('writes pupils as whole numbers in every direction and grade of the latest year', async () => {
    const year = latestYear();
    let mentions = 0;
    for (const direction of directionsOf(year))
      for (const grade of ['all', '6', '9']) {
        const query = `year=${year}&grade=${grade}&direction=${encodeURIComponent(direction)}`;
        await page.goto(`${server.url}/fg?${query}`);
        await page.locator('#fg-schools tbody tr').first().waitFor();
        // textContent: the tables, the notes and the charts' labels and tooltips (SVG <title>)
        const body = (await page.locator('body').textContent()) ?? '';
        expect(body, query).not.toMatch(/\d,\d+\s*(чел|обучающ)/);
        mentions += body.match(/\d\s*обучающ/g)?.length ?? 0;
      }
    // …and there are pupil counts to look at
    expect(mentions).toBeGreaterThan(0);
  });

  it('opens the school page from the contribution table', async () => {
    const link = page.locator('#fg-schools tbody tr').first().locator('[data-col="school"] a');
    const name = await link.innerText();
    const id = await page.locator('#fg-schools tbody tr').first().getAttribute('data-key');
    await link.click();
    await page.waitForURL(new RegExp(`/school/${id}$`));
    await page.locator('h1', { hasText: name }).waitFor();
  });

  it('explains an empty or invalid selection in Russian', async () => {
    await page.goto(`${server.url}/fg?year=2019`);
    await page
      .locator('.empty-state', { hasText: 'Нет данных ФГ за 2018/19 учебный год' })
      .waitFor();
    await page.goto(`${server.url}/fg?direction=${encodeURIComponent('Астрономия')}`);
    await page
      .locator('.empty-state', { hasText: 'Нет данных по направлению «Астрономия»' })
      .waitFor();
    await page.goto(`${server.url}/fg?year=abc`);
    await page.locator('.status.error', { hasText: 'Параметры страницы ФГ' }).waitFor();
    const bad = await fetch(`${server.url}/api/fg?grade=12`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/класс от 1 до 11/);
  });
});
