/**
 * The working list's routes on a small store: the region's lists of two years (Лесная ООШ in
 * ШНОР both years, СОШ № 1 in 2024/25 only), the history and span they make, and the committee's
 * decisions: administrators only, the page token required, each decision audited, a school
 * added or removed with its reason and shown with its source; the district overview and the
 * school page built from the working list (the store has no results: nothing is computed).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import { useApp } from '../../helpers/app.ts';
import { writeRegistryFile } from '../../helpers/fixtures.ts';
import type { ClusterHistoryPage, WorkingListPage } from '../../../contract/api/cluster-types.ts';
import type { DistrictOverview, SchoolPage } from '../../../contract/api/types.ts';

async function writeFiles(dir: string): Promise<string[]> {
  const lists = join(dir, 'списки.csv');
  writeCsv(lists, [
    ['Учебный год', 'Наименование ОО', 'Кластер'],
    ['2024/25', 'Лесная ООШ', 'ШНОР'],
    ['2024/25', 'СОШ № 1', 'ШНОР'],
    ['2025/26', 'Лесная ООШ', 'ШНОР'],
  ]);
  const pairs = join(dir, 'Сетевые пары.csv');
  writeCsv(pairs, [
    ['Учебный год', 'ОО-наставник', 'Подшефная ОО', 'Форма взаимодействия'],
    ['2025/26', 'Гимназия № 3', 'Лесная ООШ', 'наставничество'],
  ]);
  return [await writeRegistryFile(dir), lists, pairs];
}

const app = useApp(writeFiles, { network: true });

const signedIn = (login: string, role: 'admin' | 'analyst' | 'school') =>
  app.signIn(login, role, role === 'school' ? 'sch000002' : undefined);

const DECISION = {
  year: 2026,
  schoolId: 'sch000003',
  cluster: 'ШНОР',
  action: 'add',
  reason: 'низкие результаты ВПР два года',
  basis: 'протокол совещания № 7',
};

it('shows the history, the span and each school’s clusters to staff', async () => {
  const analyst = await signedIn('analyst', 'analyst');
  const page = (await (await analyst.request('/api/clusters')).json()) as ClusterHistoryPage;
  expect(page.years).toEqual([2025, 2026]);
  expect(
    page.history.map((r) => [r.year, r.schools, r.entered, r.left_count, r.stayed, r.exit_pct]),
  ).toEqual([
    [2025, 2, null, null, null, null],
    // 2 in 2024/25, 1 in 2025/26: СОШ № 1 left, 1 of 2 = 50 %
    [2026, 1, 0, 1, 1, 50],
  ]);
  expect(page.span).toMatchObject({
    from: 2025,
    to: 2026,
    rows: [{ cluster: 'ШНОР', from_schools: 2, still: 1, left_count: 1, left_names: ['СОШ № 1'] }],
  });
  expect(page.schools.map((s) => `${s.short_name} ${s.year} ${s.cluster}`)).toEqual([
    'Лесная ООШ 2025 ШНОР',
    'Лесная ООШ 2026 ШНОР',
    'СОШ № 1 2025 ШНОР',
  ]);
  const school = await signedIn('school1', 'school');
  expect((await school.request('/api/clusters')).status).toBe(403);
  expect((await school.request('/api/working-list')).status).toBe(403);
});

it('lets only an administrator decide, with the page token', async () => {
  const analyst = await signedIn('analyst', 'analyst');
  expect((await analyst.post('/api/working-list', DECISION)).status).toBe(403);
  const admin = await signedIn('admin', 'admin');
  const noToken = await admin.post('/api/working-list', DECISION, {
    'x-csrf-token': 'not-the-token',
  });
  expect(noToken.status).toBe(403);
  expect((await noToken.json()).code).toBe('csrf');
  const list = (await (
    await admin.request('/api/working-list?year=2026')
  ).json()) as WorkingListPage;
  expect(list.rows.map((r) => r.short_name)).toEqual(['Лесная ООШ']);
  expect(list.decisions).toEqual([]);
});

it('adds a school with its reason and removes it again, each decision audited', async () => {
  const admin = await signedIn('admin', 'admin');
  expect((await admin.post('/api/working-list', { ...DECISION, reason: ' ' })).status).toBe(400);
  const added = await admin.post('/api/working-list', DECISION);
  expect(added.status).toBe(200);
  const list = (await (
    await admin.request('/api/working-list?year=2026')
  ).json()) as WorkingListPage;
  expect(list.rows.map((r) => [r.short_name, r.source, r.basis, r.reason, r.in_list])).toEqual([
    [
      'Гимназия № 3',
      'решение комитета',
      'протокол совещания № 7',
      'низкие результаты ВПР два года',
      true,
    ],
    ['Лесная ООШ', 'регион', null, null, true],
  ]);
  expect(list.decisions).toMatchObject([
    { school_id: 'sch000003', action: 'add', decided_by: 'admin', cluster: 'ШНОР' },
  ]);
  // Twice is refused in Russian; the history counts the addition.
  const again = await admin.post('/api/working-list', DECISION);
  expect(again.status).toBe(409);
  expect((await again.json()).error).toBe(
    'Школа уже есть в рабочем списке «ШНОР» на 2025/26 учебный год.',
  );
  const history = (await (await admin.request('/api/clusters')).json()) as ClusterHistoryPage;
  expect(history.history.at(-1)).toMatchObject({ year: 2026, schools: 2, entered: 1 });

  const removed = await admin.post('/api/working-list', {
    ...DECISION,
    action: 'remove',
    reason: 'ошибочно включена',
  });
  expect(removed.status).toBe(200);
  const after = (await (
    await admin.request('/api/working-list?year=2026')
  ).json()) as WorkingListPage;
  expect(after.rows.map((r) => r.short_name)).toEqual(['Лесная ООШ']);
  expect(after.decisions.map((d) => d.action)).toEqual(['remove', 'add']);

  const entries = app.access.audit.read({ action: 'list_decision' }).entries;
  expect(entries.map((e) => [e.user, e.outcome, e.detail])).toEqual([
    [
      'admin',
      'ok',
      'исключена из ШНОР 2025/26: sch000003 — ошибочно включена (основание: протокол совещания № 7)',
    ],
    [
      'admin',
      'failed',
      'добавлена в ШНОР 2025/26: sch000003 — низкие результаты ВПР два года (основание: протокол совещания № 7) — отказано: Школа уже есть в рабочем списке «ШНОР» на 2025/26 учебный год.',
    ],
    [
      'admin',
      'ok',
      'добавлена в ШНОР 2025/26: sch000003 — низкие результаты ВПР два года (основание: протокол совещания № 7)',
    ],
  ]);
});

it('builds the district overview and the school page from the working list', async () => {
  const analyst = await signedIn('analyst', 'analyst');
  const overview = (await (
    await analyst.request('/api/district/overview?year=2026')
  ).json()) as DistrictOverview;
  // Лесная ООШ is on the region's ШНОР list both years; СОШ № 1 only in 2024/25.
  expect(overview.riskSchools).toBe(1);
  expect(
    overview.clusters.map((r) => [
      r.cluster,
      r.short_name,
      r.in_list,
      r.source,
      r.agreement,
      r.last_year,
      r.list_count,
      r.suggested_count,
      r.last_year_count,
      r.left_names,
    ]),
  ).toEqual([
    ['ШНОР', 'Лесная ООШ', true, 'регион', 'только в списке', true, 1, 0, 2, ['СОШ № 1']],
  ]);
  // 2024/25 has no list of the year before: no count to compare with.
  const before = (await (
    await analyst.request('/api/district/overview?year=2025')
  ).json()) as DistrictOverview;
  expect(before.clusters.map((r) => [r.short_name, r.list_count, r.last_year_count])).toEqual([
    ['Лесная ООШ', 2, null],
    ['СОШ № 1', 2, null],
  ]);

  const school = (await (await analyst.request('/api/schools/sch000002')).json()) as SchoolPage;
  expect(school.workingList.year).toBe(2026);
  expect(school.workingList.rows.map((r) => [r.cluster, r.in_list, r.source, r.agreement])).toEqual(
    [['ШНОР', true, 'регион', 'только в списке']],
  );
  // The mentor's page names its подшефная школа with her cluster of the pair's year.
  const mentor = (await (await analyst.request('/api/schools/sch000003')).json()) as SchoolPage;
  expect(mentor.school.partners).toEqual([
    {
      year: 2026,
      role: 'наставник',
      partner_id: 'sch000002',
      partner_name: 'Лесная ООШ',
      partner_clusters: ['ШНОР'],
      kind: 'наставничество',
      form: 'наставничество',
      contract: null,
      contract_number: null,
      contract_date: null,
      began: 2026,
      years_running: 1,
    },
  ]);
  expect(mentor.workingList.rows).toEqual([]);
});
