/**
 * The HTTP API (Hono). Routes run named queries with validated, bound parameters and
 * answer JSON; everything else is the built dashboard, with index.html for client routes.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { z } from 'zod';
import type { Store } from '../../analytics/db.ts';
import { runQuery } from '../../analytics/queries.ts';
import { EXPORTS, exportTable, toCsv, toXlsx, type ExportName } from '../../analytics/export.ts';
import { DEFAULT_MAX_BYTES, importFile } from '../../ingest/import.ts';
import { type ImportOptions } from '../../ingest/import-rows.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { TEMPLATES } from '../../ingest/formats/index.ts';
import { templateWorkbook } from '../../ingest/templates.ts';
import { datasetTitle, type Dataset } from '../../ingest/datasets.ts';
import { saveMapping } from '../../ingest/custom/mapping.ts';
import { mappingSchema } from '../../contract/imports/custom-mapping.ts';
import { proposeMapping } from '../../ingest/custom/propose.ts';
import * as districtRoutes from './routes/district.ts';
import * as schoolRoutes from './routes/school.ts';
import * as fgRoutes from './routes/fg.ts';
import * as deficitsRoutes from './routes/deficits.ts';
import * as compareRoutes from './routes/compare.ts';
import * as methodologyRoutes from './routes/methodology.ts';
import * as briefingRoutes from './routes/briefing.ts';
import * as authRoutes from './routes/auth.ts';
import * as adminRoutes from './routes/admin.ts';
import type { AccessControl, AppEnv } from './auth/control.ts';
import { guard } from './auth/guard.ts';
import { schoolFilter } from './auth/scope.ts';
import { importEvent } from './auth/audit.ts';
import { attachment } from './attachment.ts';
import { badRequest, parseQuery, schoolId, year } from './params.ts';
import { PAGE_HELP, pageParams, queryPage, type PageSpec, unknownSort } from './table-page.ts';
import type { Health, ImportLogRow, StoreContentsRow } from '../../contract/api/types.ts';
import { ImportTracker } from './import-progress.ts';

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

const exportQuery = z.object({
  year: year.optional(),
  school: schoolId.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

const flagsQuery = z
  .object({
    year: year.optional(),
    school: schoolId.optional(),
    cluster: z.string().min(1).max(50).optional(),
  })
  .extend(pageParams);
/** The flags list as the server pages it: a country's year holds about 40 000 flags. */
const flagsPage: PageSpec = {
  sort: {
    year: 'year',
    school: 'lower(short_name)',
    login: 'school_id',
    cluster: 'cluster',
    triggered: 'triggered',
  },
  search: ['short_name', 'school_id', 'cluster', 'cluster_title'],
  order: 'year DESC, cluster, triggered DESC, short_name, school_id',
};

const downloadBody = z
  .object({
    fileName: z.string().min(1).max(150),
    captions: z.array(z.string().max(200)).min(1).max(100),
    rows: z.array(z.array(z.union([z.string().max(10_000), z.number(), z.null()]))).max(100_000),
  })
  .refine((t) => t.rows.every((r) => r.length === t.captions.length));

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const download = (fileName: string) =>
  attachment(fileName, CONTENT_TYPES[fileName.endsWith('.csv') ? 'csv' : 'xlsx']);

