/**
 * «Дефициты» in a real browser on a copy of the demo store. Expected numbers are aggregated here
 * in JS from the raw tables the importer wrote (pupils' task scores, ФИС ОКО «Выполнение
 * заданий», teachers' diagnostic levels), not through the model SQL: the page must equal the
 * API, and both must equal this independent computation. Expected texts are written by
 * test/helpers/hand-format.ts (integer arithmetic on the counts; the API's own values, which
 * are not counts, rounded from the double) or as literals, never by the product's formatters.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PAGE_SIZE } from '../../contract/table.ts';
import type {
  DeficitOptions,
  DeficitVpr,
  TeacherDeficits,
} from '../../contract/api/deficits-types.ts';
import { intText, pctOf, pctText, ppChange } from '../helpers/hand-format.ts';
import { useStoreCopy } from '../helpers/store.ts';
import { csvNumber, downloadCsv } from './downloads.ts';
import { keysOnAllPages, tableRowCount } from './pages.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;
beforeAll(async () => ({ server, page } = await openDashboard(inject('demoStore'))));
afterAll(closeDashboard);
/** The raw tables the importer wrote, read from a copy of the demo store. */
const raw = useStoreCopy(inject('demoStore'));

const MATH = 'Математика';

const api = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};
const vprApi = (year: number, subject: string, grade: number) =>
  api<DeficitVpr>(
    `/api/deficits/vpr?year=${year}&subject=${encodeURIComponent(subject)}&grade=${grade}`,
  );
const parseRu = (text: string) => Number(text.replace(/[^\d,+−-]/g, '').replace(',', '.'));
const text = (selector: string) => page.locator(selector).innerText();

interface Expected {
  /** school id → task → { pct, n } */
  schools: Map<string, Map<string, { pct: number; n: number }>>;
  /** task → participant-weighted district % */
  district: Map<string, { pct: number; n: number }>;
}

/** Registry schools (reference data, not a model). */
async function registry(): Promise<Map<string, string>> {
  const rows = await raw.store.all<{ school_id: string; short_name: string }>(
    'SELECT school_id, short_name FROM school',
  );
  return new Map(rows.map((r) => [r.school_id, r.short_name]));
}

/** From pupils' scores (raw_vpr_participant_task): a school's % = points / max points; X = 0. */
async function fromPupils(year: number, subject: string, grade: number): Promise<Expected> {
  const known = await registry();
  const rows = await raw.store.all<{
    school_id: string;
    task: string;
    max_score: number;
    score: number | null;
  }>(
    `SELECT school_id, task, max_score, score FROM raw_vpr_participant_task
     WHERE year = $year AND subject = $subject AND grade = $grade`,
    { year, subject, grade },
  );
  const sums = new Map<string, Map<string, { got: number; max: number; n: number }>>();
  const district = new Map<string, { got: number; max: number; n: number }>();
  for (const r of rows) {
    if (!known.has(r.school_id)) continue;
    const school = sums.get(r.school_id) ?? new Map();
    sums.set(r.school_id, school);
    for (const target of [school, district]) {
      const s = target.get(r.task) ?? { got: 0, max: 0, n: 0 };
      s.got += r.score ?? 0;
      s.max += r.max_score;
      s.n += 1;
      target.set(r.task, s);
    }
  }
  const pct = (s: { got: number; max: number; n: number }) => ({
    pct: (100 * s.got) / s.max,
    n: s.n,
  });
  return {
    schools: new Map(
      [...sums].map(([id, tasks]) => [id, new Map([...tasks].map(([task, s]) => [task, pct(s)]))]),
    ),
    district: new Map([...district].map(([task, s]) => [task, pct(s)])),
  };
}

/** From ФИС ОКО «Выполнение заданий» (raw_vpr_tasks): district = Σ(% × n) / Σ n over schools. */
async function fromTaskReport(year: number, subject: string, grade: number): Promise<Expected> {
  const known = await registry();
  const rows = await raw.store.all<{
    school_id: string;
    task: string;
    participants: number;
    completion_pct: number;
  }>(
    `SELECT school_id, task, participants, completion_pct FROM raw_vpr_tasks
     WHERE level = 'school' AND year = $year AND subject = $subject AND grade = $grade`,
    { year, subject, grade },
  );
  const schools = new Map<string, Map<string, { pct: number; n: number }>>();
  const weighted = new Map<string, { sum: number; n: number }>();
  for (const r of rows) {
    if (!known.has(r.school_id)) continue;
    const school = schools.get(r.school_id) ?? new Map();
    school.set(r.task, { pct: r.completion_pct, n: r.participants });
    schools.set(r.school_id, school);
    const w = weighted.get(r.task) ?? { sum: 0, n: 0 };
    w.sum += r.completion_pct * r.participants;
    w.n += r.participants;
    weighted.set(r.task, w);
  }
  return {
    schools,
    district: new Map([...weighted].map(([task, w]) => [task, { pct: w.sum / w.n, n: w.n }])),
  };
}

