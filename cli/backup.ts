/**
 * npm run backup [-- --to <папка>]
 * A backup of the store, the users, the audit log, the teacher-key salt and the methodology file
 * (METHODOLOGY_PATH), with manifest.json. By default in a new folder named after the time in
 * backups/ beside the store. While the server holds the store, the server writes the backup
 * (POST /api/admin/backup) in its own backups folder and this command moves it to --to.
 */
import { cpSync, existsSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Store, StoreLockedError } from '../analytics/db.ts';
import type { BackupMade } from '../contract/api/backup-types.ts';
import { recordCli } from '../dashboard/server/auth/cli-audit.ts';
import {
  FOLDER_NAME,
  backupsDir,
  emptyFolder,
  newBackupFolder,
  readManifest,
  type Manifest,
} from '../dashboard/server/backup/files.ts';
import { writeBackup } from '../dashboard/server/backup/write.ts';
import { memoryLimit, serverUrl, storePath } from '../dashboard/server/config.ts';
import { runCli } from './run.ts';
import { serverHeaders } from './server-session.ts';

const USAGE = `Использование: npm run backup [-- --to <папка>]
  Резервная копия хранилища, пользователей, журнала, секрета ключей педагогов и файла методики
  (METHODOLOGY_PATH) с описью manifest.json. Без --to — в новую папку backups/<время> рядом
  с хранилищем. Работает и при запущенном сервере: тогда копию пишет сервер.`;

/** Asks the running server for a backup; the folder it wrote, under the store's backups folder. */
async function viaServer(): Promise<string> {
  const response = await fetch(`${serverUrl()}/api/admin/backup`, {
    method: 'POST',
    headers: await serverHeaders(serverUrl()),
  });
  if (!response.ok) throw new Error(`Сервер ответил ${response.status}: ${await response.text()}`);
  const { folder } = (await response.json()) as BackupMade;
  // Only a name of the server's own making: never a path from elsewhere.
  if (!FOLDER_NAME.test(folder)) throw new Error(`Сервер назвал неожиданную папку: «${folder}»`);
  return join(backupsDir(), folder);
}

/** Moves the server's backup folder to `target` (an empty or new folder). */
function moveFolder(from: string, target: string): void {
  emptyFolder(target);
  rmdirSync(target);
  try {
    renameSync(from, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Another file system: copy, then remove the original.
    cpSync(from, target, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

function printSummary(folder: string, manifest: Manifest): void {
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`Резервная копия записана: ${folder}`);
  for (const file of manifest.files) console.log(`  ${file.name}: ${file.bytes} байт`);
  console.log(`Таблиц: ${Object.keys(manifest.tables).length}, строк: ${rows}.`);
  console.log(`Восстановление (при остановленном сервере): npm run restore -- ${folder}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { to: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(storePath())) throw new Error(`Хранилища ${storePath()} нет: копировать нечего.`);
  const target = values.to === undefined ? undefined : resolve(values.to);
  let folder: string;
  try {
    const store = await Store.open(storePath(), { memoryLimit: memoryLimit() });
    try {
      folder = target ? emptyFolder(target) : newBackupFolder(backupsDir());
      await writeBackup(store, folder);
    } finally {
      store.close();
    }
    recordCli('backup', `резервная копия ${folder}`);
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    console.log(`Хранилище занято работающим сервером — копию делает сервер ${serverUrl()}`);
    folder = await viaServer();
    if (target) {
      moveFolder(folder, target);
      folder = target;
    }
  }
  printSummary(folder, readManifest(folder));
  return 0;
}

await runCli(main);
