/** Sign-in and sign-out, and who the viewer is (with the CSRF token the page sends back). */
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { pluralRu } from '../../../contract/format.ts';
import type { SessionInfo } from '../../../contract/api/auth-types.ts';
import {
  SESSION_COOKIE,
  clientAddress,
  viewerFor,
  type AccessControl,
  type App,
  type Viewer,
} from '../auth/control.ts';
import { normalizeLogin } from '../auth/users.ts';
import { ROLE_TITLES } from '../../../contract/access/roles.ts';
import { badRequest } from '../params.ts';

const loginBody = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

const MINUTES = ['минуту', 'минуты', 'минут'] as const;
const SECONDS = ['секунду', 'секунды', 'секунд'] as const;

/** «через 2 секунды», «через 15 минут»: a wait in words. */
function waitText(ms: number): string {
  const [amount, forms] =
    ms < 60_000 ? [Math.ceil(ms / 1000), SECONDS] : [Math.ceil(ms / 60_000), MINUTES];
  return `${amount} ${pluralRu(amount, forms)}`;
}

export function register(app: App, store: Store, access: AccessControl): void {
  app.get('/api/session', async (c) => {
    const viewer = c.get('viewer') as Viewer | undefined;
    const [school] = viewer?.school
      ? await runQuery<{ short_name: string }>(store, 'school_card', { school_id: viewer.school })
      : [];
    const body: SessionInfo = {
      signInRequired: access.signInRequired(),
      user: viewer
        ? {
            login: viewer.login,
            role: viewer.role,
            roleTitle: ROLE_TITLES[viewer.role],
            school: viewer.school,
            schoolName: school?.short_name ?? null,
          }
        : null,
      csrf: viewer?.csrf ?? null,
    };
    return c.json(body);
  });

  app.post('/api/login', async (c) => {
    // JSON only: a form on another site cannot send it without the browser asking us first.
    const parsed = c.req.header('content-type')?.startsWith('application/json')
      ? loginBody.safeParse(await c.req.json().catch(() => null))
      : undefined;
    if (!parsed?.success) return badRequest(c, 'Введите логин и пароль.');
    const login = normalizeLogin(parsed.data.login);
    const address = clientAddress(c);
    const waitMs = access.limiter.waitMs(address, login);
    if (waitMs > 0) {
      access.record(c, 'login_blocked', `логин «${login}»`, 'denied', login);
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      return c.json(
        {
          error: `Слишком много неудачных попыток входа. Повторите через ${waitText(waitMs)} или обратитесь к администратору.`,
        },
        429,
      );
    }
    const user = await access.users.authenticate(login, parsed.data.password);
    if (!user) {
      access.limiter.fail(address, login);
      access.record(c, 'login_failed', `логин «${login}»`, 'failed', login);
      return c.json({ error: 'Неверный логин или пароль.' }, 401);
    }
    access.limiter.succeed(address, login);
    const session = access.sessions.open(user);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: Math.floor(access.sessions.ttlMs / 1000),
      secure: access.secureCookies,
    });
    c.set('viewer', viewerFor(user, session));
    access.record(c, 'login', ROLE_TITLES[user.role]);
    return c.json({ ok: true });
  });

  app.post('/api/logout', (c) => {
    access.sessions.close(c.get('viewer').token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    access.record(c, 'logout', '');
    return c.json({ ok: true });
  });
}
