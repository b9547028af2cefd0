/**
 * npm run bench:scale -- [--schools N] [--years Y]: the import at scale. Writes a synthetic
 * country (data/generator/synthetic.ts), loads its registry, then times the product's import
 * of the latest year's task results next to DuckDB's own read_csv → CREATE TABLE on the same
 * file, and the model rebuild after it. Prints a Markdown table and writes it, with the JSON,
 * to test-results/bench/. Timings are reported, never asserted.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Store } from '../../analytics/db.ts';
import { buildModels } from '../../analytics/models.ts';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { importPaths } from '../../ingest/import.ts';
import { OUTCOME_TITLES } from '../../ingest/outcomes.ts';
import { ensureSchema } from '../../ingest/schema.ts';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '2000' },
    years: { type: 'string', default: '1' },
  },
});
const schools = Number(values.schools);
const years = Number(values.years);

const seconds = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
};
const fmt = (s: number) => s.toFixed(2).replace('.', ',');

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const dir = mkdtempSync(join(tmpdir(), 'mko-scale-'));
try {
  const [files, generated] = await seconds(async () => writeSynthetic(dir, { schools, years }));
  const latest = files.tasks.at(-1)!;
  const store = await Store.open(join(dir, 'store.duckdb'));
  await ensureSchema(store);
  await importPaths(store, [files.registry]);
  const [[report], imported] = await seconds(() =>
    importPaths(store, [latest.path], { maxBytes: 4 * 1024 ** 3 }),
  );
  const [, rebuilt] = await seconds(() => buildModels(store));
  const [, duckdb] = await seconds(() =>
    store.run(
      `CREATE TABLE bench_read_csv AS SELECT * FROM read_csv($path, delim = ';', header = true, decimal_separator = ',')`,
      { path: latest.path },
    ),
  );
  store.close();
  const result = {
    machine: { cores: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3) },
    schools,
    years,
    taskRows: latest.rows,
    fileMb: statSync(latest.path).size / 1024 ** 2,
    generatedS: generated,
    importS: imported,
    importOutcome: OUTCOME_TITLES[report!.outcome],
    readCsvS: duckdb,
    ratio: imported / duckdb,
    rebuildS: rebuilt,
    peakRssMb: peakRss / 1024 ** 2,
    storeMb: statSync(join(dir, 'store.duckdb')).size / 1024 ** 2,
  };
  const table = [
    `Машина: ${result.machine.cores} ядра, ${result.machine.memoryGb} ГБ. Школ: ${schools}, строк заданий за год: ${latest.rows.toLocaleString('ru-RU')} (${fmt(result.fileMb)} МБ CSV).`,
    '',
    '| что | время, с |',
    '| --- | ---: |',
    `| импорт одного года через продукт (${result.importOutcome}) | ${fmt(imported)} |`,
    `| DuckDB read_csv → CREATE TABLE, тот же файл | ${fmt(duckdb)} |`,
    `| отношение (цель ≤ 2) | ${fmt(result.ratio)} |`,
    `| перестройка моделей после импорта | ${fmt(rebuilt)} |`,
    '',
    `Пик памяти процесса: ${Math.round(result.peakRssMb)} МБ; хранилище: ${fmt(result.storeMb)} МБ.`,
  ].join('\n');
  console.log(table);
  const out = join(import.meta.dirname, '..', '..', 'test-results', 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'scale.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(join(out, 'scale.md'), table + '\n');
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
