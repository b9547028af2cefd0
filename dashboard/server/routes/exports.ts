/**
 * Downloads: the model exports as JSON (for the dashboard) or as CSV / XLSX files, and any table
 * of a page exactly as it shows it. Every file is recorded in the audit log.
 */
import { z } from 'zod';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AccessControl, App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { EXPORTS, exportTable, toCsv, toXlsx, type ExportName } from '../../../analytics/export.ts';
import { schoolFilter } from '../auth/scope.ts';
import { download } from '../attachment.ts';
import { badRequest, parseQuery, schoolId, year } from '../params.ts';

const DOWNLOAD_MAX_BYTES = 50 * 1048576;
const tooLarge = (c: Context) =>
  c.json(
    {
      error: `Таблица для скачивания больше ${DOWNLOAD_MAX_BYTES / 1048576} МБ: сузьте выборку фильтрами страницы.`,
    },
    413,
  );

const exportQuery = z.object({
  year: year.optional(),
  school: schoolId.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

const downloadBody = z
  .object({
    fileName: z.string().min(1).max(150),
    captions: z.array(z.string().max(200)).min(1).max(100),
    rows: z.array(z.array(z.union([z.string().max(10_000), z.number(), z.null()]))).max(100_000),
  })
  .refine((t) => t.rows.every((r) => r.length === t.captions.length));

/** The file name of an export: its title, the school year when one is chosen, the format. */
const exportFileName = (name: ExportName, year: number | undefined, format: string) =>
  `Выгрузка — ${EXPORTS[name].title}${year ? `, ${year - 1}-${String(year).slice(2)}` : ''}.${format}`;

export function register(app: App, store: Store, access: AccessControl): void {
  app.use('/api/download', bodyLimit({ maxSize: DOWNLOAD_MAX_BYTES, onError: tooLarge }));
  registerExports(app, store, access);
  registerDownload(app, access);
}

function registerExports(app: App, store: Store, access: AccessControl): void {
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
    const file = exportFileName(exportName, year, format);
    access.record(c, 'export', `${file}${school ? `, школа ${school}` : ''}`);
    return format === 'csv'
      ? c.body(toCsv(table), 200, download(file))
      : c.body((await toXlsx(table, exportName)) as Uint8Array<ArrayBuffer>, 200, download(file));
  });
}

/** A table exactly as the page shows it (filtered, sorted), as a CSV or XLSX file. */
function registerDownload(app: App, access: AccessControl): void {
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
}
