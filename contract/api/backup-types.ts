/** What POST /api/admin/backup answers: the backup the server wrote under its own backups folder. */
export interface BackupMade {
  /** the folder's name (its time, e.g. 2026-12-06T05-00-00) inside the backups folder beside the store */
  folder: string;
  /** files written, manifest.json aside */
  files: number;
  /** tables copied */
  tables: number;
}
