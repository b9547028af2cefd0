/**
 * Who is using the page, kept in step with the server: loaded first, replaced after sign-in and
 * sign-out, and cleared when the server answers that the session is over (the login page shows).
 */
import { api, watchSession } from './api/client.ts';
import type { SessionInfo } from '../../../contract/api/auth-types.ts';

class Auth {
  /** the server's answer; null until it came */
  info = $state<SessionInfo | null>(null);
  /** why the session could not be loaded (server unreachable) */
  error = $state<string | null>(null);
  /** why the login page is shown again: the session expired or was closed elsewhere */
  notice = $state<string | null>(null);

  get user() {
    return this.info?.user ?? null;
  }
}

export const auth = new Auth();

watchSession({
  session: (session) => {
    auth.info = session;
    auth.error = null;
  },
  unauthenticated: (message) => {
    // Only a page that had a signed-in user says why it asks again (not the very first visit).
    if (!auth.info?.user) return;
    auth.notice = message;
    auth.info = { ...auth.info, signInRequired: true, user: null, csrf: null };
  },
});

/** Loads the session; on failure keeps the reason for the page to show. */
export async function loadSession(): Promise<void> {
  try {
    await api.session();
  } catch (error) {
    auth.error = error instanceof Error ? error.message : String(error);
  }
}

export async function signIn(login: string, password: string): Promise<void> {
  await api.login(login, password);
  auth.notice = null;
  await api.session();
}

/** Signs out; whatever the server answered, the page then shows what the session now is. */
export async function signOut(): Promise<void> {
  await api.logout().catch(() => undefined);
  await loadSession();
}
