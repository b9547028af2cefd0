import { describe, expect, it } from 'vitest';
import type {
  ClusterCardRow,
  DistrictChange,
  DistrictResultRow,
} from '../../../../contract/api/types.ts';
import type { FgDistrictRow } from '../../../../contract/api/fg-types.ts';
import { displayText, type Column } from '../../../../contract/table.ts';
import {
  benchmarkLines,
  changeColumns,
  changeMeaning,
  districtColumns,
  districtRowName,
  fgMetText,
  clusterCards,
  listedByCluster,
  keyChange,
  keyTooHigh,
  shownChanges,
} from '../../../../dashboard/src/lib/district.ts';

const row = (over: Partial<DistrictResultRow>): DistrictResultRow => ({
  level: 'school',
  school_id: 'sch1',
  short_name: 'Школа № 1',
  school_type: 'СОШ',
  is_rural: false,
  participants_count: 50,
  uspevaemost_pct: 84,
  kachestvo_pct: 46,
  avg_mark: 3.62,
  dolya2_pct: 16,
  avg_test_score: null,
  below_min_pct: null,
  high_band_pct: null,
  key_count: 8,
  key_pct: 16,
  is_small_n: false,
  dolya5_pct: 12,
  score_100_count: null,
  prev_key_pct: 4,
  prev_participants_count: 45,
  history: [
    { year: 2024, pct: 4, n: 45 },
    { year: 2025, pct: 16, n: 50 },
  ],
  clusters: ['Р1', 'Л1'],
  ...over,
});
const district = row({
  level: 'district',
  school_id: null,
  short_name: null,
  key_pct: 8,
  participants_count: 1200,
});
const region = row({
  level: 'region',
  school_id: null,
  short_name: null,
  key_pct: 10.5,
  participants_count: 30000,
});

const texts = <T>(columns: Column<T>[], r: T) =>
  Object.fromEntries(columns.map((c) => [c.key, displayText(c, r)]));

describe('district rows', () => {
  it('names the school and the benchmark rows', () => {
    expect(districtRowName(row({}))).toBe('Школа № 1');
    expect(districtRowName(district)).toBe('Район');
    expect(districtRowName(region)).toBe('Регион');
  });

  it('computes the change from last year and marks twice the district’s share', () => {
    expect(keyChange(row({}))).toBe(12);
    expect(keyChange(row({ prev_key_pct: null }))).toBeNull();
    expect(keyTooHigh(row({}), district)).toBe(true);
    expect(keyTooHigh(row({ key_pct: 15.9 }), district)).toBe(false);
    expect(keyTooHigh(row({ is_small_n: true }), district)).toBe(false);
    expect(keyTooHigh(row({}), undefined)).toBe(false);
    expect(keyTooHigh(row({}), row({ key_pct: 0 }))).toBe(false);
  });
});

describe('district columns', () => {
  it('shows ВПР and ОГЭ marks', () => {
    const columns = districtColumns({ year: 2025, isEge: false, keyLabel: 'Доля «2»', district });
    expect(columns.map((c) => c.label)).toEqual([
      'Школа',
      'Кластеры 2024/25',
      'Участников (n)',
      'Успеваемость',
      'Качество знаний',
      'Средняя отметка',
      'Доля «2»',
      'Доля «5»',
      'Доля «2» год назад',
      'Изменение за год',
      'Динамика по годам',
    ]);
    expect(texts(columns, row({}))).toMatchObject({
      clusters: 'Р1, Л1',
      uspevaemost: '84,0 %',
      avg_mark: '3,62',
      key: '16,0 %',
      prev: '4,0 % (n = 45)',
      change: '+12,0 п.п.',
      trend: '2',
    });
    const byKey = (key: string) => columns.find((c) => c.key === key)!;
    expect(byKey('key').tone!(row({}))).toBe('bad');
    expect(byKey('change').tone!(row({}))).toBe('worse');
    expect(byKey('change').tone!(row({ prev_key_pct: 26 }))).toBe('better');
    expect(byKey('change').tone!(row({ prev_key_pct: 10 }))).toBeUndefined();
    expect(displayText(byKey('prev'), row({ prev_key_pct: null }))).toBe('—');
    expect(byKey('clusters').value(row({ clusters: [] }))).toBeNull();
  });

  it('shows ЕГЭ scores, and no year in the clusters’ heading without one', () => {
    const columns = districtColumns({
      year: undefined,
      isEge: true,
      keyLabel: 'Доля ниже минимального балла',
      district,
    });
    expect(columns.map((c) => c.label).slice(1, 8)).toEqual([
      'Кластеры ',
      'Участников (n)',
      'Средний тестовый балл',
      'Ниже минимального балла',
      'Высокобалльники (81–100)',
      'Стобалльники',
      'Доля ниже минимального балла год назад',
    ]);
    const ege = row({ avg_test_score: 71.26, high_band_pct: 20, score_100_count: 2 });
    expect(texts(columns, ege)).toMatchObject({
      avg_test_score: '71,3',
      high_band: '20,0 %',
      score_100: '2',
    });
  });
});

