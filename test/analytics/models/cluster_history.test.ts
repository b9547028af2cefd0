/**
 * The working list and its history, from lists of several years written out by hand:
 * - 2019/20 (year 2020): the region's ШНОР list, 5 schools (А, Б, В, Г, Д); ШФЗСОР: Е, Ж.
 * - 2020/21 (2021): no ШНОР at all; ШФЗСОР: Е, А (А entered, Ж left, Е stayed).
 * - 2021/22 (2022): ШФЗСОР: А, Б (the committee's own approved list, source «комитет»).
 * The seeds' statement follows: «из 5 ШНОР 2019/20 к 2020/21 вышли 5, 100 %».
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { refreshModels } from '../../../analytics/rebuild.ts';
import { modelSql } from '../../../analytics/model-specs.ts';
import { runQuery } from '../../../analytics/queries.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';

let t: TempStore;

const SCHOOLS: [string, string][] = [
  ['sch000001', 'Школа А'],
  ['sch000002', 'Школа Б'],
  ['sch000003', 'Школа В'],
  ['sch000004', 'Школа Г'],
  ['sch000005', 'Школа Д'],
  ['sch000006', 'Школа Е'],
  ['sch000007', 'Школа Ж'],
];
// year, cluster, school, source
const LISTS: [number, string, string, string][] = [
  ...['sch000001', 'sch000002', 'sch000003', 'sch000004', 'sch000005'].map(
    (id): [number, string, string, string] => [2020, 'ШНОР', id, 'регион'],
  ),
  [2020, 'ШФЗСОР', 'sch000006', 'регион'],
  [2020, 'ШФЗСОР', 'sch000007', 'регион'],
  [2021, 'ШФЗСОР', 'sch000006', 'регион'],
  [2021, 'ШФЗСОР', 'sch000001', 'регион'],
  [2022, 'ШФЗСОР', 'sch000001', 'комитет'],
  [2022, 'ШФЗСОР', 'sch000002', 'комитет'],
];

/** Rebuilds the three models of the working list from what is stored now. */
async function rebuildLists() {
  for (const name of ['working_list', 'working_list_check', 'cluster_history'])
    await t.store.run(modelSql(name));
}

beforeAll(async () => {
  t = await tempStore();
  for (const [id, name] of SCHOOLS)
    await t.store.run(
      `INSERT INTO school VALUES ($id, 'МКОУ «' || $name || '»', $name, 'СОШ', false, 0)`,
      { id, name },
    );
  await t.store.run(
    `INSERT INTO import_batch VALUES (1, 'official_clusters', 'official_clusters', 'списки.xlsx',
       'x', '2020,2021,2022', 11, false, 'тест', TIMESTAMP '2023-10-20 10:00:00')`,
  );
  for (const [year, cluster, school, source] of LISTS)
    await t.store.run(
      `INSERT INTO raw_official_cluster
         (batch_id, year, school_id, cluster, label, scope, basis, source)
       VALUES (1, $year, $school, $cluster, $cluster, 'x', 'распоряжение КО от 19.10.2023 № 356',
         $source)`,
      { year, school, cluster, source },
    );
  await refreshModels(t.store, { kind: 'all' });
});
afterAll(() => t.dispose());

const history = () =>
  t.store.all(
    `SELECT cluster, year, prev_year, schools, prev_schools, entered, left_count, stayed, exit_pct
     FROM cluster_history ORDER BY cluster, year`,
  );

