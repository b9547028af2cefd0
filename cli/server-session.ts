/**
 * The import CLI talking to a running server: the page token every upload must carry and,
 * when the server asks for sign-in, an administrator's session (login from MKO_LOGIN or asked,
 * password asked on the terminal or read from stdin).
 */
import { ask, askHidden } from '../dashboard/server/auth/terminal.ts';
import type { SessionInfo } from '../contract/api/auth-types.ts';

async function sessionOf(url: string, cookie?: string): Promise<SessionInfo> {
  const response = await fetch(`${url}/api/session`, { headers: cookie ? { cookie } : {} }).catch(
    () => {
      throw new Error(
        `Хранилище занято другим процессом, а сервер ${url} не отвечает: дождитесь, пока закончится другая загрузка, или запустите сервер (npm start).`,
      );
    },
  );
  return (await response.json()) as SessionInfo;
}

export async function serverHeaders(url: string): Promise<Record<string, string>> {
  const open = await sessionOf(url);
  if (open.user && open.csrf) return { 'x-csrf-token': open.csrf };
  const login =
    process.env.MKO_LOGIN || (await ask('Сервер требует входа. Логин администратора: '));
  const password = await askHidden('Пароль: ');
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(`Вход на сервер не выполнен: ${body?.error ?? `ошибка ${response.status}`}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = await sessionOf(url, cookie);
  return { cookie, 'x-csrf-token': session.csrf ?? '' };
}
