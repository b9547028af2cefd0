/**
 * Access control in a real browser, on a copy of the demo store: without users the panel opens
 * on this computer without sign-in; once users exist (made with `npm run users` while the server
 * runs) it asks for a login, a school user sees its own school only — no other school's name on
 * any page it can open — an analyst reads everything but imports and the journal, and the
 * administrator's «Журнал» lists the others' sign-ins. «Выйти» ends the session for the API too.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Store } from '../../analytics/db.ts';
import type { AuditPage } from '../../contract/api/auth-types.ts';
import { launchBrowser, SCREENSHOTS, startServer, type RunningServer } from './server.ts';
import { clickCsvDownload, readCsv } from './downloads.ts';

const OWN = 'sch470112';
const PASSWORDS = {
  admin: 'админ-пароль-2026',
  ivanova: 'аналитик-пароль-2026',
  [OWN]: 'школа-пароль-2026',
} as const;

let dir: string;
let storeCopy: string;
let env: Record<string, string>;
let server: RunningServer;
let browser: Browser;
let schools: Map<string, string>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mko-access-'));
  // The CLI checks the school against this copy; the server has its own copy.
  storeCopy = join(dir, 'registry.duckdb');
  copyFileSync(inject('demoStore'), storeCopy);
  const store = await Store.open(storeCopy);
  const rows = await store.all<{ school_id: string; short_name: string }>(
    'SELECT school_id, short_name FROM school',
  );
  store.close();
  schools = new Map(rows.map((r) => [r.school_id, r.short_name]));
  env = { USERS_PATH: join(dir, 'users.json'), AUDIT_PATH: join(dir, 'audit.jsonl') };
  [server, browser] = await Promise.all([startServer(inject('demoStore'), env), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  if (server) expect(await server.stop()).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run users -- add …` with the password on stdin, as an administrator would run it. */
function addUser(login: keyof typeof PASSWORDS, role: string, ...extra: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'cli/users.ts', 'add', login, '--role', role, ...extra],
    {
      input: `${PASSWORDS[login]}\n`,
      env: { ...process.env, ...env, DB_PATH: storeCopy },
      encoding: 'utf8',
    },
  );
  expect(run.status, run.stderr + run.stdout).toBe(0);
}

