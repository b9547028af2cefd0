/**
 * The product at scale: a synthetic country (data/generator/synthetic.ts) loaded and served.
 * For each size it writes the files, loads every year but the last, then measures
 * - the import of the last year's ВПР task results through the product (import only), next to
 *   DuckDB's own read_csv → CREATE TABLE of the same file in a DuckDB file on the same disk, and
 *   their ratio (the same read into an in-memory temp table is reported too);
 * - the model rebuild after that import;
 * - API latency over HTTP against the running server (after warm-up): p50, p95 and max;
 * - the server's peak memory (VmHWM of its processes) and the store's size on disk.
 * Timings are reported, never asserted.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Store } from '../../analytics/db.ts';
import { writeSynthetic, syntheticLogin } from '../../data/generator/synthetic.ts';
import { importPaths } from '../../ingest/import.ts';
import { startServer } from '../e2e/server.ts';

export interface ScaleSize {
  label: string;
  schools: number;
  years: number;
}

export const SIZES = {
  district: { label: 'муниципалитет', schools: 30, years: 5 },
  national: { label: 'страна', schools: 40_000, years: 5 },
} satisfies Record<string, ScaleSize>;

export interface Latency {
  title: string;
  path: string;
  p50: number;
  p95: number;
  max: number;
  /** bytes of the answer */
  bytes: number;
}

export interface ScaleResult extends ScaleSize {
  taskRows: number;
  totalTaskRows: number;
  fileMb: number;
  generateS: number;
  historyS: number;
  importS: number;
  readCsvS: number;
  readCsvTempS: number;
  ratio: number;
  rebuildS: number;
  /** `npm run export` of one school's flags on the up-to-date store, as a whole process */
  exportCommandS: number;
  latency: Latency[];
  serverPeakRssMb: number;
  storeMb: number;
}

const seconds = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, (performance.now() - start) / 1000];
};

/** The API calls behind the views a user opens, with the parameters the views send. */
function endpoints(year: number): { title: string; path: string }[] {
  const school = syntheticLogin(0);
  const selection = `year=${year}&procedure=ВПР&subject=Математика&grade=5`;
  const page = (rows: number, offset: number) => `limit=${rows}&offset=${offset}`;
  const math5 = 'indicator=vpr_dolya2&topic=Математика&grade=5';
  const series = `year_b=${year}&${math5}`;
  const gridSeries = `year=${year}&${math5}`;
  return [
    // the view's first request: up to 1 000 schools (all of a district; a country's are paged)
    {
      title: 'район: школы, первая 1 000',
      path: `/api/district/results?${selection}&${page(1000, 0)}&sort=key&dir=desc`,
    },
    {
      title: 'район: страница таблицы',
      path: `/api/district/results?${selection}&${page(100, 100)}&sort=avg_mark&dir=asc`,
    },
    {
      title: 'район: поиск в таблице',
      path: `/api/district/results?${selection}&${page(100, 0)}&sort=key&dir=desc&q=${encodeURIComponent('школа № 12')}`,
    },
    { title: 'район: распределение школ', path: `/api/district/distribution?${selection}` },
    { title: 'район: обзор и кластеры', path: `/api/district/overview?year=${year}` },
    { title: 'страница школы', path: `/api/schools/${school}` },
    { title: 'список школ, первая 1 000', path: `/api/schools?${page(1000, 0)}&dir=asc` },
    { title: 'список школ: страница', path: `/api/schools?${page(100, 100)}&sort=login` },
    {
      title: 'ФГ, первая 1 000 школ',
      path: `/api/fg?year=${year}&${page(1000, 0)}&sort=contribution`,
    },
    {
      title: 'ФГ: страница школ',
      path: `/api/fg/schools?year=${year}&direction=${encodeURIComponent('Читательская грамотность')}&${page(100, 100)}&sort=school&dir=asc`,
    },
    { title: 'флаги риска: страница', path: `/api/flags?year=${year}&${page(100, 0)}&sort=school` },
    {
      title: 'сравнение лет, первая 1 000',
      path: `/api/compare?year_a=${year - 1}&${series}&${page(1000, 0)}`,
    },
    {
      title: 'сравнение лет: страница школ',
      path: `/api/compare/schools?year_a=${year - 1}&${series}&${page(100, 100)}&sort=z&dir=desc`,
    },
    { title: 'сравнение лет: сетка', path: `/api/compare/grid?${gridSeries}&${page(1000, 0)}` },
  ];
}

