/**
 * The register of network pairs, from pairs written out by hand:
 * - Школа А → Школа Б in 2019/20, 2020/21 and 2022/23 (a break in 2021/22: the run begins again);
 * - Школа А → Школа В in 2020/21 and 2021/22; Школа Г → Школа Б in 2021/22 (паритетное).
 * The working list: Школа Б in ШНОР and ШФЗСОР in 2020/21, Школа А in ШЛ in 2020/21.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { refreshModels } from '../../../analytics/rebuild.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';

let t: TempStore;

const SCHOOLS: [string, string][] = [
  ['sch000001', 'Школа А'],
  ['sch000002', 'Школа Б'],
  ['sch000003', 'Школа В'],
  ['sch000004', 'Школа Г'],
];
// year, mentor, mentee, form, contract number, date
const PAIRS: [number, string, string, string, string | null, string | null][] = [
  [2020, 'sch000001', 'sch000002', 'ресурсное (донорское)', '1', '2019-10-01'],
  [2021, 'sch000001', 'sch000002', 'ресурсное (донорское)', '01/2020', '2020-10-02'],
  [2023, 'sch000001', 'sch000002', 'ресурсное (донорское)', '5', '2022-10-03'],
  [2021, 'sch000001', 'sch000003', 'ресурсное (донорское)', null, null],
  [2022, 'sch000001', 'sch000003', 'ресурсное (донорское)', null, null],
  [2022, 'sch000004', 'sch000002', 'паритетное', '49', '2021-10-01'],
];

beforeAll(async () => {
  t = await tempStore();
  for (const [id, name] of SCHOOLS)
    await t.store.run(
      `INSERT INTO school VALUES ($id, 'МКОУ «' || $name || '»', $name, 'СОШ', false, 0)`,
      { id, name },
    );
  await t.store.run(
    `INSERT INTO import_batch VALUES (1, 'official_clusters', 'official_clusters', 'списки.xlsx',
       'x', '2021', 3, false, 'тест', TIMESTAMP '2020-10-20 10:00:00')`,
  );
  const listed: [string, string][] = [
    ['sch000002', 'ШНОР'],
    ['sch000002', 'ШФЗСОР'],
    ['sch000001', 'ШЛ'],
  ];
  for (const [school, cluster] of listed)
    await t.store.run(
      `INSERT INTO raw_official_cluster
         (batch_id, year, school_id, cluster, label, scope, basis, source)
       VALUES (1, 2021, $school, $cluster, $cluster, 'x', NULL, 'регион')`,
      { school, cluster },
    );
  for (const [year, mentor, mentee, form, number, date] of PAIRS)
    await t.store.run(
      `INSERT INTO raw_network_pair
         (batch_id, year, mentor_school_id, mentee_school_id, kind, scope, form, contract,
          contract_number, contract_date)
       VALUES (1, $year, $mentor, $mentee, $form, 'x', $form, NULL, $number, $date::DATE)`,
      { year, mentor, mentee, form, number, date },
    );
  await refreshModels(t.store, { kind: 'all' });
});
afterAll(() => t.dispose());

it('gives each pair of a year its first year, its years running and both schools’ clusters', async () => {
  expect(
    await t.store.all(
      `SELECT year, mentor_name, mentee_name, form, contract_number,
              strftime(contract_date, '%d.%m.%Y') AS contract_date, began, years_running,
              mentee_clusters, mentor_clusters
       FROM network_pairs ORDER BY year, mentor_name, mentee_name`,
    ),
  ).toEqual([
    row(2020, 'Школа А', 'Школа Б', 'ресурсное (донорское)', '1', '01.10.2019', 2020, 1, [], []),
    // the second year of the run; Школа Б in two clusters that year, Школа А a leader
    row(
      2021,
      'Школа А',
      'Школа Б',
      'ресурсное (донорское)',
      '01/2020',
      '02.10.2020',
      2020,
      2,
      ['ШНОР', 'ШФЗСОР'],
      ['ШЛ'],
    ),
    row(2021, 'Школа А', 'Школа В', 'ресурсное (донорское)', null, null, 2021, 1, [], ['ШЛ']),
    row(2022, 'Школа А', 'Школа В', 'ресурсное (донорское)', null, null, 2021, 2, [], []),
    row(2022, 'Школа Г', 'Школа Б', 'паритетное', '49', '01.10.2021', 2022, 1, [], []),
    // after the break of 2021/22 the pair begins again
    row(2023, 'Школа А', 'Школа Б', 'ресурсное (донорское)', '5', '03.10.2022', 2023, 1, [], []),
  ]);
});

function row(
  year: number,
  mentor_name: string,
  mentee_name: string,
  form: string,
  contract_number: string | null,
  contract_date: string | null,
  began: number,
  years_running: number,
  mentee_clusters: string[],
  mentor_clusters: string[],
) {
  return {
    year,
    mentor_name,
    mentee_name,
    form,
    contract_number,
    contract_date,
    began,
    years_running,
    mentee_clusters,
    mentor_clusters,
  };
}
