/**
 * Writes a backup into a folder: the store copied by DuckDB from one snapshot
 * (analytics/store-copy.ts), the other files copied as they are, every file owner-only (600),
 * then manifest.json, written last: a folder without it is an unfinished backup. The caller
 * keeps writes out meanwhile (the server runs it in its write queue; the command holds the store).
 */
import { SCHEMA_VERSION } from '../../../ingest/schema.ts';
import { chmodSync, copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../../analytics/db.ts';
import { copyStore } from '../../../analytics/store-copy.ts';
import {
  BACKUP_NAMES,
  FILE_KINDS,
  MANIFEST,
  liveFiles,
  productVersion,
  sha256Of,
  type BackupFile,
  type Manifest,
} from './files.ts';

export async function writeBackup(
  store: Store,
  folder: string,
  now: Date = new Date(),
): Promise<Manifest> {
  try {
    const live = liveFiles(store.path);
    const tables = await copyStore(store, join(folder, BACKUP_NAMES.store));
    const files: BackupFile[] = [];
    for (const kind of FILE_KINDS) {
      const name = BACKUP_NAMES[kind];
      const target = join(folder, name);
      const source = live[kind];
      if (kind !== 'store') {
        if (!source || !existsSync(source)) continue;
        copyFileSync(source, target);
      }
      chmodSync(target, 0o600);
      files.push({ kind, name, bytes: statSync(target).size, sha256: await sha256Of(target) });
    }
    const manifest: Manifest = {
      ...productVersion(),
      createdAt: now.toISOString(),
      schemaVersion: SCHEMA_VERSION,
      files,
      tables,
    };
    writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', {
      mode: 0o600,
    });
    return manifest;
  } catch (error) {
    // Half a backup is no backup: nothing is left to be mistaken for one.
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
