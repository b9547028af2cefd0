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

export async function methodologyInForce(store: Store): Promise<MethodologyInForce> {
  const row = await store.one<MethodologyRevision & { body: string }>(
    `SELECT revision_id, version, body, saved_by, strftime(saved_at, '%Y-%m-%dT%H:%M:%S') AS saved_at
     FROM methodology_revision ORDER BY revision_id DESC LIMIT 1`,
  );
  if (!row) return { methodology: loadMethodology(), revision: null };
  const { body, ...revision } = row;
  return { methodology: methodologySchema.parse(JSON.parse(body)), revision };
}

export async function currentMethodology(store: Store): Promise<Methodology> {
  return (await methodologyInForce(store)).methodology;
}

export async function methodologyRevisions(store: Store): Promise<MethodologyRevision[]> {
  return store.all<MethodologyRevision>(
    `SELECT revision_id, version, saved_by, strftime(saved_at, '%Y-%m-%dT%H:%M:%S') AS saved_at
     FROM methodology_revision ORDER BY revision_id DESC`,
  );
}

/** Stores a new version (validated by the caller); analytics/rebuild.ts applies it to the models. */
export async function storeRevision(
  store: Store,
  methodology: Methodology,
  user: string,
): Promise<void> {
  await store.run(
    `INSERT INTO methodology_revision (revision_id, version, body, saved_by)
     SELECT coalesce(max(revision_id), 0) + 1, $version, $body, $user FROM methodology_revision`,
    { version: methodology.version, body: JSON.stringify(methodology), user },
  );
}
