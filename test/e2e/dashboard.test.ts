/**
 * The dashboard in a real browser on the demo store, loaded through the real import path.
 * Expected numbers come from the demo generator's own simulation, an independent path:
 * generator → files → import → SQL → page must equal the generator's counts directly. Expected
 * texts: literals for the demo's fixed figures, else test/helpers/hand-format.ts (integer
 * arithmetic), never the product's formatters.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCHOOLS } from '../../data/generator/district.ts';
import { sumCounts, vprMarks } from '../../data/generator/simulate.ts';
import { intText, pctOf } from '../helpers/hand-format.ts';
import { closeDashboard, openDashboard, SCREENSHOTS, type RunningServer } from './server.ts';

let server: RunningServer;
let page: Page;
// An empty store: the server itself loads the demo through the importer.
beforeAll(async () => ({ server, page } = await openDashboard()));
afterAll(closeDashboard);

const cellText = (selector: string) => page.locator(selector).innerText();

async function checkDistrictTable(
  year: number,
  subject: string,
  code: string,
  grade: number,
): Promise<void> {
  for (const school of SCHOOLS) {
    const c = vprMarks(school, year, grade, code);
    const row = `#district-schools tbody tr[data-key="${school.login}"]`;
    expect(await cellText(`${row} [data-col="participants"]`), school.shortName).toBe(
      intText(c.participants),
    );
    expect(await cellText(`${row} [data-col="key"]`), school.shortName).toBe(
      pctOf(c.n2, c.participants),
    );
    expect(await cellText(`${row} [data-col="kachestvo"]`), school.shortName).toBe(
      pctOf(c.n4 + c.n5, c.participants),
    );
  }
  const district = sumCounts(SCHOOLS.map((s) => vprMarks(s, year, grade, code)));
  expect(await cellText('tfoot tr[data-key="district"] [data-col="participants"]')).toBe(
    intText(district.participants),
  );
  expect(await cellText('tfoot tr[data-key="district"] [data-col="key"]')).toBe(
    pctOf(district.n2, district.participants),
  );
  expect(await cellText('tfoot tr[data-key="district"] [data-col="uspevaemost"]')).toBe(
    pctOf(district.n3 + district.n4 + district.n5, district.participants),
  );
}

describe('district page', () => {
  it('shows ФИС ОКО-imported numbers equal to the independently computed ones', async () => {
    await page.goto(`${server.url}/?year=2026&subject=${encodeURIComponent('Математика')}&grade=5`);
    await page.locator('#district-schools tbody tr').first().waitFor();
    await expect(page.locator('.demo-badge').innerText()).resolves.toBe('демонстрационные данные');
    await checkDistrictTable(2026, 'Математика', 'MA', 5);
    const note = await page
      .locator('figure.chart', { hasText: 'Доля «2» по школам' })
      .locator('.chart-note')
      .innerText();
    // The demo's district, ВПР Математика 5 класс 2025/26: 79 «2» of 746, 10,59 %.
    const district = sumCounts(SCHOOLS.map((s) => vprMarks(s, 2026, 5, 'MA')));
    expect(district).toMatchObject({ participants: 746, n2: 79 });
    expect(note).toContain('район (10,6 %, n = 746)');
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'district.png'), fullPage: true });
  });

  it('filters change the URL and the content (windows-1251 template year)', async () => {
    await page.selectOption('#f-year', '2022');
    await page.waitForURL(/year=2022/);
    await page.selectOption('#f-subject', 'История');
    await page.waitForURL(/subject=%D0%98%D1%81%D1%82%D0%BE%D1%80%D0%B8%D1%8F/);
    await page
      .locator('#district-schools caption', { hasText: 'ВПР, История, 5 класс, 2021/22' })
      .waitFor();
    await checkDistrictTable(2022, 'История', 'HI', 5);
    await page.screenshot({ path: join(SCREENSHOTS, 'district-history-2022.png'), fullPage: true });
  });
});

describe('data upload page', () => {
  const csvFile = (name: string, text: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from('\ufeff' + text),
  });

  it('checks files before loading, shows every problem, loads the good one and logs it', async () => {
    await page.goto(`${server.url}/import`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Загрузка данных');
    // The demo itself was loaded through the importer, so the journal is not empty.
    await page.locator('#import-history tbody tr').first().waitFor();
    expect(await page.locator('.templates li').count()).toBeGreaterThanOrEqual(10);
    await page.setInputFiles('input[type=file]', [
      csvFile(
        'кластеры 2026-27.csv',
        'Учебный год;Наименование ОО;Кластер\n2026/27;Озёрная ООШ;ШНОР\n',
      ),
      csvFile(
        'впр с ошибками.csv',
        'Учебный год;Наименование ОО;Класс;Предмет;Кол-во участников;«2»;«3»;«4»;«5»\n' +
          '2025/26;Гимназия № 7;5;Математика;10;1;2;3;4\n2025/26;Лицей № 2;5;Математика;10;1;2;3;3\n',
      ),
    ]);
    const good = page.locator('[data-file="кластеры 2026-27.csv"]');
    const bad = page.locator('[data-file="впр с ошибками.csv"]');
    await good.locator('.file-status', { hasText: 'готов к загрузке: 1 строка' }).waitFor();
    await bad.locator('.file-status', { hasText: '2 ошибки — файл не будет загружен' }).waitFor();
    const problems = await bad.locator('.problems li').allInnerTexts();
    expect(problems[0]).toMatch(
      /строка 2, столбец «Наименование ОО»; значение «Гимназия № 7»; ожидалось: школа из реестра ОО; ближайшие по написанию: Гимназия № 1 \(sch470101\)/,
    );
    expect(problems[1]).toMatch(
      /сумма отметок «2»–«5» \(1 \+ 2 \+ 3 \+ 3 = 9\) равна числу участников/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'import-checked.png'), fullPage: true });
    await page.getByRole('button', { name: 'Загрузить 1 файл' }).click();
    await good.locator('.file-status', { hasText: 'загружен: 1 строка' }).waitFor();
    await page
      .locator('#import-history tbody tr')
      .first()
      .filter({ hasText: 'кластеры 2026-27.csv' })
      .waitFor();
    expect(await page.locator('#import-history tbody tr').first().innerText()).toMatch(
      /Региональные списки кластеров\s+загружен\s+1/,
    );
  });

  it('asks before replacing loaded data, and maps the columns of an unknown table once', async () => {
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('input[type=file]', [
      csvFile(
        'кластеры исправленные.csv',
        'Учебный год;Наименование ОО;Кластер\n2025/26;Гимназия № 1;ШЛ\n',
      ),
      csvFile(
        'спорт.csv',
        'Школа;Период;Охват спортом, %;Комментарий\nГимназия № 1;2025/26;55,5;нет\nСОШ № 3;2025/26;40;\n',
      ),
    ]);
    const fixed = page.locator('[data-file="кластеры исправленные.csv"]');
    await fixed
      .locator('.file-status', {
        hasText: 'эти данные уже загружены из «Списки региона 2025-26.xlsx»',
      })
      .waitFor();
    await fixed.getByLabel('Заменить ранее загруженные данные этим файлом').check();
    await fixed
      .locator('.file-status', { hasText: 'заменит ранее загруженные данные: 1 строка' })
      .waitFor();

    const sport = page.locator('[data-file="спорт.csv"]');
    await sport.locator('.file-status', { hasText: 'формат файла не распознан' }).waitFor();
    await sport.getByRole('button', { name: 'Сопоставить столбцы…' }).click();
    await sport.getByLabel('Столбец школы').selectOption('Школа');
    await sport.getByLabel('Столбец учебного года').selectOption('Период');
    // The numeric column is offered, the text one is not ticked.
    await expect(sport.getByLabel('Загрузить «Охват спортом, %»').isChecked()).resolves.toBe(true);
    await expect(sport.getByLabel('Загрузить «Комментарий»').isChecked()).resolves.toBe(false);
    await sport.getByLabel('Название набора показателей').fill('Спорт');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-mapping.png'), fullPage: true });
    await sport.getByRole('button', { name: 'Сохранить сопоставление и проверить файл' }).click();
    await sport.locator('.file-status', { hasText: 'готов к загрузке: 2 строки' }).waitFor();

    await page.getByRole('button', { name: 'Загрузить 2 файла' }).click();
    await fixed
      .locator('.file-status', { hasText: 'загружен с заменой прежних данных: 1 строка' })
      .waitFor();
    await sport.locator('.file-status', { hasText: 'загружен: 2 строки' }).waitFor();
    await page.goto(`${server.url}/school/sch470101`);
    const custom = page.locator('#school-custom tbody tr', { hasText: 'Охват спортом, %' });
    await expect(custom.locator('[data-col="y2026"]').innerText()).resolves.toBe('55,5');
    await custom.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'school-custom.png'), fullPage: true });
  });

  it('takes the school year of a list without one from the field on the page; a cluster without a rule is shown', async () => {
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('input[type=file]', [
      csvFile(
        'приложение 2.csv',
        'Список школ, функционирующих в неблагоприятных социальных условиях\n' +
          '№ п/п;Наименование образовательной организации;Кластеризация\n' +
          '1.;МКОУ «Озерная ООШ»;ШНСУ\n2.;МКОУ «Луговская СОШ»;ШНСУ\n3.;Итого:;2 ОО\n',
      ),
    ]);
    const list = page.locator('[data-file="приложение 2.csv"]');
    await list.getByText(/не указан учебный год списка/).waitFor();
    await page.getByText('Для списков кластеров: учебный год и основание').click();
    await page.getByLabel('Учебный год списка').fill('2025/26');
    await page.getByLabel('Основание списка').fill('распоряжение КО от 01.09.2025 № 1');
    await page.getByLabel('Основание списка').press('Tab');
    await list.locator('.file-status', { hasText: 'готов к загрузке: 2 строки' }).waitFor();
    await page.getByRole('button', { name: 'Загрузить 1 файл' }).click();
    await list.locator('.file-status', { hasText: 'загружен: 2 строки' }).waitFor();
    await page.goto(`${server.url}/?year=2026&procedure=ВПР&subject=Математика&grade=5`);
    const card = page.locator('.cluster-card[data-cluster="ШНСУ"]');
    await card.waitFor();
    // a cluster the methodology does not compute: its schools on the working list, from the list
    expect(await card.locator('li a').allInnerTexts()).toEqual(['Луговская СОШ', 'Озёрная ООШ']);
    expect(await card.locator('li[data-agreement="нет правила в методике"]').count()).toBe(2);
    expect(await card.locator('.cluster-count').innerText()).toBe('2 школы');
  });
});

describe('school page', () => {
  it('opens from the district table and shows the school against the district', async () => {
    await page.goto(`${server.url}/?year=2026&subject=${encodeURIComponent('Математика')}&grade=5`);
    await page.locator('#district-schools tr[data-key="sch470109"] a').click();
    await page.waitForURL(/\/school\/sch470109$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Сосновская СОШ');
    const school = SCHOOLS.find((s) => s.login === 'sch470109')!;
    // The demo: Сосновская СОШ has 22 participants and no «2»; the district 79 of 746 (10,59 %).
    expect(vprMarks(school, 2026, 5, 'MA')).toMatchObject({ participants: 22, n2: 0 });
    const row = '#school-latest tr[data-key="ВПР|Математика|5"]';
    expect(await cellText(`${row} [data-col="participants"]`)).toBe('22');
    expect(await cellText(`${row} [data-col="key"]`)).toBe('0,0 % (0)');
    expect(await cellText(`${row} [data-col="district_key"]`)).toBe('10,6 % (n = 746)');
    await page.screenshot({ path: join(SCREENSHOTS, 'school.png'), fullPage: true });
  });

  it('has its own URL that opens directly, and an unknown school gets a Russian message', async () => {
    await page.goto(
      `${server.url}/school/sch470110?result=${encodeURIComponent('ВПР|Русский язык|4')}`,
    );
    await page.locator('#school-history tbody tr').first().waitFor();
    expect(await page.locator('#school-history tbody tr').count()).toBe(5);
    await page.goto(`${server.url}/school/sch000000`);
    await expect(page.locator('[role="alert"]').innerText()).resolves.toContain(
      'Школа с кодом «sch000000» не найдена в реестре.',
    );
  });
});
