/**
 * The effect routes on the hand-made support-effect district (test/helpers/effects-fixture.ts;
 * the numbers are worked out in test/analytics/models/support_effects.test.ts): the page of the
 * list of 2025/26 for staff, and accepting the proposed list of 2026/27 — administrators only,
 * the page token required, the result audited.
 */
import { expect, it } from 'vitest';
import { useApp } from '../../helpers/app.ts';
import { writeEffectFiles } from '../../helpers/effects-fixture.ts';
import type { EffectsPage } from '../../../contract/api/effects-types.ts';

const app = useApp(writeEffectFiles, { network: true });

const signedIn = (login: string, role: 'admin' | 'analyst' | 'school') =>
  app.signIn(login, role, role === 'school' ? 'sch000011' : undefined);

it('shows staff the list of 2025/26 before and after, the summary, the pair and the proposal', async () => {
  const analyst = await signedIn('analyst', 'analyst');
  // The list of 2026/27 has no re-measurement yet: the page opens on 2025/26.
  const chosen = (await (await analyst.request('/api/effects')).json()) as EffectsPage;
  expect([chosen.years, chosen.year]).toEqual([[2027, 2026], 2026]);
  expect(
    chosen.effects.map((r) => [
      r.short_name,
      r.base_count,
      r.base_n,
      r.count,
      r.n,
      r.verdict,
      r.outcome,
    ]),
  ).toEqual([
    ['Малая ООШ', 3, 10, 1, 8, 'мало данных', 'вышла'],
    ['СОШ № 11', 20, 200, 60, 200, 'улучшение', 'вышла'],
    ['СОШ № 12', 44, 200, 40, 200, 'без значимых изменений', 'осталась'],
    ['СОШ № 13', 40, 200, 20, 200, 'ухудшение', 'хуже'],
  ]);
  expect(chosen.summary.find((r) => r.grouping === 'cluster')).toMatchObject({
    label: 'ШФЗСОР',
    schools: 4,
    improved: 1,
    unchanged: 1,
    worsened: 1,
    not_measured: 1,
  });
  expect(chosen.pairs.map((r) => [r.short_name, r.mentors, r.peer_schools])).toEqual([
    ['СОШ № 11', ['Гимназия № 15'], 3],
  ]);
  expect(chosen.proposal).toHaveLength(5);
  const school = await signedIn('school', 'school');
  expect((await school.request('/api/effects?year=2026')).status).toBe(403);
});

it('lets an administrator accept the proposal into the list of 2026/27, audited', async () => {
  const analyst = await signedIn('analyst', 'analyst');
  expect((await analyst.post('/api/working-list/proposal', { year: 2026 })).status).toBe(403);
  const admin = await signedIn('admin', 'admin');
  expect((await admin.post('/api/working-list/proposal', { year: 'прошлый' })).status).toBe(400);
  const accepted = await admin.post('/api/working-list/proposal', {
    year: 2026,
    basis: 'протокол № 3',
  });
  expect(await accepted.json()).toEqual({ year: 2027, added: 1, removed: 0, unchanged: 4 });
  const entries = app.access.audit.read({ action: 'list_decision' }).entries;
  expect(entries.map((e) => [e.user, e.outcome, e.detail])).toEqual([
    [
      'admin',
      'ok',
      'корректировка списка по итогам 2025/26 принята в рабочий список 2026/27: включено 1, исключено 0, без изменений 4 (основание: протокол № 3)',
    ],
  ]);
});
