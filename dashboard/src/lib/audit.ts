/** «Журнал»: how the audit log's values read on the page. */
import { formatDateTime } from '../../../contract/format.ts';

/** Roles as the server names them (ROLE_TITLES in dashboard/server/auth/users.ts). */
export const ROLE_TITLES: Record<string, string> = {
  admin: 'администратор',
  analyst: 'аналитик',
  school: 'школа',
};

export const OUTCOME_TITLES: Record<string, string> = {
  ok: 'успешно',
  failed: 'ошибка',
  denied: 'отказано',
};

/** How many entries the page asks for, and the most the server gives at once. */
export const AUDIT_LIMIT = 500;
export const AUDIT_LIMIT_MAX = 5000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * «23.11.2026 13:41» (with seconds: «13:41:05») in this computer's time zone, from the UTC
 * ISO time the server writes.
 */
export function localDateTime(iso: string | null | undefined, seconds = false): string {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return formatDateTime(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString();
  return `${formatDateTime(local)}${seconds ? `:${pad(date.getSeconds())}` : ''}`;
}
