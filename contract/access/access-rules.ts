/**
 * Who may call each API route. Every route of the app must be listed here: the guard refuses
 * a route without a rule, and the authorisation-matrix test fails on it.
 *
 * - public: no sign-in (the session and sign-in themselves);
 * - all: every signed-in role; a school user gets only their own school (the route narrows it);
 * - staff: администратор and аналитик (everything read-only, briefings, exports; and the road map
 *   of measures, which the methodological service — analysts — keeps);
 * - admin: администратор only (imports, methodology, users, the audit log, backups).
 */
import type { Role } from './roles.ts';

export type Rule = 'public' | 'all' | 'staff' | 'admin';

export const ACCESS = {
  'GET /api/session': 'public',
  'POST /api/login': 'public',
  'POST /api/logout': 'all',
  'GET /api/health': 'all',
  'GET /api/schools': 'all',
  'GET /api/schools/:id': 'all',
  'GET /api/flags': 'all',
  'GET /api/fg': 'all',
  'GET /api/fg/schools': 'all',
  'GET /api/deficits/options': 'all',
  'GET /api/deficits/vpr': 'all',
  'GET /api/deficits/teachers': 'all',
  'GET /api/methodology': 'all',
  'GET /api/exports': 'all',
  'GET /api/exports/:name': 'all',
  'POST /api/download': 'all',
  'GET /api/briefings/options': 'all',
  'GET /api/briefings/file': 'all',
  'GET /api/roadmap': 'all',
  'GET /api/roadmap/years': 'all',
  'GET /api/schools/:id/roadmap': 'all',
  'GET /api/district/filters': 'staff',
  'GET /api/district/results': 'staff',
  'GET /api/district/distribution': 'staff',
  'GET /api/district/overview': 'staff',
  'GET /api/compare/options': 'staff',
  'GET /api/compare': 'staff',
  'GET /api/compare/schools': 'staff',
  'GET /api/compare/grid': 'staff',
  'GET /api/compare/grid/schools': 'staff',
  'GET /api/briefings/batch': 'staff',
  'GET /api/briefings/decision': 'staff',
  'GET /api/clusters': 'staff',
  'GET /api/working-list': 'staff',
  'GET /api/effects': 'staff',
  'GET /api/pairs': 'staff',
  'GET /api/import/history': 'staff',
  'GET /api/templates': 'staff',
  'GET /api/templates/:id': 'staff',
  'POST /api/methodology/preview': 'staff',
  'POST /api/roadmap': 'staff',
  'PUT /api/roadmap/:id': 'staff',
  'POST /api/roadmap/:id/status': 'staff',
  'DELETE /api/roadmap/:id': 'staff',
  'POST /api/import': 'admin',
  'GET /api/import/progress': 'admin',
  'POST /api/import/cancel': 'admin',
  'POST /api/import/propose': 'admin',
  'POST /api/mappings': 'admin',
  'POST /api/methodology': 'admin',
  'POST /api/working-list': 'admin',
  'POST /api/working-list/proposal': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/users': 'admin',
  'POST /api/admin/backup': 'admin',
} as const satisfies Record<string, Rule>;

export type RouteKey = keyof typeof ACCESS;

export const RULE_ROLES: Record<Exclude<Rule, 'public'>, readonly Role[]> = {
  all: ['admin', 'analyst', 'school'],
  staff: ['admin', 'analyst'],
  admin: ['admin'],
};

export const ruleOf = (key: string): Rule | undefined => ACCESS[key as RouteKey];

export const allows = (rule: Rule, role: Role | null) =>
  rule === 'public' || (role !== null && RULE_ROLES[rule].includes(role));

const RULE_TITLES: Record<Rule, string> = {
  public: 'все, без входа',
  all: 'все роли; школа — только своя школа',
  staff: 'администратор, аналитик',
  admin: 'администратор',
};

/** The table of routes and the roles allowed on each in docs/security.md (npm run docs writes it). */
export function accessMarkdown(): string {
  const rows = Object.entries(ACCESS).map(([key, rule]) => {
    const [method, path] = key.split(' ');
    return `| \`${method}\` | \`${path}\` | ${RULE_TITLES[rule]} |`;
  });
  return ['| метод | маршрут | кому доступен |', '| --- | --- | --- |', ...rows].join('\n');
}