/**
 * Page = API exactly (as formatted); API = independent computation within 0,05 п.п. (ФИС ОКО
 * reports round a school's % to two decimals); insufficient-school counts equal.
 */
async function checkVpr(data: DeficitVpr, expected: Expected): Promise<void> {
  expect(data.tasks.length).toBeGreaterThan(5);
  expect(data.tasks.map((t) => t.task).sort()).toEqual([...expected.district.keys()].sort());
  for (const t of data.tasks) {
    const row = `#deficit-tasks tbody tr[data-key="${t.task}"]`;
    const exp = expected.district.get(t.task)!;
    expect(await text(`${row} [data-col="district"]`), `task ${t.task}`).toBe(
      pctText(t.district_pct),
    );
    expect(Math.abs(t.district_pct - exp.pct), `district task ${t.task}`).toBeLessThan(0.05);
    expect(await text(`${row} [data-col="district_n"]`)).toBe(intText(exp.n));
    expect(t.district_n).toBe(exp.n);
    expect(await text(`${row} [data-col="region"]`)).toBe(pctText(t.region_pct));
    expect(await text(`${row} [data-col="country"]`)).toBe(pctText(t.country_pct));
    const own = [...expected.schools.values()]
      .map((s) => s.get(t.task))
      .filter((x) => x !== undefined);
    const below = own.filter((s) => s.pct < t.insufficient_below).length;
    expect(await text(`${row} [data-col="insufficient_schools"]`), `task ${t.task}`).toBe(
      `${intText(below)} из ${intText(own.length)}`,
    );
    expect(t.insufficient_schools_count).toBe(below);
    // The thresholds are the ФИС ОКО ones of the methodology (basic 60 / 57, advanced 30 / 28,5).
    expect([t.sufficient_from, t.insufficient_below]).toEqual(
      t.difficulty === 'Б' ? [60, 57] : [30, 28.5],
    );
  }
  // Every school × task cell of the long table (the heat map's data), page by page.
  expect(await tableRowCount(page, '#deficit-cells')).toBe(data.schools.length);
  const byKey = new Map(data.schools.map((c) => [`${c.school_id}|${c.task}`, c]));
  const shownKeys = await keysOnAllPages(page, '#deficit-cells', async (keys) => {
    expect(keys.length).toBeLessThanOrEqual(PAGE_SIZE);
    for (const key of keys) {
      const c = byKey.get(key)!;
      expect(c, key).toBeDefined();
      const row = `#deficit-cells tbody tr[data-key="${key}"]`;
      const exp = expected.schools.get(c.school_id)?.get(c.task);
      expect(exp, `${c.school_id} ${c.task}`).toBeDefined();
      const shown = await text(`${row} [data-col="pct"]`);
      expect(shown).toBe(pctText(c.completion_pct));
      expect(Math.abs(c.completion_pct - exp!.pct), `${c.school_id} ${c.task}`).toBeLessThan(
        0.0051,
      );
      // shown to 0,1 of a value the report rounded to 0,01
      expect(Math.abs(parseRu(shown) - exp!.pct)).toBeLessThan(0.056);
      expect(await text(`${row} [data-col="n"]`)).toBe(intText(exp!.n));
    }
  });
  expect([...shownKeys].sort()).toEqual([...byKey.keys()].sort());
  // The heat map: one cell per school × task plus the district, region and RF rows.
  const heatCells = page.locator('figure.chart').first().locator('g[aria-label="cell"]').first();
  expect(await heatCells.locator('rect').count()).toBe(
    data.schools.length +
      data.tasks.length +
      data.tasks.filter((t) => t.region_pct != null).length +
      data.tasks.filter((t) => t.country_pct != null).length,
  );
}

