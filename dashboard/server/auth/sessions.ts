/**
 * Sessions of signed-in users, in memory: a restart signs everyone out. A session ends at its
 * expiry, at logout, and when its user is removed or changes password (the stamp no longer matches).
 */
import { randomBytes } from 'node:crypto';
import type { User } from '../../../contract/access/roles.ts';

export interface Session {
  token: string;
  /** sent back in the x-csrf-token header of every state-changing request */
  csrf: string;
  login: string;
  stamp: string;
  expiresAt: number;
}

const token = () => randomBytes(32).toString('base64url');

export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  open(user: User): Session {
    this.sweep();
    const session = {
      token: token(),
      csrf: token(),
      login: user.login,
      stamp: user.stamp,
      expiresAt: this.now() + this.ttlMs,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session of `token`, checked against its user as the user directory has it now. */
  find(token: string | undefined, userOf: (login: string) => User | undefined) {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session) return undefined;
    const user = userOf(session.login);
    if (session.expiresAt <= this.now() || !user || user.stamp !== session.stamp) {
      this.sessions.delete(session.token);
      return undefined;
    }
    return { session, user };
  }

  close(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, session] of this.sessions)
      if (session.expiresAt <= now) this.sessions.delete(key);
  }
}

export { token as randomToken };