export function createApp({ store, distDir, access }: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Imports are written one at a time, each on its own connection.
  let importQueue: Promise<unknown> = Promise.resolve();

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
  authRoutes.register(app, store, access);
  adminRoutes.register(app, store, access);

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

  /** Runs `work` on its own connection after the imports queued before it. */
  const queued = <T>(work: (session: Store) => Promise<T>): Promise<T> => {
    const run = importQueue.then(async () => {
      const session = await store.session();
      try {
        return await work(session);
      } finally {
        session.close();
      }
    });
    importQueue = run.catch(() => undefined);
    return run;
  };

  const uploadedFile = async (c: Context<AppEnv>) => ({
    name: decodeURIComponent(c.req.header('x-file-name') ?? 'файл'),
    bytes: new Uint8Array(await c.req.arrayBuffer()),
  });

  // Uploads over the import size limit are refused before they are read into memory.
  const uploadLimit = bodyLimit({
    maxSize: DEFAULT_MAX_BYTES,
    onError: (c) =>
      c.json(
        {
          error: `Файл больше ${Math.round(DEFAULT_MAX_BYTES / 1048576)} МБ: разделите его на части.`,
        },
        413,
      ),
  });
  app.use('/api/import', uploadLimit);
  app.use('/api/import/propose', uploadLimit);
  app.use('/api/download', bodyLimit({ maxSize: 50 * 1048576 }));

  const imports = new ImportTracker();

  app.post('/api/import', async (c) => {
    const { name, bytes } = await uploadedFile(c);
    const flag = (key: string) => c.req.query(key) === 'true';
    const options: ImportOptions = {
      dryRun: flag('dryRun'),
      replace: flag('replace'),
      createSchools: flag('createSchools'),
      user: c.get('viewer').login,
    };
    const phase = options.dryRun ? 'Проверка файла' : 'Проверка и запись';
    const report = await queued((session) =>
      imports.track(name, phase, async (progress) => {
        const result = await importFile(session, name, bytes, {
          ...options,
          onProgress: (_file, done, total) => progress(done, total),
        });
        if (result.outcome === 'loaded' || result.outcome === 'replaced') {
          imports.rebuilding();
          await refreshModels(session, { kind: 'import', reports: [result] });
        }
        return result;
      }),
    );
    const event = importEvent(report);
    access.record(c, event.action, event.detail, event.outcome);
    return c.json(report);
  });

  app.get('/api/import/progress', (c) => c.json(imports.view()));

  app.get('/api/import/history', async (c) => {
    const [history, contents] = await Promise.all([
      runQuery<ImportLogRow>(store, 'import_history'),
      runQuery<StoreContentsRow>(store, 'store_contents'),
    ]);
    // Dataset ids become their Russian titles for the page.
    const title = (dataset: string | null) => (dataset ? datasetTitle(dataset as Dataset) : null);
    return c.json({
      history: history.map((h) => ({ ...h, dataset: title(h.dataset) })),
      contents: contents
        .map((row) => ({ ...row, dataset: title(row.dataset)! }))
        .sort((a, b) => a.dataset.localeCompare(b.dataset, 'ru')),
    });
  });

  /** The header row of a file no format knows, with sample values, for the column mapping. */
  app.post('/api/import/propose', async (c) => {
    const { name, bytes } = await uploadedFile(c);
    const proposal = await proposeMapping(name, bytes);
    if ('error' in proposal) return c.json(proposal, 400);
    return c.json(proposal);
  });

  app.post('/api/mappings', async (c) => {
    const parsed = mappingSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success)
      return badRequest(
        c,
        'Сопоставление столбцов не сохранено: нужны название набора (от 2 до 100 символов), столбец школы, столбец учебного года и хотя бы один показатель с названием от 2 до 150 символов.',
      );
    await queued((session) => saveMapping(session, parsed.data, c.get('viewer').login));
    access.record(c, 'mapping', `набор «${parsed.data.setName}»`);
    return c.json({ ok: true });
  });

  app.get('/api/templates', (c) =>
    c.json(
      TEMPLATES.map((f) => ({
        id: f.id,
        title: f.title,
        dataset: datasetTitle(f.dataset),
        required: f.columns.filter((col) => col.required).map((col) => col.names[0]),
        optional: f.columns.filter((col) => !col.required).map((col) => col.names[0]),
      })),
    ),
  );

  app.get('/api/templates/:id', async (c) => {
    const format = TEMPLATES.find((f) => f.id === c.req.param('id'));
    if (!format) return c.json({ error: 'Нет такого шаблона.' }, 404);
    const title = format.title.replace(/\s*\(шаблон\)$/, '');
    return c.body(
      (await templateWorkbook(format)) as Uint8Array<ArrayBuffer>,
      200,
      download(`Шаблон — ${title}.xlsx`),
    );
  });

  /** Computed risk-cluster flags with evidence, explanation and the condition that clears them. */
  app.get('/api/flags', async (c) => {
    const query = parseQuery(
      c,
      flagsQuery,
      `Параметры: year — учебный год (2026), school — логин ОО, cluster — кластер; страницей — ${PAGE_HELP}.`,
    );
    if (query instanceof Response) return query;
    const school = schoolFilter(c, query.school);
    if (school instanceof Response) return school;
    const { year = null, cluster = null, school: _, ...page } = query;
    const params = { year, school_id: school, cluster };
    const [flags, comparison] = await Promise.all([
      queryPage(store, 'risk_flags', params, flagsPage, page),
      runQuery(store, 'cluster_comparison', { year }),
    ]);
    if (!flags) return badRequest(c, unknownSort(flagsPage, page.sort));
    return c.json({ flags: flags.rows, total: flags.total, comparison: school ? [] : comparison });
  });

  app.get('/api/exports', (c) =>
    c.json(Object.entries(EXPORTS).map(([name, e]) => ({ name, title: e.title }))),
  );

  /** The model exports as JSON (for the dashboard) or as a CSV / XLSX download. */
  app.get('/api/exports/:name', async (c) => {
    const name = c.req.param('name');
    if (!(name in EXPORTS)) return c.json({ error: `Нет выгрузки «${name}».` }, 404);
    const query = parseQuery(
      c,
      exportQuery,
      'Параметры выгрузки: year — учебный год (2026), school — логин ОО, format — json, csv или xlsx.',
    );
    if (query instanceof Response) return query;
    const school = schoolFilter(c, query.school);
    if (school instanceof Response) return school;
    const { format, year } = query;
    const exportName = name as ExportName;
    const table = await exportTable(store, exportName, { year, school: school ?? undefined });
    if (format === 'json') return c.json(table);
    const file = `Выгрузка — ${EXPORTS[exportName].title}${year ? `, ${year - 1}-${String(year).slice(2)}` : ''}.${format}`;
    access.record(c, 'export', `${file}${school ? `, школа ${school}` : ''}`);
    return format === 'csv'
      ? c.body(toCsv(table), 200, download(file))
      : c.body((await toXlsx(table, exportName)) as Uint8Array<ArrayBuffer>, 200, download(file));
  });

  /** A table exactly as the page shows it (filtered, sorted), as a CSV or XLSX file. */
  app.post('/api/download', async (c) => {
    const parsed = downloadBody.safeParse(await c.req.json().catch(() => null));
    const format = c.req.query('format');
    if (!parsed.success || (format !== 'csv' && format !== 'xlsx'))
      return badRequest(
        c,
        'Таблица для скачивания не принята: нужны название файла, заголовки столбцов и строки (не больше 100 000), формат csv или xlsx.',
      );
    const { fileName, ...table } = parsed.data;
    const file = `${fileName}.${format}`;
    access.record(c, 'export', `таблица страницы «${file}», строк: ${table.rows.length}`);
    return format === 'csv'
      ? c.body(toCsv(table), 200, download(file))
      : c.body((await toXlsx(table, fileName)) as Uint8Array<ArrayBuffer>, 200, download(file));
  });

  methodologyRoutes.register(app, store, queued, access);
  for (const routes of [districtRoutes, schoolRoutes, fgRoutes, deficitsRoutes, compareRoutes])
    routes.register(app, store);
  briefingRoutes.register(app, store, access);

  app.all('/api/*', (c) => c.json({ error: 'Нет такого адреса API.' }, 404));

  if (distDir && existsSync(join(distDir, 'index.html'))) {
    const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: distDir }));
    app.get('*', serveStatic({ root: distDir }));
    app.get('*', (c) => c.html(indexHtml));
  }
  return app;
}