describe('district overview texts', () => {
  it('counts the ФГ directions that met a target', () => {
    const fg = [
      { low_met: true, high_met: false },
      { low_met: true, high_met: true },
      { low_met: false, high_met: false },
    ] as FgDistrictRow[];
    expect(fgMetText(fg, 'low')).toBe('2 из 3');
    expect(fgMetText(fg, 'high')).toBe('1 из 3');
  });

  it('counts the working list per cluster once', () => {
    const clusters = [
      { cluster: 'Р1', list_count: 4 },
      { cluster: 'Р1', list_count: 4 },
      { cluster: 'Р2', list_count: 0 },
      { cluster: 'Р3', list_count: 2 },
    ] as ClusterCardRow[];
    expect(listedByCluster(clusters)).toBe('Р1: 4 · Р3: 2');
    expect(listedByCluster([])).toBe('нет');
  });

  it('groups the working list and the suggestions into cluster cards', () => {
    const row = (over: Partial<ClusterCardRow>) =>
      ({
        cluster: 'ШПУН',
        cluster_title: 'признаки учебной неуспешности',
        in_list: true,
        list_count: 2,
        suggested_count: 1,
        last_year_count: null,
        left_names: ['Лесная ООШ'],
        ...over,
      }) as ClusterCardRow;
    const cards = clusterCards([
      row({ school_id: 'a' }),
      row({ school_id: 'b' }),
      row({ school_id: 'c', in_list: false }),
      row({
        cluster: 'ШНСУ',
        cluster_title: 'ШНСУ',
        school_id: 'd',
        list_count: 1,
        suggested_count: 0,
        left_names: [],
      }),
    ]);
    expect(cards.map((c) => [c.cluster, c.listed.length, c.suggested.length])).toEqual([
      ['ШПУН', 2, 1],
      ['ШНСУ', 1, 0],
    ]);
    expect(cards[0]).toMatchObject({
      title: 'признаки учебной неуспешности',
      listCount: 2,
      suggestedCount: 1,
      lastYearCount: null,
      leftNames: ['Лесная ООШ'],
    });
  });

  it('words the chart’s reference lines', () => {
    expect(benchmarkLines(district, region)).toBe(
      'Сплошная линия — район (8,0 %, n = 1\u00a0200), пунктир — регион (10,5 %, n = 30\u00a0000)',
    );
    expect(benchmarkLines(district, undefined)).toBe(
      'Сплошная линия — район (8,0 %, n = 1\u00a0200)',
    );
  });
});

describe('district changes', () => {
  const change = (over: Partial<DistrictChange>): DistrictChange => ({
    indicator: 'vpr_dolya2',
    title: 'ВПР: доля «2»',
    topic: 'Математика',
    grade: 5,
    higher_is_better: false,
    year: 2025,
    n: 900,
    pct: 12,
    prev_year: 2024,
    prev_pct: 8,
    change_pp: 4,
    change_significant: true,
    ...over,
  });

  it('shows only the significant ones unless all are asked for', () => {
    const changes = [change({ topic: 'А' }), change({ topic: 'Б', change_significant: false })];
    expect(shownChanges(changes, false).map((c) => c.topic)).toEqual(['А']);
    expect(shownChanges(changes, true).map((c) => c.topic)).toEqual(['А', 'Б']);
  });

  it('judges a change by the indicator’s direction', () => {
    expect(changeMeaning(change({}))).toBe('значимое ухудшение');
    expect(changeMeaning(change({ higher_is_better: true }))).toBe('значимое улучшение');
    expect(changeMeaning(change({ change_significant: false }))).toBe(
      'в пределах случайных колебаний',
    );
    const tone = changeColumns.find((c) => c.key === 'change')!.tone!;
    expect(tone(change({}))).toBe('worse');
    expect(tone(change({ change_pp: -4 }))).toBe('better');
    expect(tone(change({ change_significant: false }))).toBeUndefined();
  });

  it('shows a change with its topic, grade and n', () => {
    expect(texts(changeColumns, change({}))).toEqual({
      title: 'ВПР: доля «2»',
      topic: 'Математика, 5 кл.',
      prev: '8,0 %',
      now: '12,0 % (n = 900)',
      change: '+4,0 п.п.',
      meaning: 'значимое ухудшение',
    });
    expect(displayText(changeColumns[1]!, change({ grade: null }))).toBe('Математика');
  });
});
