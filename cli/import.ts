/**
 * npm run import -- <files or folders...> [--dry-run] [--replace] [--year 2023/24] [--basis "…"]
 * Imports into the store directly when no process holds it, or through the running server.
 * Exit code 0 when every file was accepted, 1 when any was rejected.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Store, StoreLockedError } from '../analytics/db.ts';
import {
  DEFAULT_MAX_BYTES,
  collectFiles,
  fileWorker,
  importPaths,
  importRank,
} from '../ingest/import.ts';
import { bulkCandidate } from '../ingest/bulk/import-bulk.ts';
import { BULK_FORMATS } from '../ingest/bulk/bulk-sql.ts';
import { formatDecimal } from '../ingest/values.ts';
import { recognise, type ImportOptions } from '../ingest/import-rows.ts';
import { type FileReport } from '../contract/imports/report.ts';
import { OUTCOME_TITLES } from '../contract/imports/outcomes.ts';
import { describeProblem } from '../contract/imports/problems.ts';
import { readSourceFile } from '../ingest/read/read-file.ts';
import { datasetTitle } from '../ingest/datasets.ts';
import { memoryLimit, storePath, serverUrl } from '../dashboard/server/config.ts';
import { runCli } from './run.ts';
import { recordCli } from '../dashboard/server/auth/cli-audit.ts';
import { importEvent } from '../dashboard/server/auth/audit.ts';
import { serverHeaders } from './server-session.ts';
import { terminalProgress } from '../contract/imports/progress-bar.ts';
import type { ImportQuery } from '../contract/api/import-types.ts';

const USAGE = `Использование: npm run import -- <файлы или папки...> [--dry-run] [--replace] [--create-schools] [--year 2023/24] [--basis "…"]
  --dry-run         только проверить файлы и показать, что изменится; ничего не записывать
  --replace         заменить ранее загруженные данные за те же годы, предметы, классы и школы
  --create-schools  добавить в реестр школы из файла, которых в нём нет (вместо ошибки)
  --year 2023/24    учебный год списка кластеров без столбца «Учебный год» или дорожной карты
  --basis "…"       основание списка кластеров, например "распоряжение КО от 19.10.2023 № 356"`;

const progress = terminalProgress();

function printReport(report: FileReport, index: number, total: number): void {
  progress.clear();
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  console.log(
    `[${index + 1}/${total}] ${report.file}: ${OUTCOME_TITLES[report.outcome]}${report.format ? ` — ${report.format}` : ''}, строк: ${report.rows}`,
  );
  if (report.summary) console.log(`    ${report.summary}`);
  for (const p of errors) console.log(`    ошибка: ${describeProblem(p)}`);
  if (report.moreProblems > 0) console.log(`    … и ещё ${report.moreProblems} замечаний`);
  if (warnings.length > 0)
    console.log(
      `    предупреждений: ${warnings.length} (например: ${describeProblem(warnings[0]!)})`,
    );
}

function printSummary(reports: FileReport[]): void {
  const rows = reports.map((r) => [
    r.file,
    r.dataset ? datasetTitle(r.dataset) : '—',
    String(r.rows),
    OUTCOME_TITLES[r.outcome],
  ]);
  const header = ['Файл', 'Набор данных', 'Строк', 'Итог'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log('\n' + line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  const rejected = reports.filter((r) => r.outcome === 'rejected').length;
  console.log(`\nФайлов: ${reports.length}, отклонено: ${rejected}.`);
}

/**
 * The server refuses uploads over DEFAULT_MAX_BYTES: such files are not sent, and the message
 * says what loads them (the command line without the server reads large CSV files of the bulk
 * templates directly, with no size limit) or that they must be split.
 */
