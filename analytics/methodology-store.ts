/**
 * The methodology in force for a store: the latest version saved from the dashboard, else the
 * methodology file. Every earlier version is kept. A save goes through analytics/rebuild.ts,
 * which stores the version and rebuilds the models in one transaction, so the flags never
 * disagree with the rules shown.
 */
import type { Store } from './db.ts';
import type { MethodologyInForce, MethodologyRevision } from '../contract/api/methodology-types.ts';
import { loadMethodology } from './methodology-file.ts';
import { methodologySchema, type Methodology } from '../contract/methodology.ts';
import { runStatement, statementRow, statementRows } from './statements.ts';

export async function methodologyInForce(store: Store): Promise<MethodologyInForce> {
  const row = await statementRow<MethodologyRevision & { body: string }>(
    store,
    'methodology_in_force',
  );
  if (!row) return { methodology: loadMethodology(), revision: null };
  const { body, ...revision } = row;
  return { methodology: methodologySchema.parse(JSON.parse(body)), revision };
}

export async function currentMethodology(store: Store): Promise<Methodology> {
  return (await methodologyInForce(store)).methodology;
}

export async function methodologyRevisions(store: Store): Promise<MethodologyRevision[]> {
  return statementRows<MethodologyRevision>(store, 'methodology_revisions');
}

/** Stores a new version (validated by the caller); analytics/rebuild.ts applies it to the models. */
export async function storeRevision(
  store: Store,
  methodology: Methodology,
  user: string,
): Promise<void> {
  await runStatement(store, 'store_methodology_revision', {
    version: methodology.version,
    body: JSON.stringify(methodology),
    user,
  });
}
