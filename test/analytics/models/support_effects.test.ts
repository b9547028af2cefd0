/**
 * The effect of support, from results and lists written out by hand. The working list of
 * 2025/26 (year 2026) holds four ШФЗСОР schools; it was drawn from 2024/25 (the base year) and is
 * re-measured on 2025/26. ШФЗСОР's rule judges the share of «4» and «5» (its decline, or its lag
 * behind the district), so that is its key indicator: ВПР and ОГЭ, Russian and mathematics, pooled
 * (here ВПР 5th grade only); more is better. minN = 10, significance |z| > 1,96.
 *
 * | school        | 2024/25              | 2025/26              | change   | z (by hand)                        |
 * | СОШ № 11 (А)  | 10 + 10 of 200, 10 % | 30 + 30 of 200, 30 % | +20 п.п. | pooled 80/400 = 0,2; se 0,04; 5,0  |
 * | СОШ № 12 (Б)  | 22 + 22 of 200, 22 % | 20 + 20 of 200, 20 % | −2 п.п.  | pooled 0,21; se 0,0407; −0,49      |
 * | СОШ № 13 (В)  | 20 + 20 of 200, 20 % | 10 + 10 of 200, 10 % | −10 п.п. | pooled 0,15; se 0,0357; −2,80      |
 * | Малая ООШ (Г) | 2 + 1 of 10, 30 %    | 1 + 0 of 8, 12,5 %   | small: 8 < 10                    |
 *
 * The region's list of 2026/27 keeps Б in ШФЗСОР and moves В to ШНОР (more severe: the ШФЗСОР
 * rule excludes ШНОР); А and Г are not on it. Гимназия № 15 has been А's mentor since 2025/26, so
 * А is compared with Б, В and Г, the cluster's schools without a pair: before 22 + 22 + 20 + 20 +
 * 2 + 1 = 87 of 410 (21,2 %), after 20 + 20 + 10 + 10 + 1 + 0 = 61 of 408 (15,0 %), −6,3 п.п.
 * (pooled 148/818, se 0,0269, z −2,33: significant); А's +20,0 against it is +26,3 п.п.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPaths } from '../../../ingest/import.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { acceptListProposal } from '../../../analytics/list-decisions.ts';
import { effectSummarySentence } from '../../../contract/effects.ts';
import type { EffectSummaryRow, ProposalRow } from '../../../contract/api/effects-types.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { writeEffectFiles } from '../../helpers/effects-fixture.ts';

let t: TempStore;

beforeAll(async () => {
  t = await tempStore();
  const reports = await importPaths(t.store, await writeEffectFiles(t.dir));
  expect(reports.map((r) => r.outcome)).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
});
afterAll(() => t.dispose());

const effects = () =>
  t.store.all(
    `SELECT short_name, base_year, base_count, base_n, round(base_pct, 1) AS base_pct, count, n,
       round(pct, 1) AS pct, round(change_pp, 1) AS change_pp, change_significant, verdict,
       mentors, outcome, outcome_basis, next_clusters
     FROM support_effects WHERE list_year = 2026 ORDER BY short_name`,
  );

it('shows each listed school before and after the support year, the change, its significance and the outcome', async () => {
  const basis = 'список следующего года';
  expect(await effects()).toEqual([
    {
      short_name: 'Малая ООШ',
      base_year: 2025,
      base_count: 3,
      base_n: 10,
      base_pct: 30,
      count: 1,
      n: 8,
      pct: 12.5,
      change_pp: -17.5,
      change_significant: false,
      verdict: 'мало данных',
      mentors: null,
      outcome: 'вышла',
      outcome_basis: basis,
      next_clusters: [],
    },
    {
      short_name: 'СОШ № 11',
      base_year: 2025,
      base_count: 20,
      base_n: 200,
      base_pct: 10,
      count: 60,
      n: 200,
      pct: 30,
      change_pp: 20,
      change_significant: true,
      verdict: 'улучшение',
      mentors: ['Гимназия № 15'],
      outcome: 'вышла',
      outcome_basis: basis,
      next_clusters: [],
    },
    {
      short_name: 'СОШ № 12',
      base_year: 2025,
      base_count: 44,
      base_n: 200,
      base_pct: 22,
      count: 40,
      n: 200,
      pct: 20,
      change_pp: -2,
      change_significant: false,
      verdict: 'без значимых изменений',
      mentors: null,
      outcome: 'осталась',
      outcome_basis: basis,
      next_clusters: ['ШФЗСОР'],
    },
    {
      short_name: 'СОШ № 13',
      base_year: 2025,
      base_count: 40,
      base_n: 200,
      base_pct: 20,
      count: 20,
      n: 200,
      pct: 10,
      change_pp: -10,
      change_significant: true,
      verdict: 'ухудшение',
      mentors: null,
      outcome: 'хуже',
      outcome_basis: basis,
      next_clusters: ['ШНОР'],
    },
  ]);
});

it('sums up the cluster and the forms of support in whole schools that add up', async () => {
  const summary = await runQuery<EffectSummaryRow>(t.store, 'support_effect_summary', {
    year: 2026,
  });
  expect(
    summary.map((r) => [
      r.grouping,
      r.label,
      r.schools,
      r.improved,
      r.unchanged,
      r.worsened,
      r.not_measured,
      r.left_count,
      r.stayed,
      r.worse_cluster,
    ]),
  ).toEqual([
    ['cluster', 'ШФЗСОР', 4, 1, 1, 1, 1, 2, 1, 1],
    ['support', 'без сетевой пары', 3, 0, 1, 1, 1, 1, 1, 1],
    ['support', 'с сетевой парой', 1, 1, 0, 0, 0, 1, 0, 0],
  ]);
  expect(effectSummarySentence(summary[0]!, 2026)).toBe(
    'из 4 ШФЗСОР 2025/26: у 1 значимое улучшение, у 1 без значимых изменений, у 1 ухудшение, у 1 изменение не измерено; вышли из кластера 2, осталась в кластере 1, перешла в более тяжёлый кластер 1',
  );
});

it('sets the mentee before and after its pair began beside the cluster schools without a pair', async () => {
  const rows = await t.store.all(
    `SELECT short_name, mentors, cluster, before_count, before_n, after_count, after_n,
       round(change_pp, 1) AS change_pp, verdict, peer_schools, peer_before_count, peer_before_n,
       round(peer_before_pct, 1) AS peer_before_pct, peer_after_count, peer_after_n,
       round(peer_after_pct, 1) AS peer_after_pct, round(peer_change_pp, 1) AS peer_change_pp,
       peer_verdict, round(difference_pp, 1) AS difference_pp
     FROM pair_effects`,
  );
  expect(rows).toEqual([
    {
      short_name: 'СОШ № 11',
      mentors: ['Гимназия № 15'],
      cluster: 'ШФЗСОР',
      before_count: 20,
      before_n: 200,
      after_count: 60,
      after_n: 200,
      change_pp: 20,
      verdict: 'улучшение',
      peer_schools: 3,
      peer_before_count: 87,
      peer_before_n: 410,
      peer_before_pct: 21.2,
      peer_after_count: 61,
      peer_after_n: 408,
      peer_after_pct: 15,
      peer_change_pp: -6.3,
      peer_verdict: 'ухудшение',
      difference_pp: 26.3,
    },
  ]);
});

it('proposes the next list and the committee accepts it into the working list of 2026/27', async () => {
  const proposal = await runQuery<ProposalRow>(t.store, 'list_proposal', { year: 2026 });
  expect(
    proposal.map((r) => [r.cluster, r.short_name, r.proposal, r.in_next_list, r.reason]),
  ).toEqual([
    ['ШНОР', 'СОШ № 13', 'включить', true, 'в официальном списке на 2026/27'],
    [
      'ШФЗСОР',
      'СОШ № 11',
      'исключить',
      false,
      'значимое улучшение (10,0 %, n = 200 → 30,0 %, n = 200); по результатам 2025/26 правило кластера не выполняется',
    ],
    [
      'ШФЗСОР',
      'СОШ № 13',
      'исключить',
      false,
      'в рабочем списке 2026/27 — в более тяжёлом кластере: ШНОР',
    ],
    [
      'ШФЗСОР',
      'Малая ООШ',
      'оставить',
      false,
      'мало участников для вывода (30,0 %, n = 10 → 12,5 %, n = 8); правило кластера не выполняется, но значимого улучшения нет',
    ],
    [
      'ШФЗСОР',
      'СОШ № 12',
      'оставить',
      true,
      'без значимых изменений (22,0 %, n = 200 → 20,0 %, n = 200); правило кластера не выполняется, но значимого улучшения нет',
    ],
  ]);
  // Only Малая ООШ changes the next list: it is kept although the region's list left it out.
  expect(await acceptListProposal(t.store, 2026, 'методист', 'протокол № 3')).toEqual({
    year: 2027,
    added: 1,
    removed: 0,
    unchanged: 4,
  });
  expect(
    await t.store.all(
      `SELECT cluster, short_name, source, basis, reason FROM working_list
       WHERE year = 2027 ORDER BY cluster, short_name`,
    ),
  ).toEqual([
    { cluster: 'ШНОР', short_name: 'СОШ № 13', source: 'регион', basis: null, reason: null },
    {
      cluster: 'ШФЗСОР',
      short_name: 'Малая ООШ',
      source: 'решение комитета',
      basis: 'протокол № 3',
      reason:
        'корректировка по итогам 2025/26: мало участников для вывода (30,0 %, n = 10 → 12,5 %, n = 8); правило кластера не выполняется, но значимого улучшения нет',
    },
    { cluster: 'ШФЗСОР', short_name: 'СОШ № 12', source: 'регион', basis: null, reason: null },
  ]);
  // Accepting again changes nothing: the next list now matches the proposal.
  expect(await acceptListProposal(t.store, 2026, 'методист', null)).toEqual({
    year: 2027,
    added: 0,
    removed: 0,
    unchanged: 5,
  });
});
