/**
 * Access control of one server: who the viewer of a request is (a signed-in user, or the local
 * user when no sign-in is required), the sessions, the login limiter and the audit log.
 */
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AuditLog } from './audit.ts';
import { type AuditAction, type AuditEntry } from '../../../contract/access/audit.ts';
import { DEFAULT_LIMITS, LoginLimiter, type LimiterOptions } from './login-limiter.ts';
import { SessionStore, randomToken, type Session } from './sessions.ts';
import { UnlockRequests } from './unlocks.ts';
import type { UserDirectory } from './users.ts';
import type { Role, User } from '../../../contract/access/roles.ts';

export interface Viewer {
  login: string;
  role: Role;
  school: string | null;
  /** the CSRF token state-changing requests must carry in x-csrf-token */
  csrf: string;
  /** the session token; null for the local user */
  token: string | null;
}

export type AppEnv = { Variables: { viewer: Viewer } };
export type App = Hono<AppEnv>;

export const SESSION_COOKIE = 'mko_session';
export const LOCAL_USER = 'локальный пользователь';

export interface AccessOptions {
  users: UserDirectory;
  audit: AuditLog;
  /** the server listens beyond this computer: sign-in is required even before users exist */
  network?: boolean;
  sessionTtlMs?: number;
  limits?: LimiterOptions;
  /** the file `npm run users -- unlock` appends to (none: no unlocks from the command line) */
  unlocksPath?: string;
  /** Secure cookies (behind HTTPS) */
  secureCookies?: boolean;
  now?: () => number;
}

export const DEFAULT_SESSION_TTL_MS = 8 * 3600_000;

export class AccessControl {
  readonly users: UserDirectory;
  readonly audit: AuditLog;
  readonly sessions: SessionStore;
  readonly limiter: LoginLimiter;
  readonly secureCookies: boolean;
  private readonly network: boolean;
  private readonly localCsrf = randomToken();

  constructor(options: AccessOptions) {
    const now = options.now ?? Date.now;
    this.users = options.users;
    this.audit = options.audit;
    this.network = options.network ?? false;
    this.secureCookies = options.secureCookies ?? false;
    this.sessions = new SessionStore(options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS, now);
    const unlocks = options.unlocksPath ? new UnlockRequests(options.unlocksPath) : undefined;
    this.limiter = new LoginLimiter(options.limits ?? DEFAULT_LIMITS, now, () =>
      unlocks ? unlocks.take() : [],
    );
  }

  /** Sign-in is required on the network and as soon as any user exists. */
  signInRequired(): boolean {
    return this.network || !this.users.isEmpty();
  }

  /** The viewer of a request, or undefined when sign-in is required and there is no live session. */
  viewerOf(c: Context): Viewer | undefined {
    if (!this.signInRequired())
      return { login: LOCAL_USER, role: 'admin', school: null, csrf: this.localCsrf, token: null };
    const found = this.sessions.find(getCookie(c, SESSION_COOKIE), (login) =>
      this.users.find(login),
    );
    return found && viewerFor(found.user, found.session);
  }

  /** Writes an audit entry for the request's viewer (or for `login` when nobody is signed in). */
  record(
    c: Context<AppEnv>,
    action: AuditAction,
    detail: string,
    outcome: AuditEntry['outcome'] = 'ok',
    login?: string,
  ): void {
    const viewer = c.get('viewer') as Viewer | undefined;
    this.audit.write({
      user: viewer?.login ?? login ?? '—',
      role: viewer?.role ?? null,
      address: clientAddress(c),
      action,
      detail,
      outcome,
    });
  }
}

/** The viewer of a signed-in user's session. */
export const viewerFor = (user: User, session: Session): Viewer => ({
  login: user.login,
  role: user.role,
  school: user.school,
  csrf: session.csrf,
  token: session.token,
});

/**
 * The client's address; «—» for requests that did not come over a socket (tests). Behind a
 * reverse proxy (TRUST_PROXY=true) it is the first address of X-Forwarded-For.
 */
export function clientAddress(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded && process.env.TRUST_PROXY === 'true') return forwarded;
  try {
    return getConnInfo(c).remote.address ?? '—';
  } catch {
    return '—';
  }
}

/** Whether an address to listen on or a Host header names this computer only. */
export function isLoopback(host: string): boolean {
  const name = host
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}