it('counts each cluster per year with who entered, left and stayed, and the exit rate', async () => {
  expect(await history()).toEqual([
    // ШНОР: 5 in 2019/20, none from 2020/21: 5 of 5 left, 100 %; then nobody to leave.
    {
      cluster: 'ШНОР',
      year: 2020,
      prev_year: null,
      schools: 5,
      prev_schools: null,
      entered: null,
      left_count: null,
      stayed: null,
      exit_pct: null,
    },
    {
      cluster: 'ШНОР',
      year: 2021,
      prev_year: 2020,
      schools: 0,
      prev_schools: 5,
      entered: 0,
      left_count: 5,
      stayed: 0,
      exit_pct: 100,
    },
    {
      cluster: 'ШНОР',
      year: 2022,
      prev_year: 2021,
      schools: 0,
      prev_schools: 0,
      entered: 0,
      left_count: 0,
      stayed: 0,
      exit_pct: null,
    },
    // ШФЗСОР: Е, Ж → Е, А (1 of 2 left, 50 %) → А, Б (Е left: 1 of 2, 50 %; Б entered).
    {
      cluster: 'ШФЗСОР',
      year: 2020,
      prev_year: null,
      schools: 2,
      prev_schools: null,
      entered: null,
      left_count: null,
      stayed: null,
      exit_pct: null,
    },
    {
      cluster: 'ШФЗСОР',
      year: 2021,
      prev_year: 2020,
      schools: 2,
      prev_schools: 2,
      entered: 1,
      left_count: 1,
      stayed: 1,
      exit_pct: 50,
    },
    {
      cluster: 'ШФЗСОР',
      year: 2022,
      prev_year: 2021,
      schools: 2,
      prev_schools: 2,
      entered: 1,
      left_count: 1,
      stayed: 1,
      exit_pct: 50,
    },
  ]);
});

it('names who entered, left and stayed', async () => {
  expect(
    await t.store.all(
      `SELECT entered_names, left_names, stayed_names FROM cluster_history
       WHERE cluster = 'ШФЗСОР' AND year = 2021`,
    ),
  ).toEqual([{ entered_names: ['Школа А'], left_names: ['Школа Ж'], stayed_names: ['Школа Е'] }]);
  const [shnor] = await t.store.all<{ left_names: string[] }>(
    `SELECT left_names FROM cluster_history WHERE cluster = 'ШНОР' AND year = 2021`,
  );
  expect(shnor!.left_names).toEqual(['Школа А', 'Школа Б', 'Школа В', 'Школа Г', 'Школа Д']);
});

it('compares any two years: of 2019/20’s schools, how many are still in the cluster', async () => {
  expect(await runQuery(t.store, 'cluster_span', { from: 2020, to: 2022 })).toEqual([
    // ШНОР: 5 then, none now: 5 left, 100 %.
    {
      cluster: 'ШНОР',
      cluster_title: 'Школы с низкими образовательными результатами',
      from_schools: 5,
      to_schools: 0,
      still: 0,
      left_count: 5,
      entered: 0,
      exit_pct: 100,
      still_names: [],
      left_names: ['Школа А', 'Школа Б', 'Школа В', 'Школа Г', 'Школа Д'],
      entered_names: [],
    },
    // ШФЗСОР: Е, Ж then; А, Б now: both left, 100 %; А and Б entered.
    {
      cluster: 'ШФЗСОР',
      cluster_title: 'Школы, функционирующие в зоне риска снижения образовательных результатов',
      from_schools: 2,
      to_schools: 2,
      still: 0,
      left_count: 2,
      entered: 2,
      exit_pct: 100,
      still_names: [],
      left_names: ['Школа Е', 'Школа Ж'],
      entered_names: ['Школа А', 'Школа Б'],
    },
  ]);
});

it('lists each school’s clusters over all years', async () => {
  expect(await runQuery(t.store, 'school_cluster_years', { school_id: 'sch000001' })).toEqual([
    {
      school_id: 'sch000001',
      short_name: 'Школа А',
      year: 2020,
      cluster: 'ШНОР',
      source: 'регион',
    },
    {
      school_id: 'sch000001',
      short_name: 'Школа А',
      year: 2021,
      cluster: 'ШФЗСОР',
      source: 'регион',
    },
    {
      school_id: 'sch000001',
      short_name: 'Школа А',
      year: 2022,
      cluster: 'ШФЗСОР',
      source: 'решение комитета',
    },
  ]);
});

