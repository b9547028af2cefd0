/**
 * Tables of more than a page (100 rows) draw one page at a time: these helpers read all of
 * their rows the way a user does, page by page through the pager.
 */
import type { Page } from 'playwright-core';

/** «Строк: 1 234» (or «Найдено: 12 из 1 234») of the table block `table`: its rows on all pages. */
export async function tableRowCount(page: Page, table: string): Promise<number> {
  const count = await page.locator(`${table} .table-count`).innerText();
  const found = /^(?:Строк|Найдено): ([\d\s]+)/.exec(count);
  if (!found) throw new Error(`Нет числа строк в «${count}»`);
  return Number(found[1]!.replace(/\s/g, ''));
}

/**
 * The keys (data-key) of the body rows of the table block `table` on every page, in order;
 * `visit` is called on each page with its keys. Starts at the first page and returns to it.
 */
export async function keysOnAllPages(
  page: Page,
  table: string,
  visit?: (keys: string[]) => Promise<void>,
): Promise<string[]> {
  const pager = page.locator(table).getByRole('navigation', { name: 'Страницы таблицы' });
  const button = (name: string) => pager.getByRole('button', { name, exact: true });
  const paged = (await pager.count()) > 0;
  if (paged && (await button('Первая').isEnabled())) await button('Первая').click();
  const keys: string[] = [];
  for (;;) {
    const shown = await page
      .locator(`${table} tbody tr[data-key]`)
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
    await visit?.(shown);
    keys.push(...shown);
    if (!paged || (await button('Вперёд ›').isDisabled())) break;
    const range = await pager.locator('.pager-range').innerText();
    await button('Вперёд ›').click();
    await pager.locator('.pager-range', { hasNotText: range }).waitFor();
  }
  if (paged && (await button('Первая').isEnabled())) await button('Первая').click();
  return keys;
}
