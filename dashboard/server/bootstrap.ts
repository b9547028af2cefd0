/**
 * Every start: create the schema, or bring a store of an earlier version up to date
 * (ingest/schema.ts). First start: load the demo district through the real import path when the
 * store is empty; a demo load a crash interrupted is resumed on the next start.
 */
import type { Store } from '../../analytics/db.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { importPaths } from '../../ingest/import.ts';
import { describeUpgrade, ensureSchema } from '../../ingest/schema.ts';
import { runStatement, statementRow } from '../../ingest/statements.ts';
import { DEMO_DIR, generateDemo } from '../../data/generate-demo.ts';

export async function prepareStore(
  store: Store,
  log: (line: string) => void = console.log,
  demoDir: string = DEMO_DIR,
): Promise<void> {
  const upgrade = describeUpgrade(await ensureSchema(store));
  if (upgrade) log(upgrade);
  if ((await statementRow<{ n: number }>(store, 'demo_load_unfinished'))!.n > 0) {
    log('Загрузка демонстрационных данных была прервана: догружаю оставшиеся файлы…');
    return loadDemo(store, log, demoDir);
  }
  const loaded = await statementRow<{ n: number }>(store, 'batch_count');
  if (loaded!.n > 0) {
    if (await refreshModels(store, { kind: 'read' }))
      log('Показатели пересчитаны: изменились данные, модели или методика.');
    return;
  }
  log('Хранилище пустое: создаю демонстрационные данные и загружаю их…');
  await loadDemo(store, log, demoDir);
}

/**
 * Loads every demo file (those already stored are skipped as unchanged), between two marks in
 * demo_load: only a store whose demo load started and never finished is resumed, never a store
 * of the user's own data.
 */
async function loadDemo(store: Store, log: (line: string) => void, dir: string): Promise<void> {
  await runStatement(store, 'mark_demo_load', { finished: false });
  const demo = await generateDemo(dir);
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
  await runStatement(store, 'mark_demo_load', { finished: true });
  log(`Загружено файлов: ${reports.length}.`);
}