it('puts the official lists first and the committee’s additions after, each with its source', async () => {
  // The committee adds Школа В to ШФЗСОР 2021/22 (the computed flags suggest it) and Школа Г
  // (they do not), adds Школа А although the approved list has it, and removes Школа Б.
  await t.store.run(
    `INSERT INTO risk_flags BY NAME
     SELECT * FROM (VALUES (2022, 'sch000003', 'ШФЗСОР', 'ШФЗСОР', true),
                           (2022, 'sch000001', 'ШФЗСОР', 'ШФЗСОР', true),
                           (2022, 'sch000005', 'ШФЗСОР', 'ШФЗСОР', true))
       AS f(year, school_id, cluster, cluster_title, triggered)`,
  );
  const decide = (school: string, action: string, at: string, reason: string) =>
    t.store.run(
      `INSERT INTO committee_list_decision
         (year, school_id, cluster, action, reason, basis, decided_by, decided_at)
       VALUES (2022, $school, 'ШФЗСОР', $action, $reason, 'протокол № 5', 'admin', $at::TIMESTAMP)`,
      { school, action, at, reason },
    );
  await decide('sch000003', 'add', '2021-11-01 09:00:00', 'снижение по ВПР два года');
  await decide('sch000004', 'add', '2021-11-01 09:05:00', 'обращение директора');
  await decide('sch000001', 'add', '2021-11-01 09:10:00', 'повторно');
  await decide('sch000002', 'add', '2021-11-01 09:15:00', 'ошибка');
  await decide('sch000002', 'remove', '2021-11-02 09:00:00', 'список уточнён');
  await rebuildLists();
  expect(
    await t.store.all(
      `SELECT short_name, source, basis, listed_on::VARCHAR AS listed_on, reason, agreement
       FROM working_list WHERE year = 2022 ORDER BY short_name`,
    ),
  ).toEqual([
    // the approved list wins over the committee's later addition of the same school; its date
    // is the one its basis names (it was loaded a day later, on 20.10.2023)
    {
      short_name: 'Школа А',
      source: 'решение комитета',
      basis: 'распоряжение КО от 19.10.2023 № 356',
      listed_on: '2023-10-19',
      reason: null,
      agreement: 'совпадает',
    },
    {
      short_name: 'Школа В',
      source: 'расчёт по методике',
      basis: 'протокол № 5',
      listed_on: '2021-11-01',
      reason: 'снижение по ВПР два года',
      agreement: 'совпадает',
    },
    {
      short_name: 'Школа Г',
      source: 'решение комитета',
      basis: 'протокол № 5',
      listed_on: '2021-11-01',
      reason: 'обращение директора',
      agreement: 'только в списке',
    },
  ]);
  // Школа Д: computed, on no list — a suggestion; Школа Б: removed, computed nowhere.
  expect(
    await t.store.all(
      `SELECT short_name, in_list, computed, agreement FROM working_list_check
       WHERE year = 2022 ORDER BY short_name`,
    ),
  ).toEqual([
    { short_name: 'Школа А', in_list: true, computed: true, agreement: 'совпадает' },
    { short_name: 'Школа В', in_list: true, computed: true, agreement: 'совпадает' },
    { short_name: 'Школа Г', in_list: true, computed: false, agreement: 'только в списке' },
    { short_name: 'Школа Д', in_list: false, computed: true, agreement: 'только по расчёту' },
  ]);
});

it('keeps a cluster the methodology does not compute, saying so', async () => {
  await t.store.run(
    `INSERT INTO raw_official_cluster (batch_id, year, school_id, cluster, label, scope, source)
     VALUES (1, 2022, 'sch000007', '500+', '500+', 'x', 'регион')`,
  );
  await rebuildLists();
  expect(
    await t.store.all(
      `SELECT cluster, cluster_title, short_name, source, agreement FROM working_list
       WHERE cluster = '500+'`,
    ),
  ).toEqual([
    {
      cluster: '500+',
      cluster_title: '500+',
      short_name: 'Школа Ж',
      source: 'регион',
      agreement: 'нет правила в методике',
    },
  ]);
  // A cluster first listed in 2021/22: one row, nobody said to have entered from 2020/21's lists?
  // The year before had lists (of other clusters), so its school entered.
  expect(
    await t.store.all(
      `SELECT year, schools, prev_schools, entered, exit_pct FROM cluster_history
       WHERE cluster = '500+'`,
    ),
  ).toEqual([{ year: 2022, schools: 1, prev_schools: 0, entered: 1, exit_pct: null }]);
});
