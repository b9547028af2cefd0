/**
 * What a backup holds and how it is described: the store and the files the product keeps beside
 * it (users, audit log, teacher-key salt, and the methodology file when METHODOLOGY_PATH names
 * one: the shipped defaults belong to the product's version, not to the backup), each under a
 * fixed name in the backup folder, and manifest.json listing each file's size and SHA-256 and
 * each table's row count.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { saltPath } from '../../../ingest/teacher-key.ts';
import { auditPath, repoRoot, storePath, usersPath } from '../config.ts';

export const FILE_KINDS = ['store', 'users', 'audit', 'salt', 'methodology'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Each file's name inside a backup folder. */
export const BACKUP_NAMES: Record<FileKind, string> = {
  store: 'store.duckdb',
  users: 'users.json',
  audit: 'audit.jsonl',
  salt: 'teacher-salt',
  methodology: 'methodology.json',
};

export const MANIFEST = 'manifest.json';

/** Where each file lives for the store at `store` (undefined: no such file is configured). */
export function liveFiles(store: string = storePath()): Record<FileKind, string | undefined> {
  return {
    store,
    users: usersPath(),
    audit: auditPath(),
    salt: saltPath(store),
    methodology: process.env.METHODOLOGY_PATH,
  };
}

const manifestSchema = z.object({
  product: z.string(),
  version: z.string(),
  createdAt: z.string(),
  /** the store's schema version (ingest/schema.ts); absent in the first backups */
  schemaVersion: z.number().int().min(0).optional(),
  files: z.array(
    z.object({
      kind: z.enum(FILE_KINDS),
      name: z.string(),
      bytes: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  tables: z.record(z.string(), z.number().int().min(0)),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type BackupFile = Manifest['files'][number];

/** The product's name and version, from package.json. */
export function productVersion(): { product: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { product: pkg.name, version: pkg.version };
}

/** A file's SHA-256, read as a stream (a store may be gigabytes). */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The manifest of the backup in `folder`, or a Russian error when it is missing or unreadable. */
export function readManifest(folder: string): Manifest {
  const path = join(folder, MANIFEST);
  if (!existsSync(path))
    throw new Error(
      `В папке ${folder} нет описи ${MANIFEST}: это не резервная копия панели (или копия не дописана).`,
    );
  let parsed;
  try {
    parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success)
    throw new Error(`Опись резервной копии ${path} повреждена: её нельзя прочитать.`);
  return parsed.data;
}

/** The folder for backups of the store at `store`: `backups/` beside it. */
export const backupsDir = (store: string = storePath()) => join(dirname(store), 'backups');

/** A backup folder's name: its time in UTC, e.g. 2026-12-06T05-00-00 (-2, -3… within a second). */
export const FOLDER_NAME = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(-\d+)?$/;

/** The time as it appears in names of folders and set-aside files: 2026-12-06T05-00-00. */
export const timeStamp = (now: Date) => now.toISOString().slice(0, 19).replace(/:/g, '-');

/** Makes a new, owner-only folder named after the time under `parent`, and returns its path. */
export function newBackupFolder(parent: string, now: Date = new Date()): string {
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  for (let n = 1; ; n++) {
    const folder = join(parent, timeStamp(now) + (n > 1 ? `-${n}` : ''));
    try {
      mkdirSync(folder, { mode: 0o700 });
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** The folder `--to` names, made when absent; refused when it holds anything already. */
export function emptyFolder(folder: string): string {
  if (existsSync(folder) && readdirSync(folder).length > 0)
    throw new Error(
      `Папка ${folder} не пуста: укажите новую или пустую папку, чтобы не смешать копии.`,
    );
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}
