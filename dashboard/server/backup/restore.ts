/**
 * Puts a backup back: refused while a process (the server) holds the store, and refused when any
 * file of the backup differs from its manifest; otherwise the current files (and the store's
 * write-ahead log) are kept aside with a `.before-restore-<time>` suffix and the backup's files
 * are copied in their places, owner-only (600). A file the backup does not have is only set
 * aside: the restored state is the backup's.
 */
import { SCHEMA_VERSION } from '../../../ingest/schema.ts';
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Store, StoreLockedError } from '../../../analytics/db.ts';
import {
  BACKUP_NAMES,
  FILE_KINDS,
  liveFiles,
  productVersion,
  readManifest,
  sha256Of,
  timeStamp,
  type FileKind,
  type Manifest,
} from './files.ts';

export interface Restored {
  manifest: Manifest;
  /** the current files kept aside, by their new names */
  keptAside: string[];
  /** the files put in place */
  restored: string[];
  /** what could not be restored, in Russian */
  notes: string[];
}

/** Every file of the backup as its manifest describes it, else an error naming the file. */
export async function verifyBackup(folder: string): Promise<Manifest> {
  const manifest = readManifest(folder);
  if (!manifest.files.some((f) => f.kind === 'store'))
    throw new Error(`В резервной копии ${folder} нет хранилища: восстанавливать нечего.`);
  for (const file of manifest.files) {
    const path = join(folder, BACKUP_NAMES[file.kind]);
    const damaged = (why: string) =>
      new Error(
        `Резервная копия ${folder} повреждена: файл ${BACKUP_NAMES[file.kind]} ${why}. Ничего не изменено.`,
      );
    if (!existsSync(path)) throw damaged('отсутствует');
    if (statSync(path).size !== file.bytes || (await sha256Of(path)) !== file.sha256)
      throw damaged('не совпадает с описью (размер или SHA-256)');
  }
  return manifest;
}

/** Refuses while another process holds the store (a missing store is free: restore creates it). */
async function ensureStoreFree(path: string): Promise<void> {
  if (!existsSync(path)) return;
  try {
    (await Store.open(path)).close();
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    throw new Error(
      `Остановите сервер панели перед восстановлением: хранилище ${path} занято другим процессом. Ничего не изменено.`,
    );
  }
}

export async function restoreBackup(folder: string, now: Date = new Date()): Promise<Restored> {
  const live = liveFiles();
  await ensureStoreFree(live.store!);
  const manifest = await verifyBackup(folder);
  if ((manifest.schemaVersion ?? 0) > SCHEMA_VERSION)
    throw new Error(
      `Копия в ${folder} сделана более новой версией программы (версия схемы данных ${manifest.schemaVersion}, эта версия знает версии до ${SCHEMA_VERSION}): обновите программу перед восстановлением. Текущие файлы не изменены.`,
    );
  const result: Restored = { manifest, keptAside: [], restored: [], notes: [] };
  const installed = productVersion().version;
  if (manifest.version !== installed)
    result.notes.push(
      `Копия сделана версией ${manifest.version} программы, установлена версия ${installed}.`,
    );
  const inBackup = new Set<FileKind>(manifest.files.map((f) => f.kind));
  const suffix = `.before-restore-${timeStamp(now)}`;
  for (const kind of FILE_KINDS) {
    const target = live[kind];
    if (!target) {
      if (inBackup.has(kind))
        result.notes.push(
          'В копии есть файл методики, но переменная METHODOLOGY_PATH не задана: файл не восстановлен (он остался в папке копии).',
        );
      continue;
    }
    // The store's write-ahead log belongs to the store it leaves: it must never meet the restored one.
    for (const current of kind === 'store' ? [target, `${target}.wal`] : [target])
      if (existsSync(current)) {
        renameSync(current, current + suffix);
        result.keptAside.push(current + suffix);
      }
    if (!inBackup.has(kind)) continue;
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    copyFileSync(join(folder, BACKUP_NAMES[kind]), target);
    chmodSync(target, 0o600);
    result.restored.push(target);
  }
  return result;
}