async function newPage(options: { timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    acceptDownloads: true,
    ...options,
  });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, login: string, password: string) {
  await page.goto(`${server.url}/`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.locator('#current-user').waitFor();
}

const navTitles = (page: Page) => page.locator('header nav a').allInnerTexts();
/** Everything in the page, hidden text, options and chart titles included. */
const pageText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names of other schools found in the page (a name followed by a digit is another one). */
async function otherSchoolsShown(page: Page): Promise<string[]> {
  const text = await pageText(page);
  return [...schools]
    .filter(([id]) => id !== OWN)
    .map(([, name]) => name)
    .filter((name) => new RegExp(`${escape(name)}(?!\\d)`).test(text));
}

/** The API from inside the page: the browser's cookie, as the page itself would ask. */
const apiStatus = (page: Page, path: string) =>
  page.evaluate(async (p) => (await fetch(p)).status, path);

describe('access control', () => {
  it('keeps the store file readable by its owner only once the server has started', () => {
    expect(statSync(server.storePath).mode & 0o777).toBe(0o600);
  });

  it('without users the panel opens on this computer without sign-in, journal included', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.locator('#district-title').waitFor();
    expect(await page.locator('#district-title').innerText()).toBe('Обзор района');
    expect(await navTitles(page)).toEqual([
      'Район',
      'Школы',
      'Сравнение лет',
      'Кластеры по годам',
      'Дорожная карта',
      'Сетевые пары',
      'Результативность мер',
      'Функциональная грамотность',
      'Дефициты',
      'Справки',
      'Методика',
      'Загрузка данных',
      'Журнал',
    ]);
    expect(await page.getByRole('button', { name: 'Выйти' }).count()).toBe(0);
    expect(await page.locator('#current-user').count()).toBe(0);
    await page.locator('header nav a', { hasText: 'Журнал' }).click();
    await page.locator('.no-users').waitFor();
    expect(await page.locator('.no-users').innerText()).toContain(
      'npm run users -- add <логин> --role admin',
    );
  });

  it('asks for a login once users exist, and refuses a wrong password in Russian', async () => {
    addUser('admin', 'admin');
    addUser('ivanova', 'analyst');
    addUser(OWN, 'school', '--school', OWN);

    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.locator('#login-title').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Вход в систему');
    expect(await page.title()).toBe('Вход в систему — Мониторинг качества образования');
    expect(await page.locator('header nav').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-name');
    expect(await page.getByLabel('Логин').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Пароль').getAttribute('autocomplete')).toBe('current-password');
    expect(await apiStatus(page, '/api/health')).toBe(401);
    await page.screenshot({ path: join(SCREENSHOTS, 'login.png'), fullPage: true });

    await page.getByLabel('Логин').fill('ivanova');
    await page.getByLabel('Пароль').fill('не тот пароль');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.locator('#login-error').innerText()).resolves.toBe(
      'Неверный логин или пароль.',
    );
    expect(await page.locator('#login-title').isVisible()).toBe(true);
  });

  it('a school user lands on its own school and sees no other school anywhere', async () => {
    const page = await newPage();
    await signIn(page, OWN, PASSWORDS[OWN]);
    await page.locator('#school-title').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/school/${OWN}`);
    expect(await page.locator('#school-title').innerText()).toBe(schools.get(OWN));
    expect(await page.locator('#current-user').innerText()).toBe(
      `${OWN} · школа: ${schools.get(OWN)}`,
    );
    expect(await navTitles(page)).toEqual([
      'Моя школа',
      'Функциональная грамотность',
      'Дефициты',
      'Справки',
      'Методика',
    ]);
    // The school has a network partner in the demo: it is not named to the school.
    expect(await page.locator('#school-partners').count()).toBe(0);
    await page.locator('#flags').waitFor();
    expect(await otherSchoolsShown(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'school-user.png'), fullPage: true });

    const other = [...schools.keys()].find((id) => id !== OWN)!;
    await page.goto(`${server.url}/school/${other}`);
    await page.locator('#no-access-title').waitFor();
    expect(await page.locator('main').innerText()).toContain('Перейти на страницу своей школы');
    expect(await otherSchoolsShown(page)).toEqual([]);
    expect(await apiStatus(page, `/api/schools/${other}`)).toBe(403);
    for (const path of ['/compare', '/import', '/audit', '/school']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('#no-access-title').waitFor();
    }
    await page.locator('main a', { hasText: 'Перейти на страницу своей школы' }).click();
    await page.locator('#school-title').waitFor();

    await page.goto(`${server.url}/`);
    await page.locator('#school-title').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/school/${OWN}`);

    await page.goto(`${server.url}/fg`);
    await page.locator('#fg-schools tbody tr').first().waitFor();
    expect(
      await page
        .locator('#fg-schools tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key'))),
    ).toEqual([OWN]);
    expect(await page.locator('#fg-district tbody tr').count()).toBeGreaterThan(0);
    expect(await otherSchoolsShown(page)).toEqual([]);

    await page.screenshot({ path: join(SCREENSHOTS, 'school-user-fg.png'), fullPage: true });

    await page.goto(`${server.url}/deficits`);
    await page.locator('#deficit-cells tbody tr').first().waitFor();
    await page.locator('#teacher-schools tbody tr').first().waitFor();
    const cellSchools = await page
      .locator('#deficit-cells tbody tr')
      .evaluateAll((rows) => [
        ...new Set(rows.map((r) => r.getAttribute('data-key')!.split('|')[0])),
      ]);
    expect(cellSchools).toEqual([OWN]);
    expect(
      await page
        .locator('#teacher-schools tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key'))),
    ).toEqual([OWN]);
    expect(await otherSchoolsShown(page)).toEqual([]);

    await page.screenshot({ path: join(SCREENSHOTS, 'school-user-deficits.png'), fullPage: true });

    await page.goto(`${server.url}/briefings`);
    await page.locator('.briefing-form').waitFor();
    expect(await page.locator('#b-school option').allInnerTexts()).toEqual([schools.get(OWN)]);
    expect(await page.locator('input[name="b-kind"]').count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain('Справка по району');
    expect(await otherSchoolsShown(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'school-user-briefings.png'), fullPage: true });
    const [briefing] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Сформировать' }).click(),
    ]);
    expect(briefing.suggestedFilename()).toMatch(/\.docx$/);
    expect(briefing.suggestedFilename()).toContain(schools.get(OWN)!.split(' ')[0]);

    await page.goto(`${server.url}/methodology`);
    await page.locator('#methodology-version').waitFor();
    expect(await page.locator('main button.primary').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(
      'Методику утверждает и меняет администратор панели.',
    );
  });

  it('an analyst reads the district, without imports and the journal', async () => {
    const page = await newPage();
    await signIn(page, 'ivanova', PASSWORDS.ivanova);
    await page.locator('#district-title').waitFor();
    expect(await page.locator('#current-user').innerText()).toBe('ivanova · аналитик');
    const nav = await navTitles(page);
    expect(nav).toContain('Район');
    expect(nav).toContain('Сравнение лет');
    expect(nav).toContain('Дорожная карта');
    expect(nav).not.toContain('Загрузка данных');
    expect(nav).not.toContain('Журнал');
    // A page whose token the server no longer knows (it restarted): the token is fetched again
    // and the download repeated once, unnoticed by the user.
    const tokens: (string | null)[] = [];
    await page.route('**/api/download?*', async (route) => {
      tokens.push(route.request().headers()['x-csrf-token'] ?? null);
      if (tokens.length === 1)
        await route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'Запрос отклонён', code: 'csrf' }),
        });
      else await route.continue();
    });
    await page.locator('#district-schools tbody tr').first().waitFor();
    const rows = await readCsv(await clickCsvDownload(page, '#district-schools'));
    expect(rows.length).toBe(
      (await page.locator('#district-schools tbody tr, #district-schools tfoot tr').count()) + 1,
    );
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(tokens).toEqual([session.csrf, session.csrf]);
    await page.unroute('**/api/download?*');

    await page.goto(`${server.url}/audit`);
    await page.locator('#no-access-title').waitFor();
    expect(await apiStatus(page, '/api/audit')).toBe(403);
    await page.goto(`${server.url}/methodology`);
    await page.locator('#methodology-version').waitFor();
    expect(
      await page.getByRole('button', { name: 'Проверить другие пороги (без сохранения)' }).count(),
    ).toBe(1);
    expect(await page.getByRole('button', { name: /Изменить методику/ }).count()).toBe(0);
    // An analyst may try other thresholds (the preview), not save them.
    await page.getByRole('button', { name: 'Проверить другие пороги (без сохранения)' }).click();
    await page.getByRole('button', { name: /Проверить и показать изменения/ }).click();
    await page.locator('.preview-summary').waitFor();
    expect(await page.getByRole('button', { name: 'Сохранить новую версию' }).count()).toBe(0);

    // The session ends under an open page (expired, or closed on the server): the next request
    // brings back the login page, saying why.
    await page.context().clearCookies();
    await page.locator('header nav a', { hasText: 'Школы' }).click();
    await page.locator('#login-title').waitFor();
    expect(await page.locator('.login [role="status"]').innerText()).toBe(
      'Войдите в систему: сессия не открыта или истекла.',
    );
    expect(await page.locator('header nav').count()).toBe(0);
  });

  it('the administrator sees the journal with the others’ sign-ins, then signs out', async () => {
    const page = await newPage({ timezoneId: 'Europe/Moscow' });
    const other = [...schools.keys()].find((id) => id !== OWN)!;
    await signIn(page, 'admin', PASSWORDS.admin);
    expect(await page.locator('#current-user').innerText()).toBe('admin · администратор');
    expect(await navTitles(page)).toContain('Журнал');
    await page.locator('header nav a', { hasText: 'Журнал' }).click();
    await page.locator('#audit-log tbody tr').first().waitFor();
    await page.locator(`#audit-users tr[data-key="${OWN}"]`).waitFor();

    expect(
      await page
        .locator('#audit-users tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key'))),
    ).toEqual(['admin', 'ivanova', OWN]);
    expect(
      await page.locator(`#audit-users tr[data-key="${OWN}"] [data-col="school"]`).innerText(),
    ).toBe(`${schools.get(OWN)} (${OWN})`);

    await page.locator('#a-action').selectOption('login');
    await page.waitForURL((url) => url.searchParams.get('action') === 'login');
    await page.locator('#audit-log tbody tr').first().waitFor();
    const api = (await page.evaluate(async () =>
      (await fetch('/api/audit?action=login')).json(),
    )) as AuditPage;
    const rows = page.locator('#audit-log tbody tr');
    await expect.poll(() => rows.count()).toBe(api.entries.length);
    const users = await page.locator('#audit-log tbody [data-col="user"]').allInnerTexts();
    expect(new Set(users)).toEqual(new Set(['admin', 'ivanova', OWN]));
    expect(
      new Set(await page.locator('#audit-log tbody [data-col="action"]').allInnerTexts()),
    ).toEqual(new Set(['Вход']));
    expect(
      new Set(await page.locator('#audit-log tbody [data-col="outcome"]').allInnerTexts()),
    ).toEqual(new Set(['успешно']));
    // Times in this computer's zone (Moscow, UTC+3), to the second.
    const first = api.entries[0]!;
    const moscow = new Date(Date.parse(first.at) + 3 * 3600_000).toISOString();
    const expected = `${moscow.slice(8, 10)}.${moscow.slice(5, 7)}.${moscow.slice(0, 4)} ${moscow.slice(11, 19)}`;
    expect(await rows.first().locator('[data-col="at"]').innerText()).toBe(expected);
    expect(await page.locator('.audit .count').innerText()).toBe(
      `${api.entries.length} ${api.entries.length === 3 ? 'записи' : 'записей'} из ${api.total} по выбранным условиям.`,
    );

    await page.locator('#a-action').selectOption('login_failed');
    await page.waitForURL((url) => url.searchParams.get('action') === 'login_failed');
    await page.locator('#audit-log tbody [data-col="outcome"]', { hasText: 'ошибка' }).waitFor();
    expect(await page.locator('#audit-log tbody tr').count()).toBe(1);
    expect(await page.locator('#audit-log tbody [data-col="detail"]').innerText()).toBe(
      'логин «ivanova»',
    );
    expect(await page.locator('.audit .count').innerText()).toBe(
      '1 запись из 1 по выбранным условиям.',
    );
    // The pages ask only what the role may see: the refusals are those this test provoked
    // (a refused school of another school is logged or not, as the server decides).
    await page.locator('#a-action').selectOption('denied');
    await page.waitForURL((url) => url.searchParams.get('action') === 'denied');
    await page
      .locator('#audit-log tbody [data-col="outcome"]', { hasText: 'отказано' })
      .first()
      .waitFor();
    const refused = (await page.locator('#audit-log tbody tr').allInnerTexts()).map((row) =>
      row.split('\t').slice(1, 5).join(' | '),
    );
    expect(refused).toContain('ivanova | аналитик | Отказано в доступе | GET /api/audit');
    for (const row of refused)
      expect([
        'ivanova | аналитик | Отказано в доступе | GET /api/audit',
        `${OWN} | школа | Отказано в доступе | GET /api/schools/${other}`,
      ]).toContain(row);
    await page.locator('#a-action').selectOption('');
    await page.waitForURL((url) => !url.searchParams.has('action'));
    await page
      .locator('#audit-log tbody [data-col="action"]', { hasText: 'Добавлен пользователь' })
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'audit.png'), fullPage: true });

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.locator('#login-title').waitFor();
    expect(await page.locator('header nav').count()).toBe(0);
    expect(await apiStatus(page, '/api/schools')).toBe(401);
    expect(await apiStatus(page, '/api/audit')).toBe(401);
  });
});
