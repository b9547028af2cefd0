/**
 * The access guard in front of every API route: finds the route's rule, the viewer, and lets
 * the request through only when the viewer's role is allowed and, for a state-changing request,
 * it carries the session's CSRF token.
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { allows, ruleOf } from '../../../contract/access/access-rules.ts';
import { isLoopback, type AccessControl, type AppEnv } from './control.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const UNAUTHENTICATED = 'Войдите в систему: сессия не открыта или истекла.';

export function guard(control: AccessControl): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const route = matchedRoutes(c).find((r) => r.method === method);
    const key = route && `${method} ${route.path}`;
    // Paths no route serves answer 404 (below) to signed-in viewers only.
    const rule = key ? ruleOf(key) : 'all';
    if (!rule) {
      console.error(`Маршрут без правила доступа: ${key}`);
      return c.json({ error: 'Доступ к этому адресу не настроен.' }, 403);
    }
    const viewer = control.viewerOf(c);
    // Without sign-in (the local viewer has no session) only this computer may call: a page
    // elsewhere cannot rebind its DNS to us.
    if (viewer?.token === null && !isLoopback(new URL(c.req.url).host))
      return c.json(
        {
          error: 'Сервер открыт только для этого компьютера: откройте панель по адресу 127.0.0.1.',
        },
        403,
      );
    if (viewer) c.set('viewer', viewer);
    if (rule === 'public') return next();
    if (!viewer) return c.json({ error: UNAUTHENTICATED, code: 'unauthenticated' }, 401);
    if (!allows(rule, viewer.role)) {
      control.record(c, 'denied', `${method} ${c.req.path}`, 'denied');
      return c.json(
        {
          error:
            rule === 'admin'
              ? 'Нет доступа: это действие доступно только администратору.'
              : 'Нет доступа: раздел открыт администраторам и аналитикам, учётная запись школы видит только свою школу.',
        },
        403,
      );
    }
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== viewer.csrf) {
      const detail = `${method} ${c.req.path}: нет верного проверочного ключа страницы (CSRF)`;
      control.record(c, 'denied', detail, 'denied');
      return c.json(
        {
          error:
            'Запрос отклонён: нет проверочного ключа страницы (защита от подделки запросов). Обновите страницу и повторите.',
          code: 'csrf',
        },
        403,
      );
    }
    await next();
    // Routes refuse too (a school user asking for another school): into the log as well.
    if (c.res.status === 403) control.record(c, 'denied', `${method} ${c.req.path}`, 'denied');
  };
}
