/** First start: create the schema, and load the demo district through the real import path when the store is empty. */
import type { Store } from '../../analytics/db.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { importPaths } from '../../ingest/import.ts';
import { ensureSchema } from '../../ingest/schema.ts';
import { statementRow } from '../../ingest/statements.ts';
import { generateDemo } from '../../data/generate-demo.ts';

export async function prepareStore(
  store: Store,
  log: (line: string) => void = console.log,
): Promise<void> {
  await ensureSchema(store);
  const loaded = await statementRow<{ n: number }>(store, 'batch_count');
  if (loaded!.n > 0) {
    if (await refreshModels(store, { kind: 'read' }))
      log('Показатели пересчитаны: изменились модели или методика.');
    return;
  }
  log('Хранилище пустое: создаю демонстрационные данные и загружаю их…');
  const demo = await generateDemo();
  const reports = await importPaths(
    store,
    demo,
    { isDemo: true, user: 'демонстрационные данные' },
    (_, index, total) => {
      if ((index + 1) % 25 === 0) log(`  загружено файлов: ${index + 1} из ${total}`);
    },
  );
  const rejected = reports.filter((r) => r.outcome === 'rejected');
  if (rejected.length > 0)
    throw new Error(
      `Демонстрационные файлы не загрузились: ${rejected.map((r) => r.file).join(', ')}`,
    );
  log(`Загружено файлов: ${reports.length}.`);
}
