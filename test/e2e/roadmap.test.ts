/**
 * «Дорожная карта» in a real browser, on a copy of the demo store with a road map of the current
 * school year Y typed in (the demo's own road map is another module's), and a methodologist
 * (аналитик) signed in:
 *   «Повышение квалификации педагогических и руководящих работников школ»
 *     1.1 Курсы повышения квалификации учителей математики — «до 31.08.Y-1», the whole list,
 *         запланировано: overdue (the school year began the day after);
 *     1.2 Стажировка в школе-наставнике — «в течение года», Луговская СОШ, запланировано;
 *   «Мониторинг эффективности принятых мер»
 *     2.1 Повторное измерение показателей — «Май Y г», ШФЗСОР, перенесено (on the first day of Y).
 * So: 3 measures, 0 done, 1 moved, 0 not done, 1 overdue. The methodologist marks 1.2 done with a
 * note; after a reload it shows done with today's date, the summary counts it, the audit log has
 * it, and Луговская СОШ's page lists it among its measures.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Store } from '../../analytics/db.ts';
import { formatDate, schoolYear } from '../../contract/format.ts';
import { UserDirectory } from '../../dashboard/server/auth/users.ts';
import { today } from '../../dashboard/server/routes/roadmap.ts';
import { launchBrowser, SCREENSHOTS, startServer, type RunningServer } from './server.ts';
import { pdfPagesToPng, readPdf, squash } from './documents.ts';

const LOGIN = 'metodist';
const PASSWORD = 'пароль-методиста-2026';
const SKILLS = 'Повышение квалификации педагогических и руководящих работников школ';
const EFFECT = 'Мониторинг эффективности принятых мер';
const TODAY = today();
const Y =
  Number(TODAY.slice(5, 7)) >= 9 ? Number(TODAY.slice(0, 4)) + 1 : Number(TODAY.slice(0, 4));

let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

/** The demo store with the road map of year Y typed in, as a template for the server. */
async function storeWithRoadmap(): Promise<string> {
  const path = join(dir, 'roadmap.duckdb');
  copyFileSync(inject('demoStore'), path);
  const store = await Store.open(path);
  const measure = `INSERT INTO roadmap_measure (year, section, position, number, title, term,
      deadline, responsible_municipal, responsible_school, expected_result, confirming_document,
      serves, serves_cluster, serves_schools, status, status_on, status_note, updated_at)
    VALUES ($year, $section, $position, $number, $title, $term, CAST($deadline AS DATE), 'МИМС',
      $responsible_school, $result, $document, $serves, $cluster,
      CASE WHEN $school IS NULL THEN NULL ELSE [$school] END, $status,
      CAST($status_on AS DATE), $note, now()::TIMESTAMP)`;
  const rows = [
    [
      SKILLS,
      1,
      '1.1',
      'Курсы повышения квалификации учителей математики',
      `до 31.08.${Y - 1}`,
      `${Y - 1}-08-31`,
      'директор',
      'учителя прошли курсы',
      'удостоверения',
      'list',
      null,
      null,
      'запланировано',
      null,
      null,
    ],
    [
      SKILLS,
      2,
      '1.2',
      'Стажировка в школе-наставнике',
      'в течение года',
      null,
      'заместитель директора',
      'перенят опыт школы-наставника',
      'отчёт о стажировке',
      'schools',
      null,
      'sch470112',
      'запланировано',
      null,
      null,
    ],
    [
      EFFECT,
      3,
      '2.1',
      'Повторное измерение показателей',
      `Май ${Y} г`,
      `${Y}-05-31`,
      null,
      'динамика показателей',
      'справка',
      'cluster',
      'ШФЗСОР',
      null,
      'перенесено',
      `${Y - 1}-09-01`,
      'на июнь',
    ],
  ] as const;
  for (const r of rows)
    await store.run(measure, {
      year: Y,
      section: r[0],
      position: r[1],
      number: r[2],
      title: r[3],
      term: r[4],
      deadline: r[5],
      responsible_school: r[6],
      result: r[7],
      document: r[8],
      serves: r[9],
      cluster: r[10],
      school: r[11],
      status: r[12],
      status_on: r[13],
      note: r[14],
    });
  store.close();
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-roadmap-'));
  const env = { USERS_PATH: join(dir, 'users.json'), AUDIT_PATH: join(dir, 'audit.jsonl') };
  await new UserDirectory(env.USERS_PATH).add({
    login: LOGIN,
    role: 'analyst',
    password: PASSWORD,
  });
  [server, browser] = await Promise.all([
    startServer(await storeWithRoadmap(), env),
    launchBrowser(),
  ]);
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
});

