/**
 * The audit log: who did what and when (sign-ins, imports, replacements, methodology changes,
 * briefings, exports, user changes, refused requests). One JSON line per event in a file beside
 * the store (AUDIT_PATH), appended by the server and by the command-line tools alike.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { AuditEntry, AuditQuery } from '../../../contract/access/audit.ts';
import { OUTCOME_TITLES } from '../../../contract/imports/outcomes.ts';
import type { FileReport } from '../../../contract/imports/report.ts';

export class AuditLog {
  constructor(
    readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  write(entry: Omit<AuditEntry, 'at'>): void {
    const line: AuditEntry = { at: new Date(this.now()).toISOString(), ...entry };
    appendFileSync(this.path, JSON.stringify(line) + '\n', { mode: 0o600 });
  }

  /** The newest entries first, filtered; `total` counts every match. */
  read({ action, user, limit = 500 }: AuditQuery = {}): { entries: AuditEntry[]; total: number } {
    if (!existsSync(this.path)) return { entries: [], total: 0 };
    const all = readFileSync(this.path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditEntry)
      .filter((e) => (!action || e.action === action) && (!user || e.user === user))
      .reverse();
    return { entries: all.slice(0, limit), total: all.length };
  }
}

/** The audit entry of one imported file (the server's and the CLI's alike). */
export const importEvent = (report: Pick<FileReport, 'file' | 'outcome' | 'rows'>) =>
  ({
    action: report.outcome === 'replaced' ? 'replace' : 'import',
    detail: `«${report.file}»: ${OUTCOME_TITLES[report.outcome]}, строк: ${report.rows}`,
    outcome: report.outcome === 'rejected' ? 'failed' : 'ok',
  }) satisfies Pick<AuditEntry, 'action' | 'detail' | 'outcome'>;
