/**
 * npm run import -- <files or folders...> [--dry-run] [--replace]
 * Imports into the store directly when no process holds it, or through the running server.
 * Exit code 0 when every file was accepted, 1 when any was rejected.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Store, StoreLockedError } from '../analytics/db.ts';
import {
  collectFiles,
  importPaths,
  OUTCOME_TITLES,
  type FileReport,
  type ImportOptions,
} from './import.ts';
import { describeProblem } from './problems.ts';
import { storePath, serverUrl } from '../dashboard/server/config.ts';

const USAGE = `Использование: npm run import -- <файлы или папки...> [--dry-run] [--replace]
  --dry-run   только проверить файлы, ничего не записывать
  --replace   заменить ранее загруженные данные за те же годы, предметы и классы`;

function printReport(report: FileReport, index: number, total: number): void {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  console.log(
    `[${index + 1}/${total}] ${report.file}: ${OUTCOME_TITLES[report.outcome]}${report.format ? ` — ${report.format}` : ''}, строк: ${report.rows}`,
  );
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
    r.dataset ?? '—',
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

async function viaServer(paths: string[], options: ImportOptions): Promise<FileReport[]> {
  const files = collectFiles(paths);
  const reports: FileReport[] = [];
  for (const [index, path] of files.entries()) {
    const query = new URLSearchParams({
      dryRun: String(Boolean(options.dryRun)),
      replace: String(Boolean(options.replace)),
    });
    const response = await fetch(`${serverUrl()}/api/import?${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(basename(path)),
      },
      body: readFileSync(path),
    });
    if (!response.ok)
      throw new Error(`Сервер ответил ${response.status}: ${await response.text()}`);
    const report = (await response.json()) as FileReport;
    reports.push(report);
    printReport(report, index, files.length);
  }
  return reports;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      replace: { type: 'boolean' },
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
    user: process.env.USER ?? 'cli',
  };
  let reports: FileReport[];
  try {
    const store = await Store.open(storePath());
    try {
      reports = await importPaths(store, positionals, options, printReport);
    } finally {
      store.close();
    }
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    console.log(`Хранилище занято работающим сервером — загружаю через ${serverUrl()}`);
    reports = await viaServer(positionals, options);
  }
  printSummary(reports);
  return reports.some((r) => r.outcome === 'rejected') ? 1 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
