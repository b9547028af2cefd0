/** What a procedure's results are called and measured by, in one place for every page. */
import type { Procedure, ResultIndicators } from './api/types.ts';
import { formatPct, schoolYear } from './format.ts';

/** The share the pages rank and draw: pupils with «2», or below the ЕГЭ minimum score. */
export const keyShareLabel = (procedure: Procedure) =>
  procedure === 'ЕГЭ' ? 'Ниже минимального балла' : 'Доля «2»';

/** Why an ЕГЭ share below the minimum is missing though the pupils have scores. */
export const UNKNOWN_SCALE = 'шкала неизвестна';

/**
 * The key share as a cell or a label reads it: «12,3 %»; for ЕГЭ scores in a year without a
 * grading scale «шкала неизвестна» (the minimum score is unknown, so is who is below it — never
 * «0 %»); «—» when there is nothing to count.
 */
export const formatKeyShare = (r: Pick<ResultIndicators, 'key_pct' | 'avg_test_score'>): string =>
  r.key_pct == null && r.avg_test_score != null ? UNKNOWN_SCALE : formatPct(r.key_pct);

/** «ВПР, Математика, 5 класс, 2025/26» */
export function selectionTitle(s: {
  procedure: Procedure;
  subject: string;
  grade?: number | null;
  year?: number;
}): string {
  const parts = [s.procedure, s.subject];
  if (s.grade != null) parts.push(`${s.grade} класс`);
  if (s.year != null) parts.push(schoolYear(s.year));
  return parts.join(', ');
}

/** Clusters of support (risk) and of leaders are told apart by colour and by wording. */
/** The leaders' cluster (школы-лидеры): flagged for good results, not a risk. */
export const LEADER_CLUSTER = 'ШЛ';
export const isLeaderCluster = (cluster: string) => cluster === LEADER_CLUSTER;
