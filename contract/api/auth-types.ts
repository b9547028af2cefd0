/** Sign-in, users and the audit log as the API returns them. */
import type { AuditEntry } from '../access/audit.ts';
import type { Role, User } from '../access/roles.ts';

export type { AuditEntry, Role };

export interface SessionInfo {
  /** false on a single-user install (127.0.0.1, no users): everyone is the local administrator */
  signInRequired: boolean;
  user: {
    login: string;
    role: Role;
    roleTitle: string;
    school: string | null;
    schoolName: string | null;
  } | null;
  /** sent back in x-csrf-token with every state-changing request */
  csrf: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  /** action id → Russian title */
  actions: Record<string, string>;
}

export type UserRow = Omit<User, 'stamp'> & { roleTitle: string; schoolName: string | null };

export interface UsersPage {
  signInRequired: boolean;
  users: UserRow[];
}
