/**
 * The HTTP API (Hono). Routes run named queries with validated, bound parameters and
 * answer JSON; everything else is the built dashboard, with index.html for client routes.
 * Each group of routes lives in its own module under routes/; this file sets up the
 * middleware and registers the groups in order.
 */
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Store } from '../../analytics/db.ts';
import * as authRoutes from './routes/auth.ts';
import * as adminRoutes from './routes/admin.ts';
import * as healthRoutes from './routes/health.ts';
import * as importRoutes from './routes/import.ts';
import * as templateRoutes from './routes/templates.ts';
import * as flagsRoutes from './routes/flags.ts';
import * as exportRoutes from './routes/exports.ts';
import * as methodologyRoutes from './routes/methodology.ts';
import * as districtRoutes from './routes/district.ts';
import * as schoolRoutes from './routes/school.ts';
import * as fgRoutes from './routes/fg.ts';
import * as deficitsRoutes from './routes/deficits.ts';
import * as compareRoutes from './routes/compare.ts';
import * as briefingRoutes from './routes/briefing.ts';
import * as clusterRoutes from './routes/clusters.ts';
import * as pairsRoutes from './routes/pairs.ts';
import * as effectRoutes from './routes/effects.ts';
import * as roadmapRoutes from './routes/roadmap.ts';
import * as staticRoutes from './routes/static.ts';
import type { AccessControl, App, AppEnv } from './auth/control.ts';
import { guard } from './auth/guard.ts';
import { writeQueue } from './write-queue.ts';

export interface AppOptions {
  store: Store;
  /** folder with the built dashboard; API only when absent */
  distDir?: string;
  /** users, sessions, the audit log: who may call what */
  access: AccessControl;
}

/** The page may load only its own scripts; Plot's charts carry their own <style>. */
const SECURITY_HEADERS = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'same-origin',
});

/**
 * Errors answer a Russian message (the details go to the server log), API answers are never
 * cached, and the guard checks every API call against the access table.
 */
function useMiddleware(app: App, access: AccessControl): void {
  app.onError((error, c) => {
    console.error(error);
    return c.json(
      { error: 'Внутренняя ошибка сервера. Подробности записаны в журнал сервера.' },
      500,
    );
  });
  app.use('*', SECURITY_HEADERS);
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('/api/*', guard(access));
}

export function createApp({ store, distDir, access }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Imports, mappings, methodology versions and backups are written one at a time.
  const queued = writeQueue(store);

  useMiddleware(app, access);
  authRoutes.register(app, store, access);
  adminRoutes.register(app, store, queued, access);
  healthRoutes.register(app, store);
  importRoutes.register(app, store, queued, access);
  templateRoutes.register(app);
  flagsRoutes.register(app, store);
  exportRoutes.register(app, store, access);
  methodologyRoutes.register(app, store, queued, access);
  clusterRoutes.register(app, store, queued, access);
  effectRoutes.register(app, store, queued, access);
  roadmapRoutes.register(app, store, queued, access);
  for (const routes of [
    districtRoutes,
    schoolRoutes,
    fgRoutes,
    deficitsRoutes,
    compareRoutes,
    pairsRoutes,
  ])
    routes.register(app, store);
  briefingRoutes.register(app, store, access);
  staticRoutes.register(app, distDir);
  return app;
}
