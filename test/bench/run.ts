/**
 * npm run bench: how fast the dashboard is on the demo store, measured in a real browser.
 * - the district page, from navigation until the school table and the clusters are drawn
 *   (cold first load, then warm loads: median and worst);
 * - the API calls behind it;
 * - the JavaScript the browser must load first, gzipped (index.html's scripts and preloads);
 * - the briefings over HTTP: the district's DOCX and PDF (median of three), and the batch of
 *   the district and every school as one ZIP of PDFs.
 * Prints a table; nothing is asserted (speed is never a unit test).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Store } from '../../analytics/db.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';
import { distDir } from '../../dashboard/server/config.ts';
import { launchBrowser, startServer } from '../e2e/server.ts';
import { pluralRu } from '../../contract/format.ts';

const WARM_LOADS = 10;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} мс`;

function initialScriptsGzip(dist: string): { files: number; bytes: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = assets.reduce(
    (sum, asset) => sum + gzipSync(readFileSync(join(dist, asset)), { level: 9 }).length,
    0,
  );
  return { files: assets.length, bytes };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mko-bench-'));
  const template = join(dir, 'demo.duckdb');
  let started = Date.now();
  const store = await Store.open(template);
  await prepareStore(store, () => {});
  store.close();
  console.log(`Демонстрационное хранилище готово за ${ms(Date.now() - started)}.`);

  const server = await startServer(template);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
    const url = `${server.url}/?year=2026&procedure=ВПР&subject=Математика&grade=5`;
    const loadDistrict = async () => {
      started = Date.now();
      await page.goto(url);
      await page.locator('#district-schools tbody tr').first().waitFor();
      await page.locator('.cluster-card').first().waitFor();
      await page.locator('figure.chart svg').first().waitFor();
      return Date.now() - started;
    };
    const cold = await loadDistrict();
    const warm: number[] = [];
    for (let i = 0; i < WARM_LOADS; i++) warm.push(await loadDistrict());

    const api: [string, number][] = [];
    for (const path of [
      '/api/district/filters',
      '/api/district/overview?year=2026',
      '/api/district/results?year=2026&procedure=ВПР&subject=Математика&grade=5',
    ]) {
      const times: number[] = [];
      for (let i = 0; i < WARM_LOADS; i++) {
        started = Date.now();
        await (await fetch(`${server.url}${path}`)).arrayBuffer();
        times.push(Date.now() - started);
      }
      api.push([path, median(times)]);
    }
    const js = initialScriptsGzip(distDir());

    const briefings: [string, number][] = [];
    for (const [label, path, times] of [
      ['справка по району, DOCX', '/api/briefings/file?year=2026&format=docx', 3],
      ['справка по району, PDF', '/api/briefings/file?year=2026&format=pdf', 3],
      ['пакет: район и все школы, PDF в ZIP', '/api/briefings/batch?year=2026&format=pdf', 1],
    ] as const) {
      const runs: number[] = [];
      for (let i = 0; i < times; i++) {
        started = Date.now();
        const response = await fetch(`${server.url}${path}`);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        runs.push(Date.now() - started);
      }
      briefings.push([label, median(runs)]);
    }

    console.log('\nСтраница «Район» (Chromium, 1366×768, демонстрационный район):');
    console.log(`  первая загрузка:                 ${ms(cold)}`);
    console.log(`  повторная, медиана из ${WARM_LOADS}:        ${ms(median(warm))}`);
    console.log(`  повторная, худшая:               ${ms(Math.max(...warm))}`);
    console.log(
      `  цель: меньше 1 000 мс — ${Math.max(cold, ...warm) < 1000 ? 'выполнена' : 'НЕ выполнена'}`,
    );
    console.log('\nЗапросы API (медиана):');
    for (const [path, time] of api) console.log(`  ${ms(time).padStart(7)}  ${path}`);
    console.log('\nНачальный JavaScript (сжатый gzip):');
    console.log(
      `  ${(js.bytes / 1024).toFixed(1).replace('.', ',')} КБ в ${js.files} ${pluralRu(js.files, ['файле', 'файлах', 'файлах'])}; цель: меньше 250 КБ — ${js.bytes < 250 * 1024 ? 'выполнена' : 'НЕ выполнена'}`,
    );
    console.log('\nСправки (запрос к серверу до последнего байта файла; цель — меньше минуты):');
    for (const [label, time] of briefings) console.log(`  ${ms(time).padStart(9)}  ${label}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