afterAll(async () => {
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

const summary = () => page.locator('#roadmap-summary').innerText();
const item = (title: string) => page.locator('li.measure', { hasText: title });

async function shoot(name: string) {
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

describe('«Дорожная карта»', () => {
  it('shows the year’s measures under their sections with the summary', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Логин').fill(LOGIN);
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.locator('#current-user').waitFor();
    await page.locator('header nav').getByRole('link', { name: 'Дорожная карта' }).click();
    await page.locator('#roadmap-summary').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Дорожная карта');
    expect(await summary()).toBe(
      `${schoolYear(Y)}: из 3 мероприятий выполнено 0, перенесено 1, не выполнено 0, просрочено 1 (на ${formatDate(TODAY)}).`,
    );
    expect(await page.locator('.roadmap-section h2').allInnerTexts()).toEqual([SKILLS, EFFECT]);
    expect(await page.locator('li.measure h4').allInnerTexts()).toEqual([
      '1.1 Курсы повышения квалификации учителей математики',
      '1.2 Стажировка в школе-наставнике',
      '2.1 Повторное измерение показателей',
    ]);
    const courses = item('Курсы повышения квалификации');
    expect(await courses.locator('.measure-status').innerText()).toBe(
      `запланировано\nпросрочено: срок 31.08.${Y - 1} истёк`,
    );
    const remeasure = item('Повторное измерение');
    expect(await remeasure.locator('.measure-status').innerText()).toBe(
      `перенесено 01.09.${Y - 1} — на июнь`,
    );
    // The term as written, and the deadline read from it where the text does not show it.
    expect(await remeasure.locator('dd').allInnerTexts()).toEqual([
      `Май ${Y} г (до 31.05.${Y})`,
      'МИМС',
      '—',
      'динамика показателей',
      'справка',
      'кластер ШФЗСОР',
    ]);
    expect(await item('Стажировка').locator('dd').last().innerText()).toBe('Луговская СОШ');
    await shoot('roadmap');
  });

  it('lets the methodologist mark a measure done with a note, shown done after a reload', async () => {
    const internship = item('Стажировка в школе-наставнике');
    await internship.getByRole('button', { name: 'Отметить выполненным' }).click();
    const form = internship.locator('form.status-form');
    expect(await form.getByLabel('Статус').inputValue()).toBe('выполнено');
    expect(await form.getByLabel('Дата (ДД.ММ.ГГГГ)').inputValue()).toBe(formatDate(TODAY));
    await form.getByLabel('Примечание').fill('стажировка проведена, отчёт на сайте школы');
    await shoot('roadmap-status-form');
    await form.getByRole('button', { name: 'Записать' }).click();
    await page
      .getByRole('status')
      .getByText('Мероприятие «Стажировка в школе-наставнике» отмечено выполненным.')
      .waitFor();
    await page.locator('li.measure[data-status="выполнено"]').waitFor();

    await page.reload();
    await page.locator('#roadmap-summary').waitFor();
    expect(await summary()).toBe(
      `${schoolYear(Y)}: из 3 мероприятий выполнено 1, перенесено 1, не выполнено 0, просрочено 1 (на ${formatDate(TODAY)}).`,
    );
    const done = item('Стажировка в школе-наставнике');
    expect(await done.getAttribute('data-status')).toBe('выполнено');
    expect(await done.locator('.measure-status').innerText()).toBe(
      `выполнено ${formatDate(TODAY)} — стажировка проведена, отчёт на сайте школы`,
    );
    // A done measure is not offered «Отметить выполненным» again.
    expect(await done.getByRole('button', { name: 'Отметить выполненным' }).count()).toBe(0);
    await shoot('roadmap-done');

    const audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; user: string; detail: string });
    expect(audit.filter((e) => e.action === 'roadmap')).toMatchObject([
      {
        user: LOGIN,
        detail: `Мероприятие дорожной карты отмечено выполненным: «Стажировка в школе-наставнике» (${schoolYear(Y)}), ${formatDate(TODAY)} — стажировка проведена, отчёт на сайте школы (было: запланировано)`,
      },
    ]);
  });

  it('lists the school’s measures with their status on its page', async () => {
    await page.goto(`${server.url}/school/sch470112`);
    // the latest two years with measures for the school: Y (typed in here) and 2025/26 (the demo's)
    const latest = page.locator(`.school-roadmap[data-year="${Y}"]`);
    await latest.waitFor();
    expect(await page.locator('h3.roadmap-year').allInnerTexts()).toEqual([
      `Дорожная карта ${schoolYear(Y)}`,
      'Дорожная карта 2025/26',
    ]);
    const items = latest.locator('li');
    // Луговская СОШ is named by 1.2 (the demo's lists end before Y, so only that one is certain).
    const texts = await items.allInnerTexts();
    expect(texts.find((t) => t.includes('Стажировка'))).toBe(
      `1.2. Стажировка в школе-наставнике\nсрок: в течение года; кому: Луговская СОШ\nвыполнено ${formatDate(TODAY)} — стажировка проведена, отчёт на сайте школы`,
    );
    expect(await page.locator('#roadmap ~ p.note').first().innerText()).toBe(
      `Статусы — на ${formatDate(TODAY)}. Вся дорожная карта — в разделе «Дорожная карта».`,
    );
    await page.locator('#roadmap').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'roadmap-school-1366.png') });
  });

  it('adds a measure with the form, at the end of its section', async () => {
    await page.goto(`${server.url}/roadmap?year=${Y}`);
    await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
    const form = page.locator('form.measure-form');
    await form.getByLabel('Раздел (направление)').fill(EFFECT);
    await form.getByLabel('№ п/п').fill('2.2');
    await form.getByLabel('Срок (как в документе)').fill('15.08. – 15.09.');
    await form.getByLabel('Наименование мероприятия').fill('Анализ результатов ВПР');
    await form.getByLabel('Ответственные исполнители на муниципальном уровне').fill('МИМС');
    await form.getByLabel('один кластер').check();
    await form.getByLabel('Кластер', { exact: true }).selectOption('ШПУН');
    await shoot('roadmap-add-form');
    await form.getByRole('button', { name: 'Добавить', exact: true }).click();
    await page
      .getByRole('status')
      .getByText('Мероприятие «Анализ результатов ВПР» добавлено.')
      .waitFor();
    await item('Анализ результатов ВПР').waitFor();
    expect(await page.locator('li.measure h4').allInnerTexts()).toEqual([
      '1.1 Курсы повышения квалификации учителей математики',
      '1.2 Стажировка в школе-наставнике',
      '2.1 Повторное измерение показателей',
      '2.2 Анализ результатов ВПР',
    ]);
    expect(await item('Анализ результатов ВПР').locator('dd').first().innerText()).toBe(
      `15.08. – 15.09. (до 15.09.${Y - 1})`,
    );
    expect(await summary()).toMatch(/^\d{4}\/\d\d: из 4 мероприятий выполнено 1, /);
  });

  it('shows a measure marked done on the page in the school справка', async () => {
    // The demo's road map of 2025/26 plans «Консультации для руководителей ШПУН…» for the ШПУН
    // cluster, and Луговская СОШ is on the ШПУН list of 2025/26.
    const title = 'Консультации для руководителей ШПУН по результатам регионального мониторинга';
    await page.goto(`${server.url}/roadmap?year=2026`);
    const consult = item(title);
    await consult.getByRole('button', { name: 'Отметить выполненным' }).click();
    const form = consult.locator('form.status-form');
    await form.getByLabel('Дата (ДД.ММ.ГГГГ)').fill('15.12.2025');
    await form.getByLabel('Примечание').fill('консультации проведены');
    await form.getByRole('button', { name: 'Записать' }).click();
    await page.locator('li.measure[data-status="выполнено"]', { hasText: title }).waitFor();

    const answer = await page.request.get(
      `${server.url}/api/briefings/file?year=2026&format=pdf&school=sch470112`,
    );
    expect(answer.status()).toBe(200);
    const pdf = Buffer.from(await answer.body());
    const { text, pageTexts } = readPdf(pdf);
    expect(text).toContain('8. Меры поддержки и их результат');
    expect(text).toContain(
      squash(`«${title}» — срок «Ноябрь-декабрь», выполнено 15.12.2025 (кластер ШПУН)`),
    );
    const at = pageTexts.findIndex((t) => t.includes('Меры поддержки и их результат'));
    pdfPagesToPng(pdf, join(SCREENSHOTS, '..', 'briefings'), 'school-roadmap-done');
    expect(at).toBeGreaterThan(-1);
  });
});
