/**
 * Sign-in on a small store: the session cookie and its expiry, sign-out, login rate limiting,
 * CSRF tokens, a changed password or a removed user ending sessions, the security headers,
 * the local single-user mode, and the audit log of what was done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../../helpers/app.ts';
import { TestClient } from '../../helpers/client.ts';
import type { AuditPage } from '../../../contract/api/auth-types.ts';
import { DEFAULT_LIMITS } from '../../../dashboard/server/auth/login-limiter.ts';

let now = Date.parse('2026-11-23T09:00:00Z');
const HOUR = 3600_000;
const PASSWORD = 'верный-пароль-1';

const app = useApp(undefined, {
  network: true,
  now: () => now,
  sessionTtlMs: 8 * HOUR,
  limits: { ...DEFAULT_LIMITS, perAddress: 8 },
});

const client = () => new TestClient(app.app);

async function addUsers() {
  if (app.access.users.find('admin')) return;
  await app.access.users.add({ login: 'admin', role: 'admin', password: PASSWORD });
  await app.access.users.add({ login: 'analyst', role: 'analyst', password: PASSWORD });
  await app.access.users.add({
    login: 'school1',
    role: 'school',
    school: 'sch000001',
    password: PASSWORD,
  });
}

describe('sign-in', () => {
  it('answers 401 to everything but the session and sign-in before signing in', async () => {
    await addUsers();
    const anonymous = client();
    expect((await anonymous.request('/api/health')).status).toBe(401);
    const session = await (await anonymous.request('/api/session')).json();
    expect(session).toEqual({ signInRequired: true, user: null, csrf: null });
    const refused = await anonymous.request('/api/schools');
    expect(await refused.json()).toEqual({
      error: 'Войдите в систему: сессия не открыта или истекла.',
      code: 'unauthenticated',
    });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie that lasts the configured time', async () => {
    await addUsers();
    const analyst = client();
    const response = await analyst.login('Analyst', PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^mko_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Max-Age=28800');
    expect(cookie).toContain('Path=/');
    expect(await (await analyst.request('/api/session')).json()).toMatchObject({
      signInRequired: true,
      user: { login: 'analyst', role: 'analyst', roleTitle: 'аналитик', school: null },
    });
    expect((await analyst.request('/api/health')).status).toBe(200);
  });

  it('refuses a wrong password or an unknown login with the same message', async () => {
    await addUsers();
    for (const [login, password] of [
      ['admin', 'неверный-пароль'],
      ['никто', PASSWORD],
    ]) {
      const response = await client().login(login!, password!);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'Неверный логин или пароль.' });
    }
  });

  it('ends the session at its expiry', async () => {
    await addUsers();
    const admin = client();
    await admin.login('admin', PASSWORD);
    now += 8 * HOUR - 1000;
    expect((await admin.request('/api/health')).status).toBe(200);
    now += 1000;
    expect((await admin.request('/api/health')).status).toBe(401);
  });

  it('ends the session at sign-out: the same cookie no longer works', async () => {
    await addUsers();
    const admin = client();
    await admin.login('admin', PASSWORD);
    const logout = await admin.request('/api/logout', { method: 'POST' });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/^mko_session=;.*Max-Age=0/);
    expect((await admin.request('/api/health')).status).toBe(401);
  });

  it('ends the sessions of a user whose password changed or who was removed', async () => {
    await addUsers();
    await app.access.users.add({ login: 'temp', role: 'analyst', password: PASSWORD });
    const temp = client();
    await temp.login('temp', PASSWORD);
    await app.access.users.setPassword('temp', 'новый-пароль-22');
    expect((await temp.request('/api/health')).status).toBe(401);
    expect((await temp.login('temp', PASSWORD)).status).toBe(401);
    expect((await temp.login('temp', 'новый-пароль-22')).status).toBe(200);
    app.access.users.remove('temp');
    expect((await temp.request('/api/health')).status).toBe(401);
  });
});

describe('login throttling', () => {
  beforeAll(() => {
    process.env.TRUST_PROXY = 'true';
  });
  afterAll(() => {
    delete process.env.TRUST_PROXY;
  });
  /** A sign-in from `address` (the first X-Forwarded-For address, behind a trusted proxy). */
  const signIn = (address: string, login: string, password: string) =>
    app.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ login, password }),
    });
  const guesser = '203.0.113.5';
  const owner = '198.51.100.7';

  it('slows an address guessing a login with delays doubling from 1 s to 15 minutes, in Russian', async () => {
    await addUsers();
    now += 25 * HOUR; // earlier failures forgotten
    for (let i = 0; i < 5; i++)
      expect((await signIn(guesser, 'school1', 'не-тот-пароль')).status).toBe(401);
    const blocked = await signIn(guesser, 'school1', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect(await blocked.json()).toEqual({
      error:
        'Слишком много неудачных попыток входа. Повторите через 1 секунду или обратитесь к администратору.',
    });
    const delays: number[] = [];
    for (let i = 0; i < 11; i++) {
      now += 15 * 60_000; // past any delay
      expect((await signIn(guesser, 'school1', 'не-тот-пароль')).status).toBe(401);
      const refused = await signIn(guesser, 'school1', PASSWORD);
      expect(refused.status).toBe(429);
      delays.push(Number(refused.headers.get('retry-after')));
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    expect((await (await signIn(guesser, 'school1', PASSWORD)).json()).error).toBe(
      'Слишком много неудачных попыток входа. Повторите через 15 минут или обратитесь к администратору.',
    );
    const blockedEntries = app.access.audit.read({ action: 'login_blocked', user: 'school1' });
    expect(blockedEntries.entries[0]).toMatchObject({
      detail: 'логин «school1»',
      outcome: 'denied',
      address: guesser,
    });
  });

  it('holds the owner at another address up only a few seconds, and a success there clears it', async () => {
    // After the test above: the login's failures from anywhere ask for 10 s at most.
    const held = await signIn(owner, 'school1', PASSWORD);
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('10');
    expect((await held.json()).error).toMatch(/Повторите через 10 секунд /);
    now += 10_000;
    expect((await signIn(owner, 'school1', PASSWORD)).status).toBe(200);
    // the guesser's own delay stands; the owner's address signs in again at once
    expect((await signIn(guesser, 'school1', PASSWORD)).headers.get('retry-after')).toBe('890');
    expect((await signIn(owner, 'school1', PASSWORD)).status).toBe(200);
  });

  it('clears every delay of a login when an administrator unlocks it', async () => {
    expect((await signIn(guesser, 'school1', PASSWORD)).status).toBe(429);
    app.access.limiter.unlock('school1');
    expect((await signIn(guesser, 'school1', PASSWORD)).status).toBe(200);
  });

  it('limits the failures of one address across logins, not other addresses', async () => {
    await addUsers();
    now += 25 * HOUR;
    // 8 failures (this test's limit) over several logins delay the address itself.
    for (let i = 0; i < 8; i++) await signIn(guesser, `кто-то-${i}`, 'пароль-наугад');
    const blocked = await signIn(guesser, 'admin', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await signIn(owner, 'admin', PASSWORD)).status).toBe(200);
    now += 1000;
    expect((await signIn(guesser, 'admin', PASSWORD)).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the session token, with a wrong one, or with another session’s', async () => {
    await addUsers();
    now += HOUR;
    const admin = client();
    await admin.login('admin', PASSWORD);
    const other = client();
    await other.login('analyst', PASSWORD);
    const mapping = (token: string) => admin.post('/api/mappings', {}, { 'x-csrf-token': token });
    for (const token of ['', 'forged-token', other.csrf]) {
      const response = await mapping(token);
      expect(response.status, token).toBe(403);
      expect((await response.json()).code).toBe('csrf');
    }
    // The right token passes the guard (and the empty mapping is then refused as bad input).
    expect((await mapping(admin.csrf)).status).toBe(400);
    // Each refusal is in the audit log, under the user whose page did not carry the key.
    const refusals = app.access.audit
      .read({ action: 'denied', user: 'admin' })
      .entries.filter((e) => e.detail.endsWith('(CSRF)'));
    expect(refusals.map((e) => [e.detail, e.outcome])).toEqual(
      Array(3).fill([
        'POST /api/mappings: нет верного проверочного ключа страницы (CSRF)',
        'denied',
      ]),
    );
  });

  it('accepts sign-in only as JSON, so a form on another site cannot post it', async () => {
    await addUsers();
    const form = await app.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `login=admin&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(form.status).toBe(400);
    expect(form.headers.get('set-cookie')).toBeNull();
  });
});

describe('security headers', () => {
  it('sends a CSP that forbids framing and foreign scripts, and no caching of API answers', async () => {
    const response = await client().request('/api/session');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('school list pages', () => {
  it('holds only their own school for a school user, every school for an analyst', async () => {
    await addUsers();
    now += HOUR;
    const school = client();
    await school.login('school1', PASSWORD);
    const own = await (await school.request('/api/schools?limit=100&sort=login&dir=asc')).json();
    expect(own.total).toBe(1);
    expect(own.rows.map((r: { school_id: string }) => r.school_id)).toEqual(['sch000001']);
    // a search for another school finds nothing rather than that school
    const other = await (await school.request('/api/schools?limit=100&q=sch000003')).json();
    expect(other).toEqual({ rows: [], total: 0 });

    const analyst = client();
    await analyst.login('analyst', PASSWORD);
    const all = await (await analyst.request('/api/schools?limit=2&sort=login&dir=desc')).json();
    expect(all.total).toBe(3);
    expect(all.rows.map((r: { school_id: string }) => r.school_id)).toEqual([
      'sch000003',
      'sch000002',
    ]);
  });
});

describe('audit log', () => {
  it('records sign-ins, refusals, exports and briefings with who and when, for administrators only', async () => {
    await addUsers();
    now += HOUR;
    const school = client();
    await school.login('school1', PASSWORD);
    expect((await school.request('/api/district/overview?year=2025')).status).toBe(403);
    expect(
      (await school.request('/api/exports/indicators?format=csv&school=sch000001')).status,
    ).toBe(200);
    expect((await school.request('/api/schools/sch000003')).status).toBe(403);
    expect(
      (await school.request('/api/briefings/file?year=2025&format=docx&school=sch000001')).status,
    ).toBe(200);
    expect((await school.request('/api/audit')).status).toBe(403);
    const admin = client();
    await admin.login('admin', PASSWORD);
    const page = (await (await admin.request('/api/audit?user=school1')).json()) as AuditPage;
    const events = page.entries.map((e) => [e.action, e.outcome, e.detail]);
    expect(events.slice(0, 6)).toEqual([
      ['denied', 'denied', 'GET /api/audit'],
      ['briefing', 'ok', 'Справка_СОШ_№_1_2024-25.docx'],
      ['denied', 'denied', 'GET /api/schools/sch000003'],
      [
        'export',
        'ok',
        'Выгрузка — Показатели ВПР, ОГЭ и ЕГЭ по школам, району, региону и РФ.csv, школа sch000001',
      ],
      ['denied', 'denied', 'GET /api/district/overview'],
      ['login', 'ok', 'школа'],
    ]);
    expect(page.entries[5]!.role).toBe('school');
    expect(page.entries[0]).toMatchObject({
      user: 'school1',
      role: 'school',
      at: new Date(now).toISOString(),
    });
    expect(page.actions.login).toBe('Вход');
  });
});

describe('without users on this computer', () => {
  const local = useApp();

  it('needs no sign-in: the viewer is the local administrator with a page token', async () => {
    const session = await (await local.app.request('/api/session')).json();
    expect(session).toMatchObject({
      signInRequired: false,
      user: { login: 'локальный пользователь', role: 'admin' },
    });
    expect(session.csrf).toMatch(/^[\w-]{43}$/);
    expect((await local.app.request('/api/schools')).status).toBe(200);
  });

  it('still wants the page token on state-changing requests (another site cannot post to it)', async () => {
    const response = await local.app.request('/api/mappings', { method: 'POST', body: '{}' });
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe('csrf');
  });

  it('answers only requests addressed to this computer (no DNS rebinding)', async () => {
    const response = await local.app.request('http://evil.example/api/schools');
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/только для этого компьютера/);
    expect((await local.app.request('http://127.0.0.1:8080/api/schools')).status).toBe(200);
  });
});
