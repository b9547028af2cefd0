/**
 * The effect of support (GET /api/effects): for a working list's year, each listed school's key
 * indicator before and after the support year with the outcome, the summaries per cluster and
 * per form of support, the network pairs begun that year against schools without a pair, and the
 * proposed list of the next year; accepting that proposal into the next year's working list
 * (POST /api/working-list/proposal, admin). The page opens on the latest list whose support year
 * has results.
 */
import { z } from 'zod';
import type { AccessControl, App } from '../auth/control.ts';
import type { Store } from '../../../analytics/db.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { acceptListProposal } from '../../../analytics/list-decisions.ts';
import type {
  EffectSummaryRow,
  EffectsPage,
  PairEffectRow,
  ProposalRow,
  SupportEffectRow,
} from '../../../contract/api/effects-types.ts';
import { schoolYear } from '../../../contract/format.ts';
import { badRequest, parseQuery, year } from '../params.ts';
import type { Queue } from '../write-queue.ts';

const yearQuery = z.object({ year: year.optional() });
const proposalBody = z.object({ year, basis: z.string().trim().max(300).nullish() });

async function effectsPage(store: Store, wanted?: number): Promise<EffectsPage> {
  const listed = await runQuery<{ year: number; measured: boolean }>(store, 'effect_years');
  const years = listed.map((r) => r.year);
  const chosen = wanted ?? listed.find((r) => r.measured)?.year ?? years[0] ?? null;
  if (chosen === null)
    return { years, year: null, effects: [], summary: [], pairs: [], proposal: [] };
  const [effects, summary, pairs, proposal] = await Promise.all([
    runQuery<SupportEffectRow>(store, 'support_effects', { year: chosen, school: null }),
    runQuery<EffectSummaryRow>(store, 'support_effect_summary', { year: chosen }),
    runQuery<PairEffectRow>(store, 'pair_effects', { year: chosen, school: null }),
    runQuery<ProposalRow>(store, 'list_proposal', { year: chosen }),
  ]);
  return { years, year: chosen, effects, summary, pairs, proposal };
}

export function register(app: App, store: Store, queued: Queue, access: AccessControl): void {
  app.get('/api/effects', async (c) => {
    const query = parseQuery(c, yearQuery, 'Параметр year — учебный год рабочего списка (2026).');
    if (query instanceof Response) return query;
    return c.json(await effectsPage(store, query.year));
  });

  app.post('/api/working-list/proposal', async (c) => {
    const parsed = proposalBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success)
      return badRequest(
        c,
        'Корректировка списка: нужен учебный год списка, по итогам которого составлено предложение (2026), и, если есть, основание (до 300 знаков).',
      );
    const { year: from, basis } = parsed.data;
    const user = c.get('viewer').login;
    const result = await queued((session) =>
      acceptListProposal(session, from, user, basis || null),
    );
    access.record(
      c,
      'list_decision',
      `корректировка списка по итогам ${schoolYear(from)} принята в рабочий список ${schoolYear(from + 1)}: включено ${result.added}, исключено ${result.removed}, без изменений ${result.unchanged}${basis ? ` (основание: ${basis})` : ''}`,
    );
    return c.json(result);
  });
}
