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
import type { ProposalAccepted, ProposalRow } from '../contract/api/effects-types.ts';

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
    await insertDecision(store, d);
    await refreshModels(store, { kind: 'tables', tables: ['committee_list_decision'] });
    return undefined;
  });
}

const insertDecision = (store: Store, d: ListDecision) =>
  runStatement(store, 'insert_list_decision', {
    year: d.year,
    school_id: d.schoolId,
    cluster: d.cluster,
    action: d.action,
    reason: d.reason,
    basis: d.basis,
    user: d.user,
  });

/**
 * Accepts the proposed correction of the list (queries/list_proposal.sql) into the working list
 * of `year` + 1, as the committee's decisions in one transaction: a school to keep or to include
 * that the next list lacks is added, a school to exclude that it has is removed; rows the next
 * list already matches are left alone.
 */
export async function acceptListProposal(
  store: Store,
  year: number,
  user: string,
  basis: string | null,
): Promise<ProposalAccepted> {
  return store.transaction(async () => {
    const rows = await runQuery<ProposalRow>(store, 'list_proposal', { year });
    const next = year + 1;
    const result: ProposalAccepted = { year: next, added: 0, removed: 0, unchanged: 0 };
    for (const row of rows) {
      const add = row.proposal !== 'исключить' && !row.in_next_list;
      const remove = row.proposal === 'исключить' && row.in_next_list;
      if (!add && !remove) {
        result.unchanged++;
        continue;
      }
      await insertDecision(store, {
        year: next,
        schoolId: row.school_id,
        cluster: row.cluster,
        action: add ? 'add' : 'remove',
        reason: `корректировка по итогам ${schoolYear(year)}: ${row.reason}`,
        basis,
        user,
      });
      if (add) result.added++;
      else result.removed++;
    }
    if (result.added + result.removed > 0)
      await refreshModels(store, { kind: 'tables', tables: ['committee_list_decision'] });
    return result;
  });
}
