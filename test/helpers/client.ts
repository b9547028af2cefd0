/** A browser-like API client for tests: keeps the session cookie and sends the CSRF token. */
import type { App as ServerApp } from '../../dashboard/server/auth/control.ts';

type App = Pick<ServerApp, 'request'>;

export class TestClient {
  cookie = '';
  csrf = '';

  constructor(private readonly app: App) {}

  /** Signs in; on success keeps the cookie and the session's CSRF token. */
  async login(login: string, password: string): Promise<Response> {
    const response = await this.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    if (response.ok) {
      this.cookie = response.headers.get('set-cookie')!.split(';')[0]!;
      this.csrf = ((await (await this.request('/api/session')).json()) as { csrf: string }).csrf;
    }
    return response;
  }

  request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] ??= this.csrf;
    return Promise.resolve(this.app.request(path, { ...init, headers }));
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }
}
