/**
 * The committee's decisions on its working list (analytics/models/working_list.sql): a school
 * added to a cluster's list of a school year, with a reason, or removed from it. Each decision is
 * kept (the latest in force) and the working list's models are rebuilt with it in one
 * transaction, so a crash leaves either both or neither.
 */
import type { Store } from './db.ts';
import { runQuery } from './queries.ts';
import { refreshModels } from './rebuild.ts';
import { runStatement } from './statements.ts';
import { schoolYear } from '../contract/format.ts';

export interface ListDecision {
  year: number;
  schoolId: string;
  cluster: string;
  action: 'add' | 'remove';
  reason: string;
  /** the document the decision rests on (протокол, распоряжение), when there is one */
  basis: string | null;
  /** the login of who decided */
  user: string;
}

/** Why a decision cannot be taken, in Russian; undefined when it can. */
export async function decisionProblem(
  store: Store,
  d: Pick<ListDecision, 'year' | 'schoolId' | 'cluster' | 'action'>,
): Promise<string | undefined> {
  const [entry] = await runQuery<{ school_known: boolean; listed: boolean }>(
    store,
    'working_list_entry',
    { year: d.year, school_id: d.schoolId, cluster: d.cluster },
  );
  const where = `рабочем списке «${d.cluster}» на ${schoolYear(d.year)} учебный год`;
  if (!entry?.school_known) return `Школа с логином «${d.schoolId}» не найдена в реестре.`;
  if (d.action === 'add' && entry.listed) return `Школа уже есть в ${where}.`;
  if (d.action === 'remove' && !entry.listed) return `Школы нет в ${where}.`;
  return undefined;
}

/** Records the decision and rebuilds the working list with it; the problem when it cannot be taken. */
export async function recordListDecision(
  store: Store,
  d: ListDecision,
): Promise<string | undefined> {
  return store.transaction(async () => {
    const problem = await decisionProblem(store, d);
    if (problem) return problem;
    await runStatement(store, 'insert_list_decision', {
      year: d.year,
      school_id: d.schoolId,
      cluster: d.cluster,
      action: d.action,
      reason: d.reason,
      basis: d.basis,
      user: d.user,
    });
    await refreshModels(store, { kind: 'tables', tables: ['committee_list_decision'] });
    return undefined;
  });
}
