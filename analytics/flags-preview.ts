/**
 * Recomputes the risk flags under another methodology (a changed threshold, an older rule
 * version) without touching the store: the models are rebuilt on a separate connection in a
 * transaction that is rolled back. Returns the flags it gives and how they differ from the
 * flags stored now.
 */
import type { Store } from './db.ts';
import type { Methodology } from './methodology.ts';
import { writeModels } from './models.ts';

export interface FlagRow {
  year: number;
  school_id: string;
  short_name: string;
  cluster: string;
  triggered: boolean;
  rule_version: string;
  explanation: string;
}

export interface FlagChange {
  year: number;
  school_id: string;
  short_name: string;
  cluster: string;
  /** «добавится»: flagged under the candidate only; «снимется»: flagged now only */
  change: 'добавится' | 'снимется';
}

const FLAGS_SQL = `
  SELECT f.year, f.school_id, s.short_name, f.cluster, f.triggered, f.rule_version, f.explanation
  FROM risk_flags AS f JOIN school AS s USING (school_id)
  WHERE f.triggered AND ($year IS NULL OR f.year = $year)
  ORDER BY f.year, f.cluster, s.short_name`;

export async function previewFlags(
  store: Store,
  candidate: Methodology,
  year: number | null = null,
): Promise<{ flags: FlagRow[]; changes: FlagChange[] }> {
  const current = await store.all<FlagRow>(FLAGS_SQL, { year });
  const session = await store.session();
  let flags: FlagRow[];
  try {
    flags = await session.trial(async () => {
      await writeModels(session, candidate);
      return session.all<FlagRow>(FLAGS_SQL, { year });
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
