/**
 * Recomputes the risk flags under another methodology (a changed threshold, an older rule
 * version) without touching the store: the models are rebuilt on a separate connection in a
 * transaction that is rolled back. Returns the flags it gives and how they differ from the
 * flags stored now.
 */
import type { Store } from './db.ts';
import type { FlagChange, FlagRow } from '../contract/api/methodology-types.ts';
import type { Methodology } from '../contract/methodology.ts';
import { writeModels } from './models.ts';
import { runQuery } from './queries.ts';

export async function previewFlags(
  store: Store,
  candidate: Methodology,
  year: number | null = null,
): Promise<{ flags: FlagRow[]; changes: FlagChange[] }> {
  const current = await runQuery<FlagRow>(store, 'triggered_flags', { year });
  const session = await store.session();
  let flags: FlagRow[];
  try {
    flags = await session.trial(async () => {
      await writeModels(session, candidate);
      return runQuery<FlagRow>(session, 'triggered_flags', { year });
    });
  } finally {
    session.close();
  }
  const key = (f: FlagRow) => `${f.year}|${f.school_id}|${f.cluster}`;
  const before = new Set(current.map(key));
  const after = new Set(flags.map(key));
  const changes: FlagChange[] = [
    ...flags
      .filter((f) => !before.has(key(f)))
      .map((f) => ({ ...pick(f), change: 'добавится' as const })),
    ...current
      .filter((f) => !after.has(key(f)))
      .map((f) => ({ ...pick(f), change: 'снимется' as const })),
  ];
  return { flags, changes };
}

const pick = ({ year, school_id, short_name, cluster }: FlagRow) => ({
  year,
  school_id,
  short_name,
  cluster,
});