async function measure(
  url: string,
  path: string,
  samples: number,
): Promise<Omit<Latency, 'title'>> {
  const get = async () => {
    const response = await fetch(url + path);
    const body = await response.arrayBuffer();
    if (!response.ok)
      throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`);
    return body.byteLength;
  };
  let bytes = 0;
  for (let i = 0; i < 2; i++) bytes = await get();
  // Slow answers get fewer samples (at least five), so a national run stays within minutes.
  const times: number[] = [];
  const start = performance.now();
  while (times.length < samples && (times.length < 5 || performance.now() - start < 15_000))
    times.push((await seconds(get))[1] * 1000);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { path, p50: at(0.5), p95: at(0.95), max: times.at(-1)!, bytes };
}

/** Peak resident memory of a process and its descendants (tsx runs the server in a child). */
function peakRssMb(pid: number): number {
  const children = (id: number): number[] =>
    readdirSync(`/proc/${id}/task`).flatMap((task) =>
      readFileSync(`/proc/${id}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  const tree = (id: number): number[] => [id, ...children(id).flatMap(tree)];
  return tree(pid).reduce((sum, id) => {
    const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'));
    return sum + (line ? Number(line[1]) / 1024 : 0);
  }, 0);
}

const storeSizeMb = (path: string) =>
  [path, `${path}.wal`].reduce(
    (sum, p) => sum + (statSync(p, { throwIfNoEntry: false })?.size ?? 0),
    0,
  ) /
  1024 ** 2;

const number = (value: number, digits = 1) =>
  value.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function runScale(
  size: ScaleSize,
  dir: string,
  options: { samples?: number; log?: (line: string) => void } = {},
): Promise<ScaleResult> {
  const log = options.log ?? (() => {});
  const [files, generateS] = await seconds(() => writeSynthetic(join(dir, 'files'), size));
  log(`${size.label}: файлы записаны за ${number(generateS)} с`);
  const last = files.years.at(-1)!;
  const storePath = join(dir, 'store.duckdb');
  const store = await Store.open(storePath);
  let importS = 0;
  let rebuildS = 0;
  let readCsvS = 0;
  let readCsvTempS = 0;
  let historyS = 0;
  try {
    const earlier = files.years.slice(0, -1).flatMap((y) => [y.tasks.path, y.marks, y.fg]);
    [, historyS] = await seconds(() =>
      importPaths(store, [files.registry, ...earlier, last.marks, last.fg], { maxRows: 1_000_000 }),
    );
    log(`${size.label}: прошлые годы загружены за ${number(historyS)} с`);
    const start = performance.now();
    let imported = start;
    const [report] = await importPaths(store, [last.tasks.path], {}, () => {
      imported = performance.now();
    });
    if (report!.outcome !== 'loaded') throw new Error(`Импорт не прошёл: ${report!.outcome}`);
    importS = (imported - start) / 1000;
    rebuildS = (performance.now() - imported) / 1000;
    const readCsv = (table: string) =>
      seconds(() =>
        store.run(
          `CREATE ${table} AS SELECT * FROM read_csv($path, delim = ';', header = true, decimal_separator = ',')`,
          { path: last.tasks.path },
        ),
      ).then(([, s]) => s);
    // The product writes into a store file, so the ratio's DuckDB does too: into a file of its
    // own on the same disk, which then goes (a table dropped from the store would leave its space).
    const file = join(dir, 'read_csv.duckdb');
    await store.run(`ATTACH '${file.replaceAll("'", "''")}' AS bench_file`);
    readCsvS = await readCsv('TABLE bench_file.main.bench_read_csv');
    await store.run('DETACH bench_file');
    rmSync(file);
    readCsvTempS = await readCsv('TEMP TABLE bench_read_csv');
    log(`${size.label}: импорт года ${number(importS)} с, read_csv ${number(readCsvS)} с`);
  } finally {
    store.close();
  }
  const [, exportCommandS] = await seconds(() => exportCommand(storePath, last.year, dir));
  log(`${size.label}: выгрузка из командной строки ${number(exportCommandS)} с`);
  const server = await startServer(undefined, { DB_PATH: storePath });
  let latency: Latency[];
  let serverPeakRssMb: number;
  try {
    latency = [];
    for (const endpoint of endpoints(last.year))
      latency.push({
        title: endpoint.title,
        ...(await measure(server.url, endpoint.path, options.samples ?? 20)),
      });
    serverPeakRssMb = peakRssMb(server.process.pid!);
  } finally {
    await server.stop();
  }
  return {
    ...size,
    taskRows: last.tasks.rows,
    totalTaskRows: files.years.reduce((sum, y) => sum + y.tasks.rows, 0),
    fileMb: statSync(last.tasks.path).size / 1024 ** 2,
    generateS,
    historyS,
    importS,
    readCsvS,
    readCsvTempS,
    ratio: importS / readCsvS,
    rebuildS,
    exportCommandS,
    latency,
    serverPeakRssMb,
    storeMb: storeSizeMb(storePath),
  };
}

/**
 * A read-only command on an up-to-date store: it must not rebuild the models (a minute at a
 * country's size), so it takes the time of starting Node and one query.
 */
function exportCommand(storePath: string, year: number, dir: string): void {
  const args = ['--import', 'tsx', 'cli/export.ts', 'flags', '--year', String(year)];
  const out = join(dir, 'flags.csv');
  const run = spawnSync(process.execPath, [...args, '--school', syntheticLogin(0), '--out', out], {
    env: { ...process.env, DB_PATH: storePath },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run export: ${run.stderr}`);
}

/** Removes a size's files and store. */
export const cleanUp = (dir: string) => rmSync(dir, { recursive: true, force: true });

const ms = (value: number) => `${Math.round(value).toLocaleString('ru-RU')}`;

/** The results of every size as one Markdown section: the machine, then a table per topic. */
export function scaleMarkdown(
  results: ScaleResult[],
  machine: { cores: number; memoryGb: number; cpu: string },
): string {
  const head = (cells: string[]) => [
    `| ${cells.join(' | ')} |`,
    `| ${cells.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`,
  ];
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const sizes = results.map(
    (r) => `${r.label} (${r.schools.toLocaleString('ru-RU')} ОО, ${r.years} лет)`,
  );
  const lines = [
    `Машина: ${machine.cpu}, ${machine.cores} ядра, ${machine.memoryGb} ГБ памяти.`,
    '',
    ...head(['', ...sizes]),
    row(['строк заданий ВПР за год', ...results.map((r) => r.taskRows.toLocaleString('ru-RU'))]),
    row([
      'строк заданий ВПР за все годы',
      ...results.map((r) => r.totalTaskRows.toLocaleString('ru-RU')),
    ]),
    row(['файл заданий за год, МБ', ...results.map((r) => number(r.fileMb))]),
    row(['запись файлов генератором, с', ...results.map((r) => number(r.generateS))]),
    row(['загрузка прошлых лет, отметок и ФГ, с', ...results.map((r) => number(r.historyS))]),
    row([
      '**импорт заданий за год через продукт, с**',
      ...results.map((r) => number(r.importS, 2)),
    ]),
    row([
      'DuckDB read_csv → CREATE TABLE в файле на том же диске, тот же файл, с',
      ...results.map((r) => number(r.readCsvS, 2)),
    ]),
    row([
      'то же во временную таблицу в памяти, с',
      ...results.map((r) => number(r.readCsvTempS, 2)),
    ]),
    row(['**отношение (цель ≤ 2)**', ...results.map((r) => number(r.ratio))]),
    row(['**перестройка моделей после импорта, с**', ...results.map((r) => number(r.rebuildS, 2))]),
    row([
      'выгрузка `npm run export` на актуальном хранилище, с',
      ...results.map((r) => number(r.exportCommandS, 2)),
    ]),
    row([
      '**пик памяти сервера, МБ (цель < 4 096)**',
      ...results.map((r) => ms(r.serverPeakRssMb)),
    ]),
    row(['хранилище на диске, МБ', ...results.map((r) => number(r.storeMb))]),
    '',
    'Задержка API по HTTP после прогрева, мс: p50 / p95 / макс (цель p95: муниципалитет < 50, страна < 300).',
    '',
    ...head(['запрос', ...sizes]),
    ...results[0]!.latency.map((l, i) =>
      row([
        l.title,
        ...results.map((r) => {
          const x = r.latency[i]!;
          return `${ms(x.p50)} / **${ms(x.p95)}** / ${ms(x.max)} (${number(x.bytes / 1024, 0)} КБ)`;
        }),
      ]),
    ),
  ];
  return lines.join('\n');
}
