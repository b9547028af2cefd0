/**
 * For administrators: the audit log (filtered, newest first), the users with their roles, and a
 * backup made by the running server (npm run backup asks for one when the server holds the store).
 */
import { basename } from 'node:path';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import type { AuditPage, UserRow, UsersPage } from '../../../contract/api/auth-types.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../../../contract/access/audit.ts';
import type { AccessControl, App } from '../auth/control.ts';
import { ROLE_TITLES } from '../../../contract/access/roles.ts';
import { parseQuery } from '../params.ts';
import type { Queue } from '../write-queue.ts';
import type { BackupMade } from '../../../contract/api/backup-types.ts';
import { backupsDir, newBackupFolder } from '../backup/files.ts';
import { writeBackup } from '../backup/write.ts';

const auditQuery = z.object({
  action: z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]]).optional(),
  user: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export function register(app: App, store: Store, queued: Queue, access: AccessControl): void {
  app.get('/api/audit', (c) => {
    const query = parseQuery(
      c,
      auditQuery,
      'Параметры журнала: action — вид события, user — логин, limit — сколько записей (до 5000).',
    );
    if (query instanceof Response) return query;
    const body: AuditPage = { ...access.audit.read(query), actions: AUDIT_ACTIONS };
    return c.json(body);
  });

  app.get('/api/users', async (c) => {
    const schools = new Map(
      (await runQuery<{ school_id: string; short_name: string }>(store, 'school_list')).map((s) => [
        s.school_id,
        s.short_name,
      ]),
    );
    const rows: UserRow[] = access.users.list().map(({ stamp: _, ...user }) => ({
      ...user,
      roleTitle: ROLE_TITLES[user.role],
      schoolName: user.school ? (schools.get(user.school) ?? null) : null,
    }));
    const body: UsersPage = { signInRequired: access.signInRequired(), users: rows };
    return c.json(body);
  });

  // The server writes only under its own backups folder and answers the folder's name: no
  // request chooses a path. The write queue keeps imports and methodology saves out meanwhile.
  app.post('/api/admin/backup', async (c) => {
    const folder = newBackupFolder(backupsDir(store.path));
    const manifest = await queued((session) => writeBackup(session, folder));
    access.record(c, 'backup', `резервная копия ${folder}`);
    const body: BackupMade = {
      folder: basename(folder),
      files: manifest.files.length,
      tables: Object.keys(manifest.tables).length,
    };
    return c.json(body);
  });
}
