/** The year's road map in numbers, one way for the page and the briefings. */
import type { RoadmapMeasure, RoadmapSummary } from './api/roadmap-types.ts';

/** All measures, by status, and the open ones past their deadline (`overdue`, by the query). */
export function summarise(
  measures: readonly Pick<RoadmapMeasure, 'status' | 'overdue'>[],
): RoadmapSummary {
  const count = (status: string) => measures.filter((m) => m.status === status).length;
  return {
    total: measures.length,
    planned: count('запланировано'),
    done: count('выполнено'),
    moved: count('перенесено'),
    not_done: count('не выполнено'),
    overdue: measures.filter((m) => m.overdue).length,
  };
}
