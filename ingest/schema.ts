/** Creates the importer's tables when the store is new. */
import { readFileSync } from 'node:fs';
import type { Store } from '../analytics/db.ts';
import { seedGradingScales } from './reference/grading-scales.ts';

const SCHEMA_SQL = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');

export async function ensureSchema(store: Store): Promise<void> {
  await store.run(SCHEMA_SQL);
  await seedGradingScales(store);
}
