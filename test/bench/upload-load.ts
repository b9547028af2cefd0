/**
 * npm run bench:upload: how the server answers the district page while it imports.
 * 20 readers ask for the district page's data (overview and one results table) in a loop:
 * first with the server idle, then during the upload of a 300 000-row ВПР task CSV (DuckDB's
 * bulk path), then during a 180 000 × 20 XLSX (read and checked in the file worker). Prints,
 * per phase, the requests answered, their median, p95 and slowest time, the p95 against idle,
 * and how long each upload took; writes test-results/bench/upload.{md,json}. Nothing is
 * asserted (speed is never a unit test); the issue's bar is p95 within 2× of idle.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../analytics/db.ts';
import { prepareStore } from '../../dashboard/server/bootstrap.ts';
import type { FileReport } from '../../contract/imports/report.ts';
import { writeSynthetic } from '../../data/generator/synthetic.ts';
import { formatDecimal } from '../../contract/format.ts';
import { csrfHeader, startServer } from '../e2e/server.ts';
import { writeWideXlsx } from '../helpers/wide-xlsx.ts';

const READERS = 20;
const IDLE_MS = 20_000;
const PATHS = [
  '/api/district/overview?year=2026',
  '/api/district/results?year=2026&procedure=ВПР&subject=Математика&grade=5',
];

interface Phase {
  phase: string;
  requests: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  uploadMs?: number;
  outcome?: string;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Readers in a loop until `until` settles; the time of every answer. */
async function read(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  const reader = async (k: number) => {
    for (let i = k; !done; i++) {
      const started = performance.now();
      await (await fetch(`${url}${PATHS[i % PATHS.length]}`)).arrayBuffer();
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: READERS }, (_, k) => reader(k)));
  return times;
}

async function measure(url: string, phase: string, work: () => Promise<unknown>): Promise<Phase> {
  const started = performance.now();
  const working = work();
  const times = (await read(url, working)).sort((a, b) => a - b);
  const result = await working;
  return {
    phase,
    requests: times.length,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times.at(-1)!,
    ...(typeof result === 'object' && result
      ? { uploadMs: performance.now() - started, outcome: outcomeOf(result) }
      : {}),
  };
}

/** The report's outcome, or the server's refusal (a benchmark that loaded nothing says so). */
const outcomeOf = (result: object) =>
  'outcome' in result ? (result as FileReport).outcome : `ошибка: ${JSON.stringify(result)}`;

const upload = async (url: string, path: string, name: string) =>
  fetch(`${url}/api/import?createSchools=true&replace=true`, {
    method: 'POST',
    headers: {
      ...(await csrfHeader(url)),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body: readFileSync(path),
  }).then((r) => r.json() as Promise<FileReport>);

function markdown(phases: Phase[]): string {
  const idle = phases[0]!.p95Ms;
  const ms = (value: number | undefined) =>
    value === undefined ? '—' : `${formatDecimal(value, 0)} мс`;
  const lines = [
    `Машина: ${cpus().length} ядра, ${cpus()[0]?.model.trim() ?? ''}; ${READERS} читателей.`,
    '',
    '| фаза | запросов | медиана | p95 | p95 к простою | самый долгий | загрузка файла |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...phases.map(
      (p) =>
        `| ${p.phase} | ${p.requests} | ${ms(p.medianMs)} | ${ms(p.p95Ms)} | ${formatDecimal(p.p95Ms / idle, 2)} | ${ms(p.maxMs)} | ${p.uploadMs === undefined ? '—' : `${ms(p.uploadMs)} (${p.outcome})`} |`,
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mko-bench-upload-'));
  try {
    const template = join(dir, 'demo.duckdb');
    const store = await Store.open(template);
    await prepareStore(store, () => {});
    store.close();
    const csv = writeSynthetic(join(dir, 'csv'), { schools: 2_000, years: 1 }).years[0]!.tasks;
    const xlsx = await writeWideXlsx(join(dir, 'xlsx'), 180_000);
    console.log(`Файлы готовы: CSV ${csv.rows} строк, XLSX ${xlsx.rows} строк × 20 столбцов.`);
    const server = await startServer(template);
    try {
      const phases = [
        await measure(server.url, 'простой', () => new Promise((r) => setTimeout(r, IDLE_MS))),
        await measure(server.url, `CSV ${csv.rows} строк`, () =>
          upload(server.url, csv.path, 'задания.csv'),
        ),
        await measure(server.url, `XLSX ${xlsx.rows} × 20`, () =>
          upload(server.url, xlsx.path, 'задания.xlsx'),
        ),
      ];
      const table = markdown(phases);
      console.log('\n' + table);
      const out = join(import.meta.dirname, '..', '..', 'test-results', 'bench');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'upload.json'), JSON.stringify(phases, null, 2) + '\n');
      writeFileSync(join(out, 'upload.md'), table + '\n');
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
