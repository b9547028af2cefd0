/** How routes narrow their answers for a school user: their own school, never another. */
import type { Context } from 'hono';
import type { AppEnv } from './control.ts';

/** The school a school user is limited to; null for the other roles (no limit). */
export const ownSchool = (c: Context<AppEnv>): string | null => {
  const viewer = c.get('viewer');
  return viewer.role === 'school' ? viewer.school : null;
};

export const OTHER_SCHOOL = 'Нет доступа: учётная запись школы видит только свою школу.';

/** A 403 answer when a school user asks for a school other than their own; null when allowed. */
export function refuseOtherSchool(c: Context<AppEnv>, schoolId: string | null | undefined) {
  const own = ownSchool(c);
  return own !== null && schoolId !== own ? c.json({ error: OTHER_SCHOOL }, 403) : null;
}

/** Rows of other schools removed for a school user (rows without a school are aggregates). */
export function onlyOwnRows<T extends { school_id?: string | null }>(
  c: Context<AppEnv>,
  rows: T[],
) {
  const own = ownSchool(c);
  return own === null ? rows : rows.filter((r) => r.school_id == null || r.school_id === own);
}

/**
 * The school filter a request may use: for a school user their own school (asking for another
 * is answered 403), for the others the requested one (null: all schools).
 */
export function schoolFilter(c: Context<AppEnv>, requested: string | undefined) {
  return refuseOtherSchool(c, requested ?? ownSchool(c)) ?? ownSchool(c) ?? requested ?? null;
}
