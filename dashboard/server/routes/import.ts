/**
 * «Загрузка данных»: uploading a file (checked, then written, then the models rebuilt), its
 * progress, the history of imports with what the store holds, and for a file no format knows the
 * proposed column mapping and saving it.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AccessControl, App, AppEnv } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { DEFAULT_MAX_BYTES, fileWorker, importFile } from '../../../ingest/import.ts';
import type { ImportOptions } from '../../../ingest/import-rows.ts';
import { refreshModels } from '../../../analytics/rebuild.ts';
import { datasetTitle, type Dataset } from '../../../ingest/datasets.ts';
import { saveMapping } from '../../../ingest/custom/mapping.ts';
import { mappingSchema } from '../../../contract/imports/custom-mapping.ts';
import type { ImportLogRow, StoreContentsRow } from '../../../contract/api/types.ts';
import type { ImportQuery } from '../../../contract/api/import-types.ts';
import { importEvent } from '../auth/audit.ts';
import { badRequest } from '../params.ts';
import { ImportTracker } from '../import-progress.ts';
import type { Queue } from '../write-queue.ts';

// Uploads over the import size limit are refused before they are read into memory.
const uploadLimit = bodyLimit({
  maxSize: DEFAULT_MAX_BYTES,
  onError: (c) => c.json({ error: uploadTooLarge(fileName(c.req.header('x-file-name'))) }, 413),
});

/** The answer to an upload over the limit, naming the file. */
const uploadTooLarge = (name: string) =>
  `Файл «${name}» больше ${Math.round(DEFAULT_MAX_BYTES / 1048576)} МБ — предела загрузки через сервер: разделите его на части.`;

/** The file's name as the browser sent it (percent-encoded); a malformed one is shown as written. */
function fileName(header: string | undefined): string {
  if (header === undefined) return 'файл';
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

const uploadedFile = async (c: Context<AppEnv>) => ({
  name: fileName(c.req.header('x-file-name')),
  bytes: new Uint8Array(await c.req.arrayBuffer()),
});

/**
 * The options of an upload from its query (contract ImportQuery):
 * `?dryRun=true&replace=true&createSchools=true&year=2023/24&basis=…`.
 */
function importOptions(c: Context<AppEnv>): ImportOptions {
  const flag = (key: keyof ImportQuery) => c.req.query(key) === 'true';
  const text = (key: keyof ImportQuery) => c.req.query(key)?.trim().slice(0, 500) || undefined;
  return {
    dryRun: flag('dryRun'),
    replace: flag('replace'),
    createSchools: flag('createSchools'),
    year: text('year'),
    basis: text('basis'),
    user: c.get('viewer').login,
  };
}

/** Dataset ids become their Russian titles for the page. */
const title = (dataset: string | null) => (dataset ? datasetTitle(dataset as Dataset) : null);

export function register(app: App, store: Store, queued: Queue, access: AccessControl): void {
  app.use('/api/import', uploadLimit);
  app.use('/api/import/propose', uploadLimit);
  registerUpload(app, queued, access);
  registerHistory(app, store);
  registerMapping(app, queued, access);
}

/** The upload, written after the imports before it, and its progress. */
function registerUpload(app: App, queued: Queue, access: AccessControl): void {
  const imports = new ImportTracker();

  app.post('/api/import', async (c) => {
    const { name, bytes } = await uploadedFile(c);
    const options = importOptions(c);
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

  app.get('/api/import/progress', (c) => c.json(imports.view(fileWorker.busy)));

  // Stops the file being read and checked; once it is being written, it is too late.
  app.post('/api/import/cancel', (c) => {
    const running = imports.view(false);
    if (!fileWorker.cancel())
      return c.json(
        { error: 'Отменять нечего: файл уже записывается в хранилище или загрузка закончилась.' },
        409,
      );
    access.record(c, 'import_cancel', running.running ? `«${running.file}»` : '');
    return c.json({ ok: true });
  });
}

/** The imports so far and what the store holds, by dataset. */
function registerHistory(app: App, store: Store): void {
  app.get('/api/import/history', async (c) => {
    const [history, contents] = await Promise.all([
      runQuery<ImportLogRow>(store, 'import_history'),
      runQuery<StoreContentsRow>(store, 'store_contents'),
    ]);
    return c.json({
      history: history.map((h) => ({ ...h, dataset: title(h.dataset) })),
      contents: contents
        .map((row) => ({ ...row, dataset: title(row.dataset)! }))
        .sort((a, b) => a.dataset.localeCompare(b.dataset, 'ru')),
    });
  });
}

/** The column mapping of a file no format knows: proposed from its header, then saved. */
function registerMapping(app: App, queued: Queue, access: AccessControl): void {
  /** The header row of a file no format knows, with sample values, for the column mapping. */
  app.post('/api/import/propose', async (c) => {
    const { name, bytes } = await uploadedFile(c);
    const proposal = await fileWorker.propose(name, bytes);
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
}