function refuseOversized(files: readonly string[]): void {
  const limit = Math.round(DEFAULT_MAX_BYTES / 1048576);
  const refusals = files
    .filter((path) => statSync(path).size > DEFAULT_MAX_BYTES)
    .map((path) => {
      const start = `Файл «${basename(path)}» (${formatDecimal(statSync(path).size / 1048576, 1)} МБ) больше предела загрузки через сервер — ${limit} МБ, и не отправлен.`;
      return bulkCandidate(path, 0, [])
        ? `${start} Остановите сервер (Ctrl+C в окне npm start) и повторите команду: без сервера командная строка загружает такой CSV напрямую, без предела размера. Или разделите файл на части до ${limit} МБ.`
        : `${start} Разделите его на части до ${limit} МБ: без сервера предел тот же — больше ${limit} МБ командная строка загружает только CSV в кодировке UTF-8 по шаблонам ${BULK_FORMATS.map((f) => `«${f.title}»`).join(' и ')}.`;
    });
  if (refusals.length > 0) throw new Error(refusals.join('\n'));
}

/** The server's refusal of a whole upload (413, 400…) as one Russian sentence. */
async function serverRefusal(response: Response, name: string): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return new Error(
    `Сервер не принял файл «${name}» (ответ ${response.status}): ${body?.error ?? response.statusText}`,
  );
}

async function viaServer(paths: string[], options: ImportOptions): Promise<FileReport[]> {
  refuseOversized(collectFiles(paths));
  const files = await referenceFirst(collectFiles(paths));
  const session = await serverHeaders(serverUrl());
  const reports: FileReport[] = [];
  for (const [index, path] of files.entries()) {
    const query = new URLSearchParams(importQuery(options));
    const response = await fetch(`${serverUrl()}/api/import?${query}`, {
      method: 'POST',
      headers: {
        ...session,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(basename(path)),
      },
      body: readFileSync(path),
    }).catch(() => {
      throw new Error(
        `Сервер ${serverUrl()} прервал соединение, не ответив на загрузку файла «${basename(path)}»: проверьте, работает ли он (npm start), и загрузите файл снова.`,
      );
    });
    if (!response.ok) throw await serverRefusal(response, basename(path));
    const report = (await response.json()) as FileReport;
    reports.push(report);
    printReport(report, index, files.length);
  }
  return reports;
}

/** The upload's query (contract/api/import-types.ts) for the same options. */
function importQuery(options: ImportOptions): Record<string, string> {
  const query: ImportQuery = {
    dryRun: String(Boolean(options.dryRun)),
    replace: String(Boolean(options.replace)),
    createSchools: String(Boolean(options.createSchools)),
    ...(options.year && { year: options.year }),
    ...(options.basis && { basis: options.basis }),
  };
  return { ...query };
}

/** Registry and scale files first, as importPaths orders them, so later files can use them. */
async function referenceFirst(files: string[]): Promise<string[]> {
  const ranked = await Promise.all(
    files.map(async (path) => {
      const source = await readSourceFile(basename(path), readFileSync(path)).catch(
        () => undefined,
      );
      return { path, rank: source ? importRank(recognise(source)?.format.dataset) : 2 };
    }),
  );
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.path);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      replace: { type: 'boolean' },
      'create-schools': { type: 'boolean' },
      year: { type: 'string' },
      basis: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const options: ImportOptions = {
    dryRun: values['dry-run'],
    replace: values.replace,
    createSchools: values['create-schools'],
    year: values.year,
    basis: values.basis,
    user: process.env.USER ?? 'cli',
    onProgress: progress.onProgress,
  };
  let reports: FileReport[];
  try {
    const store = await Store.open(storePath(), { memoryLimit: memoryLimit() });
    try {
      reports = await importPaths(store, positionals, options, printReport);
    } finally {
      store.close();
      await fileWorker.close(); // the command ends with its worker, not a moment before it
    }
    // Through the server, the server writes the audit entries itself.
    for (const event of reports.map(importEvent))
      recordCli(event.action, event.detail, event.outcome);
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    console.log(`Хранилище занято работающим сервером — загружаю через ${serverUrl()}`);
    reports = await viaServer(positionals, options);
  }
  printSummary(reports);
  return reports.some((r) => r.outcome === 'rejected') ? 1 : 0;
}

await runCli(main);
