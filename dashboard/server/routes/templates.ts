/** The import templates: the list with their columns, and each as an empty XLSX to fill in. */
import type { App } from '../auth/control.ts';
import { TEMPLATES } from '../../../ingest/formats/index.ts';
import { templateWorkbook } from '../../../ingest/templates.ts';
import { datasetTitle } from '../../../ingest/datasets.ts';
import { download } from '../attachment.ts';

export function register(app: App): void {
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
}
