/**
 * The HTTP API (Hono). Routes run named queries with validated, bound parameters and
 * answer JSON; everything else is the built dashboard, with index.html for client routes.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { z } from 'zod';
import type { Store } from '../../analytics/db.ts';
import { runQuery } from '../../analytics/queries.ts';
import { importFile, type ImportOptions } from '../../ingest/import.ts';
import { buildModels } from '../../analytics/models.ts';
import type {
  Health,
  SchoolCard,
  SchoolListItem,
  VprBenchmarkRow,
  VprFilterOption,
  VprSchoolRow,
  SchoolVprRow,
} from '../src/lib/api/types.ts';

export interface AppOptions {
  store: Store;
  /** folder with the built dashboard; API only when absent */
  distDir?: string;
}

const districtQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  subject: z.string().min(1).max(100),
  grade: z.coerce.number().int().min(1).max(11),
});

const schoolId = z.string().regex(/^[\p{L}\p{N}_.-]{1,64}$/u);

export function createApp({ store, distDir }: AppOptions): Hono {
  const app = new Hono();
  // Imports are written one at a time, each on its own connection.
  let importQueue: Promise<unknown> = Promise.resolve();

  app.onError((error, c) => {
    console.error(error);
    return c.json(
      { error: 'Внутренняя ошибка сервера. Подробности записаны в журнал сервера.' },
      500,
    );
  });

  app.get('/api/health', async (c) => {
    const [row] = await runQuery<{
      schools_count: number;
      years: number[];
      is_demo: boolean;
      data_date: string | null;
      methodology_version: string;
      min_n: number;
    }>(store, 'health');
    const health: Health = {
      ok: true,
      schoolsCount: row!.schools_count,
      years: row!.years,
      isDemo: row!.is_demo,
      dataDate: row!.data_date,
      methodologyVersion: row!.methodology_version,
      minN: row!.min_n,
    };
    return c.json(health);
  });

  app.get('/api/vpr/filters', async (c) =>
    c.json(await runQuery<VprFilterOption>(store, 'vpr_filters')),
  );

  app.get('/api/vpr/district', async (c) => {
    const parsed = districtQuery.safeParse(c.req.query());
    if (!parsed.success)
      return c.json(
        { error: 'Укажите год, предмет и класс: ?year=2026&subject=Математика&grade=5' },
        400,
      );
    const params = parsed.data;
    const [schools, benchmarks] = await Promise.all([
      runQuery<VprSchoolRow>(store, 'vpr_district_schools', params),
      runQuery<VprBenchmarkRow>(store, 'vpr_benchmarks', params),
    ]);
    return c.json({ ...params, schools, benchmarks });
  });

  app.get('/api/schools', async (c) =>
    c.json(await runQuery<SchoolListItem>(store, 'school_list')),
  );

  app.get('/api/schools/:id', async (c) => {
    const id = schoolId.safeParse(c.req.param('id'));
    const [school] = id.success
      ? await runQuery<SchoolCard>(store, 'school_card', { school_id: id.data })
      : [];
    if (!school)
      return c.json({ error: `Школа с кодом «${c.req.param('id')}» не найдена в реестре.` }, 404);
    const vpr = await runQuery<SchoolVprRow>(store, 'school_vpr', { school_id: school.school_id });
    return c.json({ school, vpr });
  });

  app.post('/api/import', async (c) => {
    const name = decodeURIComponent(c.req.header('x-file-name') ?? 'файл');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const options: ImportOptions = {
      dryRun: c.req.query('dryRun') === 'true',
      replace: c.req.query('replace') === 'true',
      user: 'сервер',
    };
    const run = importQueue.then(async () => {
      const session = await store.session();
      try {
        const report = await importFile(session, name, bytes, options);
        if (report.outcome === 'loaded' || report.outcome === 'replaced')
          await buildModels(session);
        return report;
      } finally {
        session.close();
      }
    });
    importQueue = run.catch(() => undefined);
    return c.json(await run);
  });

  app.all('/api/*', (c) => c.json({ error: 'Нет такого адреса API.' }, 404));

  if (distDir && existsSync(join(distDir, 'index.html'))) {
    const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: distDir }));
    app.get('*', serveStatic({ root: distDir }));
    app.get('*', (c) => c.html(indexHtml));
  }
  return app;
}
