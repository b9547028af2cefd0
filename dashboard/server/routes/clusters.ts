/**
 * The committee's working lists: their history by cluster and year with the span between any two
 * years (GET /api/clusters), a year's list beside the computed flags with the committee's
 * decisions (GET /api/working-list), and a decision to add or remove a school (POST, admin).
 */
import { z } from 'zod';
import type { Context } from 'hono';
import type { AccessControl, App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { recordListDecision } from '../../../analytics/list-decisions.ts';
import type {
  ClusterHistoryPage,
  ClusterHistoryRow,
  ClusterSpanRow,
  ListDecisionRow,
  SchoolClusterYear,
  WorkingListPage,
  WorkingListRow,
} from '../../../contract/api/cluster-types.ts';
import { schoolYear } from '../../../contract/format.ts';
import { badRequest, parseQuery, schoolId, year } from '../params.ts';
import type { Queue } from '../write-queue.ts';

const spanQuery = z.object({ from: year.optional(), to: year.optional() });
const yearQuery = z.object({ year: year.optional() });
const decisionBody = z.object({
  year,
  schoolId,
  cluster: z.string().trim().min(1).max(50),
  action: z.enum(['add', 'remove']),
  reason: z.string().trim().min(1).max(500),
  basis: z.string().trim().max(300).nullish(),
});

async function clusterHistory(store: Store, from?: number, to?: number) {
  const [history, schools] = await Promise.all([
    runQuery<ClusterHistoryRow>(store, 'cluster_history'),
    runQuery<SchoolClusterYear>(store, 'school_cluster_years', { school_id: null }),
  ]);
  const years = [...new Set(history.map((r) => r.year))].sort((a, b) => a - b);
  const first = from ?? years[0];
  const last = to ?? years.at(-1);
  const span =
    first === undefined || last === undefined
      ? null
      : {
          from: first,
          to: last,
          rows: await runQuery<ClusterSpanRow>(store, 'cluster_span', { from: first, to: last }),
        };
  return { years, history, span, schools } satisfies ClusterHistoryPage;
}

async function workingList(store: Store, wanted?: number): Promise<WorkingListPage> {
  const years = await runQuery<{ year: number; listed: boolean }>(store, 'working_list_years');
  const chosen = wanted ?? years.filter((y) => y.listed).at(-1)?.year ?? years.at(-1)?.year ?? null;
  if (chosen === null) return { year: null, years: [], rows: [], decisions: [] };
  const [rows, decisions] = await Promise.all([
    runQuery<WorkingListRow>(store, 'working_list', { year: chosen }),
    runQuery<ListDecisionRow>(store, 'list_decisions', { year: chosen }),
  ]);
  return { year: chosen, years: years.map((y) => y.year), rows, decisions };
}

/** «добавлена в ШПУН 2025/26: sch470112 — причина (основание: …)» */
const decisionDetail = (d: z.infer<typeof decisionBody>) =>
  `${d.action === 'add' ? 'добавлена в' : 'исключена из'} ${d.cluster} ${schoolYear(d.year)}: ` +
  `${d.schoolId} — ${d.reason}${d.basis ? ` (основание: ${d.basis})` : ''}`;

async function decide(c: Context, queued: Queue, access: AccessControl) {
  const parsed = decisionBody.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success)
    return badRequest(
      c,
      'Решение по рабочему списку: нужны учебный год, логин школы, кластер, действие (add — включить, remove — исключить) и причина (до 500 знаков).',
    );
  const d = parsed.data;
  const user = c.get('viewer').login;
  const problem = await queued((session) =>
    recordListDecision(session, { ...d, basis: d.basis || null, user }),
  );
  if (problem) {
    access.record(c, 'list_decision', `${decisionDetail(d)} — отказано: ${problem}`, 'failed');
    return c.json({ error: problem }, 409);
  }
  access.record(c, 'list_decision', decisionDetail(d));
  return c.json({ ok: true });
}

export function register(app: App, store: Store, queued: Queue, access: AccessControl): void {
  app.get('/api/clusters', async (c) => {
    const query = parseQuery(c, spanQuery, 'Параметры: from и to — учебные годы (2021, 2026).');
    if (query instanceof Response) return query;
    return c.json(await clusterHistory(store, query.from, query.to));
  });

  app.get('/api/working-list', async (c) => {
    const query = parseQuery(c, yearQuery, 'Параметр year — учебный год (2026).');
    if (query instanceof Response) return query;
    return c.json(await workingList(store, query.year));
  });

  app.post('/api/working-list', (c) => decide(c, queued, access));
}
