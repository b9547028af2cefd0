/**
 * The register of network pairs (issue 24, item 2) on a small store: the seed's 7 pairs of
 * 2023/24 with the region's ШФЗСОР list of that year (5 of the 7 подшефные on it), and pairs of
 * other years typed by hand — Приладожская → Путиловская in 2022/23, 2023/24 and 2024/25 (one
 * run of 3 years), Синявинская → Суховская in 2021/22, then 2023/24 and 2024/25 (a break: the
 * run begins again in 2023/24), Лицей г. Отрадное → Мгинская in 2024/25 only. The district list
 * of a year and of all years with its counts, and one school's whole history.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import { useApp } from '../../helpers/app.ts';
import {
  SEED_PAIRS_FILE,
  writeSeedClusterList,
  writeSeedRegistry,
} from '../../helpers/seed-pairs.ts';
import {
  pairsSummaryText,
  type PairsPage,
  type SchoolPairRow,
} from '../../../contract/api/pairs-types.ts';
import type { SchoolPage } from '../../../contract/api/types.ts';
import { exportTable } from '../../../analytics/export.ts';

async function writeFiles(dir: string): Promise<string[]> {
  const others = join(dir, 'пары других лет.csv');
  writeCsv(others, [
    ['Учебный год', 'ОО-наставник', 'Подшефная ОО', 'Форма взаимодействия', 'Договор'],
    ['2021/22', 'Синявинская СОШ', 'Суховская ООШ', 'паритетное', 'Договор № 12 от 04.10.2021'],
    ['2022/23', 'Приладожская СОШ', 'Путиловская ООШ', 'донорское', 'Договор № 3 от 05.10.2022'],
    [
      '2024/25',
      'Приладожская СОШ',
      'Путиловская ООШ',
      'донорское',
      'Договор № 01/2024 от 02.10.2024',
    ],
    ['2024/25', 'Синявинская СОШ', 'Суховская ООШ', 'паритетное', 'Договор № 50 от 01.10.2024'],
    ['2024/25', 'Лицей г. Отрадное', 'Мгинская СОШ', 'наставничество', ''],
  ]);
  return [await writeSeedRegistry(dir), writeSeedClusterList(dir), SEED_PAIRS_FILE, others];
}

const app = useApp(writeFiles);
const get = async <T>(path: string) => {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

it('lists the pairs of 2023/24 with the mentee’s clusters, forms and contracts', async () => {
  const page = await get<PairsPage>('/api/pairs?year=2024');
  expect(page.year).toBe(2024);
  expect(page.years).toEqual([2022, 2023, 2024, 2025]);
  expect(
    page.rows.map((r) => [
      r.mentor_name,
      r.mentee_name,
      r.mentee_clusters,
      r.form,
      r.contract_number,
      r.contract_date,
      r.began,
      r.years_running,
    ]),
  ).toEqual([
    [
      'Лицей г. Отрадное',
      'Отраденская СОШ № 2',
      [],
      'ресурсное (донорское)',
      '1',
      '2023-10-01',
      2024,
      1,
    ],
    [
      'Лицей г. Отрадное',
      'Отраденская СОШ № 3',
      ['ШФЗСОР'],
      'ресурсное (донорское)',
      '01',
      '2023-10-06',
      2024,
      1,
    ],
    [
      'Приладожская СОШ',
      'Назиевская СОШ',
      ['ШФЗСОР'],
      'ресурсное (донорское)',
      '02/2023',
      '2023-10-10',
      2024,
      1,
    ],
    // began in 2022/23: the second year of its run
    [
      'Приладожская СОШ',
      'Путиловская ООШ',
      ['ШФЗСОР'],
      'ресурсное (донорское)',
      '01/2023',
      '2023-10-03',
      2023,
      2,
    ],
    ['Синявинская СОШ', 'Суховская ООШ', ['ШФЗСОР'], 'паритетное', '49', '2023-10-01', 2024, 1],
    [
      'Шлиссельбургская СОШ № 1',
      'Мгинская СОШ',
      [],
      'ресурсное (донорское)',
      '5',
      '2023-10-01',
      2024,
      1,
    ],
    [
      'Шлиссельбургская СОШ № 1',
      'Шумская СОШ',
      ['ШФЗСОР'],
      'ресурсное (донорское)',
      '01',
      '2023-10-09',
      2024,
      1,
    ],
  ]);
  // 7 pairs: 6 resource, 1 parity; 5 подшефные on the list (all but Отраденская № 2 and Мгинская)
  expect(page.summary).toEqual({
    pairs: 7,
    resource: 6,
    parity: 1,
    other: 0,
    unknown: 0,
    menteesListed: 5,
  });
  expect(pairsSummaryText(page.summary, page.year)).toBe(
    '7 пар в 2023/24: ресурсных (донорских) 6, паритетных 1; подшефных в рабочем списке 5',
  );
});

it('shows the latest year by default and every year on request', async () => {
  const latest = await get<PairsPage>('/api/pairs');
  expect(latest.year).toBe(2025);
  expect(latest.rows.map((r) => [r.mentee_name, r.began, r.years_running])).toEqual([
    ['Мгинская СОШ', 2025, 1],
    ['Путиловская ООШ', 2023, 3],
    ['Суховская ООШ', 2024, 2],
  ]);
  expect(pairsSummaryText(latest.summary, latest.year)).toBe(
    '3 пары в 2024/25: ресурсных (донорских) 1, паритетных 1, в иной форме 1; подшефных в рабочем списке 0',
  );
  const all = await get<PairsPage>('/api/pairs?year=all');
  expect(all.year).toBeNull();
  // 1 + 1 + 7 + 3 = 12: resource 1 + 6 + 1 = 8, parity 1 + 1 + 1 = 3, «наставничество» 1
  expect(all.rows.map((r) => r.year)).toEqual([
    2025,
    2025,
    2025,
    ...Array(7).fill(2024),
    2023,
    2022,
  ]);
  expect(pairsSummaryText(all.summary, all.year)).toBe(
    '12 пар за все годы: ресурсных (донорских) 8, паритетных 3, в иной форме 1; подшефных в рабочем списке 5',
  );
  expect((await app.request('/api/pairs?year=прошлый')).status).toBe(400);
});

it('shows a school’s whole history of pairs, in both roles', async () => {
  const history = (id: string) =>
    get<SchoolPage>(`/api/schools/${id}`).then((p) =>
      p.school.partners.map((r: SchoolPairRow) => [
        r.year,
        r.role,
        r.partner_name,
        r.partner_clusters,
        r.form,
        r.contract_number,
        r.began,
      ]),
    );
  // Суховская ООШ: подшефная школа of Синявинская, with a break in 2022/23
  expect(await history('sch11')).toEqual([
    [2025, 'подшефная школа', 'Синявинская СОШ', [], 'паритетное', '50', 2024],
    [2024, 'подшефная школа', 'Синявинская СОШ', [], 'паритетное', '49', 2024],
    [2022, 'подшефная школа', 'Синявинская СОШ', [], 'паритетное', '12', 2022],
  ]);
  // Лицей г. Отрадное: наставник of two schools in 2023/24 and of Мгинская in 2024/25
  expect(await history('sch06')).toEqual([
    [2025, 'наставник', 'Мгинская СОШ', [], 'наставничество', null, 2025],
    [2024, 'наставник', 'Отраденская СОШ № 2', [], 'ресурсное (донорское)', '1', 2024],
    [2024, 'наставник', 'Отраденская СОШ № 3', ['ШФЗСОР'], 'ресурсное (донорское)', '01', 2024],
  ]);
  expect(await history('sch09')).toEqual([
    [2025, 'подшефная школа', 'Лицей г. Отрадное', [], 'наставничество', null, 2025],
    [2024, 'подшефная школа', 'Шлиссельбургская СОШ № 1', [], 'ресурсное (донорское)', '5', 2024],
  ]);
});

it('exports the register of a year as npm run export -- pairs writes it', async () => {
  const table = await exportTable(app.store, 'pairs', { year: 2024 });
  expect(table.captions).toEqual([
    'Учебный год',
    'Логин ОО-наставника',
    'ОО-наставник',
    'Логин подшефной ОО',
    'Подшефная ОО',
    'Кластер подшефной в рабочем списке',
    'Форма взаимодействия',
    'Форма взаимодействия (как в файле)',
    'Договор (соглашение, приказ)',
    'Номер договора',
    'Дата договора',
    'Пара с учебного года',
    'Лет без перерыва',
  ]);
  expect(table.rows.length).toBe(7);
  const putilovskaya = table.rows.find((r) => r[4] === 'Путиловская ООШ')!;
  expect([0, 2, 5, 6, 9, 10, 11, 12].map((i) => putilovskaya[i])).toEqual([
    '2023/24',
    'Приладожская СОШ',
    'ШФЗСОР',
    'ресурсное (донорское)',
    '01/2023',
    '03.10.2023',
    '2022/23',
    2,
  ]);
  // the district's register: a school's own export would name other schools
  expect((await exportTable(app.store, 'pairs', { school: 'sch02' })).rows).toEqual([]);
});