describe('«Дефициты» page', () => {
  it('defaults to the latest year, Математика 5, with numbers equal to pupils’ scores', async () => {
    const options = await api<DeficitOptions>('/api/deficits/options');
    const latest = Math.max(...options.vpr.map((o) => o.year));
    expect(latest).toBe(2026);
    await page.goto(`${server.url}/deficits`);
    await page.locator('#deficit-tasks tbody tr').first().waitFor();
    expect(await page.locator('h1').innerText()).toBe(
      'Дефициты: задания ВПР и затруднения педагогов',
    );
    expect(await page.locator('#f-year').inputValue()).toBe('2026');
    expect(await page.locator('#f-subject').inputValue()).toBe(MATH);
    expect(await page.locator('#f-grade').inputValue()).toBe('5');
    const data = await vprApi(2026, MATH, 5);
    await checkVpr(data, await fromPupils(2026, MATH, 5));

    // The chart note states the thresholds from the data, n and the data date.
    const note = await page.locator('figure.chart .chart-note').first().innerText();
    expect(note).toContain('«недостаточно» ниже 57,0 %');
    expect(note).toContain('«недостаточно» ниже 28,5 %');
    expect(note).toContain(`n = ${intText(data.tasks[0]!.district_n)}`);
    expect(note).toMatch(/Данные загружены \d\d\.\d\d\.\d{4}/);

    // No horizontal overflow of the page at 1366×768.
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'deficits.png'), fullPage: true });

    // A tooltip names the school, the task, the skill, the %, n and the status.
    const cell = data.schools.find((c) => c.status === 'недостаточно')!;
    const rect = page
      .locator('figure.chart')
      .first()
      .locator('g[aria-label="cell"]')
      .first()
      .locator('rect')
      .nth(data.schools.indexOf(cell));
    await rect.hover();
    // (the tip wraps long lines: compare without spaces)
    const squeeze = (s: string | null) => (s ?? '').replace(/\s/g, '');
    const tip = squeeze(
      await page.locator('figure.chart g[aria-label="tip"]').first().textContent(),
    );
    expect(tip).toContain(squeeze(`${cell.short_name}, задание ${cell.task}`));
    expect(tip).toContain(squeeze(`Выполнение: ${pctText(cell.completion_pct)}`));
    expect(tip).toContain(squeeze(`n = ${intText(cell.participants_count)}`));
    expect(tip).toContain('недостаточно');
    expect(tip).toContain('Умение:');
    // Insufficient cells are framed (readable in grey print).
    expect(
      await page
        .locator('figure.chart')
        .first()
        .locator('g[aria-label="cell"]')
        .nth(1)
        .locator('rect')
        .count(),
    ).toBe(
      data.schools.filter((c) => c.status === 'недостаточно').length +
        data.tasks.filter((t) => t.district_status === 'недостаточно').length +
        data.tasks.filter((t) => t.region_status === 'недостаточно').length +
        data.tasks.filter((t) => t.country_status === 'недостаточно').length,
    );
  });

  it('teacher deficits per area equal the diagnostic levels counted here', async () => {
    const known = await registry();
    const rows = await raw.store.all<{
      year: number;
      school_id: string;
      teacher_key: string;
      area: string;
      level: string | null;
    }>('SELECT year, school_id, teacher_key, area, level FROM raw_teacher_diag');
    const share = (year: number, area: string | null, school?: string) => {
      const all = new Set<string>();
      const hard = new Set<string>();
      for (const r of rows) {
        if (r.year !== year || !known.has(r.school_id) || r.level == null) continue;
        if ((area != null && r.area !== area) || (school && r.school_id !== school)) continue;
        const key = `${r.school_id}|${r.teacher_key}`;
        all.add(key);
        if (r.level === 'высокий' || r.level === 'критический') hard.add(key);
      }
      return { n: all.size, k: hard.size, pct: (100 * hard.size) / all.size };
    };
    const data = await api<TeacherDeficits>('/api/deficits/teachers?year=2026');
    const areas = [...new Set(rows.map((r) => r.area))];
    expect(areas.length).toBeGreaterThan(2);
    expect(await page.locator('#f-tyear').inputValue()).toBe('2026');
    for (const area of [...areas, null]) {
      const now = share(2026, area);
      const before = share(2025, area);
      const apiRow = data.rows.find((r) => r.level === 'district' && r.area === area)!;
      expect(apiRow.deficit_count).toBe(now.k);
      expect(apiRow.teachers_count).toBe(now.n);
      expect(Math.abs(apiRow.change_pp! - (now.pct - before.pct))).toBeLessThan(1e-9);
      const label = area ?? 'Хотя бы в одной области';
      const item = await text(`.teacher-summary li[data-area="${label}"]`);
      expect(item).toContain(`${pctOf(now.k, now.n)} (${intText(now.k)} из ${intText(now.n)}`);
      expect(item).toContain(`${ppChange(now.k, now.n, before.k, before.n)} к 2024/25`);
      // the bar label in the chart says the same
      const chartText = await page.locator('figure.chart').nth(1).textContent();
      expect(chartText).toContain(`${pctOf(now.k, now.n)} (${intText(now.k)} из ${intText(now.n)}`);
    }
    // School × area table, against the same count per school.
    const schoolRows = page.locator('#teacher-schools tbody tr');
    const schoolIds = [
      ...new Set(
        rows.filter((r) => r.year === 2026 && known.has(r.school_id)).map((r) => r.school_id),
      ),
    ];
    expect(await schoolRows.count()).toBe(schoolIds.length);
    for (const id of schoolIds) {
      const any = share(2026, null, id);
      const row = `#teacher-schools tbody tr[data-key="${id}"]`;
      expect(await text(`${row} [data-col="teachers"]`)).toBe(intText(any.n));
      expect(await text(`${row} [data-col="area-any"]`)).toBe(
        `${pctOf(any.k, any.n)} (${intText(any.k)})`,
      );
      const small = await page.locator(`${row} .badge-small`).count();
      expect(small, id).toBe(any.n < 10 ? 1 : 0);
    }
    // The download of the school × area table ends with the district row of its footer.
    const lines = await downloadCsv(page, '#teacher-schools');
    expect(lines).toHaveLength(schoolIds.length + 2);
    const header = lines[0]!;
    const district = lines.at(-1)!;
    const anyNow = share(2026, null);
    expect(district.slice(0, 2)).toEqual(['Район', String(anyNow.n)]);
    for (const area of [...areas, null]) {
      const column = header.indexOf(`${area ?? 'Хотя бы в одной области'}, %`);
      expect(column, String(area)).toBeGreaterThan(1);
      expect(district[column], String(area)).toBe(csvNumber(share(2026, area).pct));
    }
    expect(district.at(-2)).toBe(csvNumber(anyNow.pct - share(2025, null).pct));
    expect(district.at(-1)).toBe(anyNow.n < 10 ? 'да' : 'нет');
    // …as the footer on the page shows it, without a school link.
    const foot = '#teacher-schools tfoot tr[data-key="district"]';
    expect(await text(`${foot} [data-col="school"]`)).toBe('Район');
    expect(await page.locator(`${foot} a`).count()).toBe(0);
    expect(await text(`${foot} [data-col="area-any"]`)).toBe(
      `${pctOf(anyNow.k, anyNow.n)} (${intText(anyNow.k)})`,
    );

    // The year filter of the teacher diagnostics is its own and changes the URL and the content.
    await page.selectOption('#f-tyear', '2025');
    await page.waitForURL(/tyear=2025/);
    const any2025 = share(2025, null);
    await page
      .locator('.teacher-summary li[data-area="Хотя бы в одной области"]', {
        hasText: pctOf(any2025.k, any2025.n),
      })
      .waitFor();
    expect(await page.locator('#f-year').inputValue()).toBe('2026');
  });

  it('filters change the URL and the content (2025 from the ФИС ОКО task report)', async () => {
    await page.selectOption('#f-year', '2025');
    await page.waitForURL(/year=2025/);
    await page
      .locator('#deficit-tasks caption', { hasText: `${MATH}, 5 класс, 2024/25` })
      .waitFor();
    await checkVpr(await vprApi(2025, MATH, 5), await fromTaskReport(2025, MATH, 5));
    await page.selectOption('#f-subject', 'Русский язык');
    await page.waitForURL(/subject=%D0%A0%D1%83%D1%81/);
    await page.locator('#deficit-tasks caption', { hasText: 'Русский язык, 5 класс' }).waitFor();
    await page.selectOption('#f-grade', '7');
    await page.waitForURL(/grade=7/);
    await page.locator('#deficit-tasks caption', { hasText: 'Русский язык, 7 класс' }).waitFor();
    await checkVpr(
      await vprApi(2025, 'Русский язык', 7),
      await fromTaskReport(2025, 'Русский язык', 7),
    );
    // the school filter of the long table
    await page.selectOption('#f-school', 'sch470110');
    await page.waitForURL(/school=sch470110/);
    const rows = page.locator('#deficit-cells tbody tr');
    await expect
      .poll(async () => new Set(await rows.locator('[data-col="school"] a').allInnerTexts()))
      .toEqual(new Set(['Озёрная ООШ']));
    expect(await rows.locator('.badge-small').count()).toBe(await rows.count());
  });

  it('downloads the tasks table as shown (CSV: BOM, «;», decimal comma)', async () => {
    await page.goto(`${server.url}/deficits?year=2026&subject=${encodeURIComponent(MATH)}&grade=5`);
    await page.locator('#deficit-tasks tbody tr').first().waitFor();
    const data = await vprApi(2026, MATH, 5);
    const lines = await downloadCsv(page, '#deficit-tasks');
    expect(lines[0]!.join(';')).toBe(
      'Задание;Проверяемое умение;Уровень;Макс. балл;Район, %;Участников в районе (n);Регион, %;РФ, %;Школ с недостаточным выполнением;Школ с данными (n);Оценка района',
    );
    expect(lines).toHaveLength(data.tasks.length + 1);
    const shownTasks = await page
      .locator('#deficit-tasks tbody tr [data-col="task"]')
      .allInnerTexts();
    data.tasks.forEach((t, i) => {
      const cells = lines[i + 1]!;
      expect(cells[0]).toBe(shownTasks[i]);
      expect(cells[1]).toBe(t.skill);
      expect(cells[4]).toBe(csvNumber(t.district_pct));
      expect(cells[5]).toBe(String(t.district_n));
      expect(cells[8]).toBe(String(t.insufficient_schools_count));
      expect(cells.at(-1)).toBe(t.district_status);
    });
    // The long school × task table (the heat map's data) downloads exactly its shown rows.
    const cellLines = await downloadCsv(page, '#deficit-cells');
    expect(cellLines).toHaveLength(data.schools.length + 1);
    // the file holds the rows of every page, in the order shown
    const shownKeys = await keysOnAllPages(page, '#deficit-cells');
    expect(shownKeys).toHaveLength(data.schools.length);
    const byKey = new Map(data.schools.map((c) => [`${c.school_id}|${c.task}`, c]));
    cellLines.slice(1).forEach((cells, i) => {
      const c = byKey.get(shownKeys[i]!)!;
      expect(cells.slice(0, 2)).toEqual([c.short_name, c.task]);
      expect(cells[4]).toBe(csvNumber(c.completion_pct));
      expect(cells[5]).toBe(String(c.participants_count));
    });
  });

  it('opens the school page from a school link', async () => {
    const link = page.locator('#deficit-cells tbody tr').first().locator('a');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/school\/sch\d+$/);
    const name = await link.innerText();
    await link.click();
    await page.waitForURL(new RegExp(`${href}$`));
    await page.locator('h1', { hasText: name }).waitFor();
    await page.goBack();
    await page.locator('#teacher-schools tbody tr a').first().waitFor();
    const teacherLink = page.locator('#teacher-schools tbody tr a').first();
    const teacherHref = await teacherLink.getAttribute('href');
    await teacherLink.click();
    await page.waitForURL(new RegExp(`${teacherHref}$`));
  });

  it('explains an empty or invalid selection in Russian', async () => {
    await page.goto(`${server.url}/deficits?year=2019&subject=${encodeURIComponent(MATH)}&grade=5`);
    await page
      .locator('.empty-state', {
        hasText: 'Нет данных о выполнении заданий ВПР: Математика, 5 класс, 2018/19 учебный год',
      })
      .waitFor();
    expect(await page.locator('#deficit-tasks').count()).toBe(0);
    await page.goto(`${server.url}/deficits?grade=abc&tyear=1999`);
    await page.locator('.empty-state', { hasText: 'класс «abc»' }).waitFor();
    await page
      .locator('.empty-state', { hasText: 'Нет данных диагностики педагогов за 1998/99' })
      .waitFor();
    const bad = await fetch(`${server.url}/api/deficits/vpr?year=abc`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^Укажите год/);
    const badTeachers = await fetch(`${server.url}/api/deficits/teachers?year=20x6`);
    expect(badTeachers.status).toBe(400);
    const none = await vprApi(2019, MATH, 5);
    expect(none.tasks).toEqual([]);
  });
});
