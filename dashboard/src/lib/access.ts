/**
 * Which sections of the dashboard each role may open: the page's mirror of the server's route
 * rules (contract/access/access-rules.ts), so the navigation offers only what will load.
 * The server decides; this only keeps a user from walking into pages that would answer 403.
 */
import type { Role, SessionInfo } from '../../../contract/api/auth-types.ts';
import { RULE_ROLES } from '../../../contract/access/access-rules.ts';

export type SessionUser = NonNullable<SessionInfo['user']>;

const { all: ALL, staff: STAFF, admin: ADMIN } = RULE_ROLES;

export interface Section {
  path: string;
  title: string;
  roles: readonly Role[];
}

export const SECTIONS: readonly Section[] = [
  { path: '/', title: 'Район', roles: STAFF },
  { path: '/school', title: 'Школы', roles: STAFF },
  { path: '/compare', title: 'Сравнение лет', roles: STAFF },
  { path: '/clusters', title: 'Кластеры по годам', roles: STAFF },
  { path: '/roadmap', title: 'Дорожная карта', roles: STAFF },
  { path: '/pairs', title: 'Сетевые пары', roles: STAFF },
  { path: '/effects', title: 'Результативность мер', roles: STAFF },
  { path: '/fg', title: 'Функциональная грамотность', roles: ALL },
  { path: '/deficits', title: 'Дефициты', roles: ALL },
  { path: '/briefings', title: 'Справки', roles: ALL },
  { path: '/methodology', title: 'Методика', roles: ALL },
  { path: '/import', title: 'Загрузка данных', roles: ADMIN },
  { path: '/audit', title: 'Журнал', roles: ADMIN },
];

export const MY_SCHOOL = 'Моя школа';

/** The page of a school user's own school. */
export const ownSchoolPath = (user: SessionUser) =>
  user.school ? `/school/${encodeURIComponent(user.school)}` : '/fg';

/** Where «home» is for the user: the district, or a school user's own school. */
export const homeOf = (user: SessionUser) => (user.role === 'school' ? ownSchoolPath(user) : '/');

/** The navigation of a user: a school user's own school first, then what the role may open. */
export function navigationOf(user: SessionUser): { path: string; title: string }[] {
  const sections = SECTIONS.filter((s) => s.roles.includes(user.role));
  return user.role === 'school' && user.school
    ? [{ path: ownSchoolPath(user), title: MY_SCHOOL }, ...sections]
    : sections;
}

/** The school id of a /school/<id> path, decoded; undefined for other paths. */
export function schoolOfPath(path: string): string | undefined {
  const match = /^\/school\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

/** Whether the user may open a path (unknown paths are allowed: they show «not found»). */
export function mayOpen(user: SessionUser, path: string): boolean {
  const school = schoolOfPath(path);
  if (school !== undefined)
    return user.role !== 'school' || (user.school !== null && school === user.school);
  const section = SECTIONS.find((s) => s.path === path);
  return !section || section.roles.includes(user.role);
}
