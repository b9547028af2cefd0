import { describe, expect, it } from 'vitest';
import {
  basisLines,
  clusterOrder,
  clusterSchools,
  listSources,
  type ListEntry,
} from '../../briefing/decision-lists.ts';

const entry = (over: Partial<ListEntry>): ListEntry => ({
  cluster: 'ШПУН',
  school_id: 'sch1',
  short_name: 'СОШ № 1',
  full_name: 'МБОУ «СОШ № 1»',
  source: 'регион',
  basis: 'письмо КОиПО ЛО от 10.10.2023 № 19-39080/2023',
  listed_on: '2023-10-10',
  reason: null,
  ...over,
});

describe('clusterSchools', () => {
  it('takes the longest «школ …» name of the cluster, with its code', () => {
    expect(
      clusterSchools('ШПУН', [
        'школы с признаками учебной неуспешности',
        'школ с признаками учебной неуспешности',
        'школ, имеющих признаки учебной неуспешности',
        'признаки учебной неуспешности',
      ]),
    ).toBe('школ, имеющих признаки учебной неуспешности (ШПУН)');
    expect(clusterSchools('ШЛ', ['Школ со стабильно высокими результатами', 'школы-лидеры'])).toBe(
      'школ со стабильно высокими результатами (ШЛ)',
    );
  });

  it('names a cluster without such a name by its code', () => {
    expect(clusterSchools('500+', ['проект 500+', 'школы проекта 500+'])).toBe(
      'школ кластера «500+»',
    );
    expect(clusterSchools('ШНСУ-2', [])).toBe('школ кластера «ШНСУ-2»');
  });
});

describe('clusterOrder', () => {
  it('follows the table of names, then the others by code', () => {
    expect(
      clusterOrder(['ШЛ', 'Особый', 'ШПУН', 'Алый', 'ШФЗСОР'], ['ШФЗСОР', 'ШНОР', 'ШПУН', 'ШЛ']),
    ).toEqual(['ШФЗСОР', 'ШПУН', 'ШЛ', 'Алый', 'Особый']);
  });
});

describe('basisLines', () => {
  it('counts the schools of each document, then each addition with its reason', () => {
    expect(
      basisLines([
        entry({ school_id: 'a' }),
        entry({ school_id: 'b' }),
        entry({
          school_id: 'c',
          source: 'решение комитета',
          basis: 'распоряжение КО от 19.10.2023 № 356',
        }),
        entry({
          school_id: 'd',
          short_name: 'Лесная ООШ',
          source: 'расчёт по методике',
          basis: null,
          listed_on: '2023-11-02',
          reason: 'признаки по расчёту третий год',
        }),
        entry({ school_id: 'e', basis: null }),
        entry({
          school_id: 'f',
          short_name: 'Заречная ООШ',
          source: 'решение комитета',
          basis: 'протокол от 01.11.2023 № 7',
          listed_on: '2023-11-01',
          reason: 'по представлению МИМС',
        }),
      ]),
    ).toEqual([
      'письмо КОиПО ЛО от 10.10.2023 № 19-39080/2023 (список региона) — 2 ОО',
      'распоряжение КО от 19.10.2023 № 356 (список комитета) — 1 ОО',
      'документ не указан (список региона) — 1 ОО',
      'Лесная ООШ — включена по расчёту по методике решением комитета от 02.11.2023; причина: признаки по расчёту третий год',
      'Заречная ООШ — включена решением комитета от 01.11.2023 (протокол от 01.11.2023 № 7); причина: по представлению МИМС',
    ]);
  });
});

describe('listSources', () => {
  it('names what the lists rest on, in order', () => {
    const lists = (entries: Partial<ListEntry>[]) => [
      { cluster: 'ШПУН', schools: '', entries: entries.map(entry) },
    ];
    expect(listSources(lists([{}]))).toEqual(['списков региона']);
    expect(
      listSources(lists([{ source: 'расчёт по методике' }, {}, { source: 'решение комитета' }])),
    ).toEqual(['списков региона', 'решений комитета', 'расчёта по методике']);
  });
});
