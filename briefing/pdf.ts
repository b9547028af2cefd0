/**
 * PDF of a briefing, printed by Chromium from its print page: A4, the running head at the top
 * (none on an official draft) and «Стр. N из M» at the bottom of every page, no browser header
 * or footer. One browser serves a whole batch.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { chromiumMissing, chromiumPath } from './chromium.ts';
import type { Briefing } from './document.ts';
import { briefingHtml, escape } from './html.ts';

export class PdfUnavailableError extends Error {}

const headerTemplate = (runningHead: string) =>
  `<div style="font: 8pt 'Liberation Sans', Arial, sans-serif; color: #555; width: 100%; text-align: right; padding: 0 15mm 0 25mm;">${escape(runningHead)}</div>`;

const FOOTER_TEMPLATE = `<div style="font: 9pt 'Liberation Serif', 'Times New Roman', serif; width: 100%; text-align: center;">Стр. <span class="pageNumber"></span> из <span class="totalPages"></span></div>`;

export class PdfPrinter {
  private constructor(private readonly browser: Browser) {}

  static async open(): Promise<PdfPrinter> {
    const path = chromiumPath();
    if (!existsSync(path)) throw new PdfUnavailableError(chromiumMissing(path));
    const browser = await chromium
      .launch({
        executablePath: path,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      })
      .catch((error: unknown) => {
        // A broken or foreign file at the path: its first line, not Playwright's whole log.
        const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
        throw new PdfUnavailableError(
          `Для PDF нужен браузер Chromium, но ${path} не запустился (${reason}). Переустановите его: от root выполните npm run provision, либо укажите другой путь в переменной CHROMIUM_PATH. Справка в DOCX формируется и без него.`,
        );
      });
    return new PdfPrinter(browser);
  }

  async print(briefing: Briefing): Promise<Buffer> {
    const page = await this.browser.newPage();
    try {
      await page.setContent(briefingHtml(briefing), { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: briefing.official ? '<span></span>' : headerTemplate(briefing.runningHead),
        footerTemplate: FOOTER_TEMPLATE,
        tagged: true,
        outline: true,
      });
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
