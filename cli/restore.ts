/**
 * npm run restore -- <папка копии>
 * Puts a backup of npm run backup back in place (dashboard/server/backup/restore.ts): only with
 * the server stopped, only when every file matches the manifest; the current files are kept aside.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDateTime } from '../contract/format.ts';
import { recordCli } from '../dashboard/server/auth/cli-audit.ts';
import { restoreBackup } from '../dashboard/server/backup/restore.ts';
import { runCli } from './run.ts';

const USAGE = `Использование: npm run restore -- <папка резервной копии>
  Восстанавливает хранилище, пользователей, журнал, секрет ключей педагогов и файл методики
  из копии npm run backup. Сервер панели должен быть остановлен. Текущие файлы не удаляются:
  они переименовываются с суффиксом .before-restore-<время>.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const folder = resolve(positionals[0]!);
  const result = await restoreBackup(folder);
  for (const path of result.keptAside) console.log(`Прежний файл сохранён как ${path}`);
  for (const path of result.restored) console.log(`Восстановлен ${path}`);
  for (const note of result.notes) console.log(note);
  console.log(
    `Восстановлена копия от ${formatDateTime(result.manifest.createdAt)} (версия ${result.manifest.version}). Запустите сервер: npm start.`,
  );
  recordCli('restore', `восстановлена копия ${folder}`);
  return 0;
}

await runCli(main);
