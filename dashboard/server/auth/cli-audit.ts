/** Audit entries of the command-line tools: the operating-system user at the server's console. */
import { userInfo } from 'node:os';
import { auditPath } from '../config.ts';
import { AuditLog } from './audit.ts';
import { type AuditAction, type AuditEntry } from '../../../contract/access/audit.ts';

export function recordCli(
  action: AuditAction,
  detail: string,
  outcome: AuditEntry['outcome'] = 'ok',
): void {
  new AuditLog(auditPath()).write({
    user: userInfo().username,
    role: null,
    address: 'командная строка',
    action,
    detail,
    outcome,
  });
}
