/**
 * The «Справки» page in a real browser on the demo store: the choices offered are the API's, the
 * files come down through the browser's download with their Russian names and are real DOCX, PDF
 * and ZIP files, and failures are told in Russian. The briefings' content is tested in
 * test/briefing; here only that the right document arrived.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { yearText } from '../helpers/hand-format.ts';
import { readDocx } from './documents.ts';
import { formatSize } from '../../dashboard/src/lib/briefings.ts';
import type { BriefingOptions } from '../../contract/api/briefing-types.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;
let options: BriefingOptions;

beforeAll(async () => {
  ({ server, page } = await openDashboard(inject('demoStore')));
  options = await (await fetch(`${server.url}/api/briefings/options`)).json();
});
afterAll(closeDashboard);

const button = () => page.getByRole('button', { name: 'Сформировать' });

/** Clicks «Сформировать» and waits for the file the browser saves. */
async function generate(): Promise<{ download: Download; data: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    button().click(),
  ]);
  return { download, data: readFileSync(await download.path()) };
}

/** The result line, once the file is made. */
const resultLine = async () => {
  const line = page.locator('.outcome .result');
  await line.waitFor();
  return line.innerText();
};

describe('«Справки» page', () => {
  it('offers the years of the API and makes the district briefing as DOCX', async () => {
    expect(options.years.length).toBeGreaterThan(0);
    expect(options.year).toBe(options.years[0]);
    expect(options.schools.length).toBeGreaterThan(0);
    expect(options.pdfAvailable).toBe(true);

    await page.goto(`${server.url}/briefings`);
    await page.locator('#b-year').waitFor();
    expect(await page.locator('main h1').innerText()).toBe('Справки');
    expect(await page.locator('nav a[aria-current="page"]').innerText()).toBe('Справки');
    // The seven sections are named before the controls.
    expect(await page.locator('ol.sections li').count()).toBe(7);
    const years = await page
      .locator('#b-year option')
      .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(years).toEqual(options.years.map((y) => [String(y), yearText(y)]));
    expect(await page.locator('#b-year').inputValue()).toBe(String(options.year));
    // Defaults: the district briefing, DOCX.
    expect(await page.getByLabel('Справка по району').isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /DOCX/ }).isChecked()).toBe(true);
    await expect(page.locator('.summary').innerText()).resolves.toContain(
      `Справка по району за ${yearText(options.year!)} учебный год, DOCX.`,
    );

    const { download, data } = await generate();
    const fileName = `Справка_район_${yearText(options.year!).replace('/', '-')}.docx`;
    expect(fileName).toBe('Справка_район_2025-26.docx');
    expect(download.suggestedFilename()).toBe(fileName);
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Аналитическая справка');
    expect(xml).toContain('1. Что измерялось');

    const line = await resultLine();
    expect(line).toContain(fileName);
    expect(line).toContain(formatSize(data.length));
    expect(line).toMatch(/сформирован за \d+,\d с/);
    expect(await button().isEnabled()).toBe(true);
  });

  it('makes one school briefing as PDF, with the choices kept in the URL', async () => {
    const school = options.schools[1]!;
    await page.getByLabel('Справка по школе').check();
    await page.waitForURL(/kind=school/);
    await page.selectOption('#b-school', school.school_id);
    await page.waitForURL(new RegExp(`school=${school.school_id}`));
    await page.getByRole('radio', { name: /PDF/ }).check();
    await page.waitForURL(/format=pdf/);
    await expect(page.locator('.summary').innerText()).resolves.toContain(
      `Справка по школе «${school.short_name}»`,
    );
    const query = new URL(page.url()).searchParams;
    expect(query.get('kind')).toBe('school');
    expect(query.get('school')).toBe(school.school_id);
    expect(query.get('format')).toBe('pdf');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      button().click(),
      // While the file is made: the elapsed time, and no second click.
      page
        .locator('.outcome .progress', { hasText: /Формируется… \d+ с/ })
        .waitFor()
        .then(async () => expect(await button().isDisabled()).toBe(true)),
    ]);
    const data = readFileSync(await download.path());
    expect(data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const line = await resultLine();
    expect(line).toContain(download.suggestedFilename());
    expect(line).toContain(formatSize(data.length));

    await page.screenshot({ path: join(SCREENSHOTS, 'briefings.png'), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);

    // The same choice opens from the link.
    await page.goto(page.url());
    await page.locator('#b-school').waitFor();
    expect(await page.locator('#b-school').inputValue()).toBe(school.school_id);
    expect(await page.getByRole('radio', { name: /PDF/ }).isChecked()).toBe(true);
  });

  it('makes a ZIP of the district and the chosen schools', async () => {
    const [a, b] = options.schools;
    await page.goto(`${server.url}/briefings?kind=selected&format=docx`);
    await page.locator('fieldset.schools').waitFor();
    // Nothing chosen yet: the button waits for a school.
    expect(await button().isDisabled()).toBe(true);
    await page.getByLabel(a!.short_name, { exact: true }).check();
    await page.getByLabel(b!.short_name, { exact: true }).check();
    await page.waitForURL(/schools=/);
    expect(new URL(page.url()).searchParams.get('schools')).toBe(`${a!.school_id},${b!.school_id}`);
    await expect(page.locator('.summary').innerText()).resolves.toContain(
      'справка по району и 2 справки по школам',
    );
    const { download, data } = await generate();
    expect(download.suggestedFilename()).toBe(
      `Справки_${yearText(options.year!).replace('/', '-')}_docx.zip`,
    );
    const zip = await JSZip.loadAsync(data);
    const files = Object.values(zip.files).filter((f) => !f.dir);
    expect(files).toHaveLength(3);
    expect(files.filter((f) => f.name.startsWith('Школы/'))).toHaveLength(2);
    expect(files.every((f) => f.name.endsWith('.docx'))).toBe(true);
    await expect(resultLine()).resolves.toContain(formatSize(data.length));
    await page.screenshot({ path: join(SCREENSHOTS, 'briefings-batch.png'), fullPage: true });
  });

  it('tells in Russian why a briefing cannot be made', async () => {
    // A school that is not in the register: the server's answer is shown.
    await page.goto(`${server.url}/briefings?kind=school&school=nope`);
    await page.locator('#b-school').waitFor();
    expect(await page.locator('#b-school option:checked').innerText()).toBe(
      'nope (нет результатов за год)',
    );
    await button().click();
    await page
      .locator('.status.error[role="alert"]', {
        hasText: 'Справка не сформирована: Школы с логином «nope» нет в реестре.',
      })
      .waitFor();
    expect(await page.locator('.outcome .result').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'briefings-error.png'), fullPage: true });

    // A year without results: said at once, and nothing to generate.
    await page.goto(`${server.url}/briefings?year=2019`);
    await page
      .locator('.empty-state', { hasText: 'За 2018/19 учебный год результатов школ нет' })
      .waitFor();
    expect(await page.locator('#b-year option:checked').innerText()).toBe('2018/19 (нет данных)');
    expect(await button().isDisabled()).toBe(true);
    const answer = await fetch(`${server.url}/api/briefings/file?year=2019&format=docx`);
    expect(answer.status).toBe(404);
    expect((await answer.json()).error).toMatch(/^За 2018\/19 учебный год результатов школ нет/);
  });

  it('makes the draft распоряжение with the fields typed on the page', async () => {
    await page.goto(`${server.url}/briefings`);
    await page.getByLabel('Проект распоряжения об утверждении списков школ').check();
    await page.waitForURL(/kind=decision/);
    // The years with a working list; the fields, each empty until typed.
    const years = await page
      .locator('#b-year option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(years).toEqual(['2026', '2025', '2024', '2023', '2022']);
    await expect(page.locator('.summary').innerText()).resolves.toContain(
      'Проект распоряжения об утверждении списков школ на 2025/26 учебный год по рабочему списку, DOCX.',
    );
    await page.getByLabel('Номер распоряжения').fill('338');
    await page.getByLabel('Дата распоряжения').fill('2025-10-13');
    await page.getByLabel('Контроль возложить на (должность и ФИО, кого?)').fill('Петрову П.П.');
    await page.screenshot({ path: join(SCREENSHOTS, 'briefings-decision.png'), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow).toBe(false);

    const { download, data } = await generate();
    expect(download.suggestedFilename()).toBe('Распоряжение_списки_2025-26.docx');
    const { paragraphs, tables } = await readDocx(data);
    expect(paragraphs).toContain('от 13.10.2025 № 338');
    expect(paragraphs).toContain(
      '4. Контроль за исполнением настоящего распоряжения возложить на Петрову П.П.',
    );
    // What was not typed is a line to fill.
    expect(paragraphs).toContain('Срок — до __________.');
    // the three lists; the fourth table is the road map of 2025/26
    expect(tables.slice(0, 3).map((table) => table.at(-1)![1])).toEqual([
      'Итого: 5 ОО',
      'Итого: 3 ОО',
      'Итого: 2 ОО',
    ]);
    await expect(resultLine()).resolves.toContain('Распоряжение_списки_2025-26.docx');

    // A year without a list: said at once, nothing to generate.
    await page.goto(`${server.url}/briefings?kind=decision&year=2019`);
    await page
      .locator('.empty-state', { hasText: 'На 2018/19 учебный год рабочего списка нет' })
      .waitFor();
    expect(await button().isDisabled()).toBe(true);
  });
});
