/**
 * What no API route answered: an unknown API address is a 404 in JSON; everything else is the
 * built dashboard, with index.html for the client's own routes. Registered last.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from '../auth/control.ts';

export function register(app: App, distDir: string | undefined): void {
  app.all('/api/*', (c) => c.json({ error: 'Нет такого адреса API.' }, 404));

  if (distDir && existsSync(join(distDir, 'index.html'))) {
    const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: distDir }));
    app.get('*', serveStatic({ root: distDir }));
    app.get('*', (c) => c.html(indexHtml));
  }
}
