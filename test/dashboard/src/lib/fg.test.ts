import { describe, expect, it } from 'vitest';
import type { FgDistrictRow, FgPage, FgTrendRow } from '../../../../contract/api/fg-types.ts';
import { displayText } from '../../../../contract/table.ts';
import {
  contributionNote,
  contributionText,
  districtFootRow,
  districtOfGrade,
  fgDistrictColumns,
  fgDistrictFigures,
  fgFilterChoices,
  fgPageParams,
  fgSchoolsParams,
  fgTrendColumns,
  ofDirections,
  readFgQuery,
  trendNote,
  trendYears,
  type SchoolOrDistrict,
} from '../../../../dashboard/src/lib/fg.ts';

const district = (over: Partial<FgDistrictRow>): FgDistrictRow => ({
  year: 2025,
  direction: 'Читательская грамотность',
  grade: 7,
  participants_count: 100,
  low_count: 30,
  high_count: 10,
  low_share_pct: 30,
  high_share_pct: 10,
  low_target_pct: 25,
  high_target_pct: 15,
  low_met: false,
  high_met: false,
  low_gap_pp: 5,
  high_gap_pp: 5,
  low_excess_pupils: 5,
  enrolled_count: 120,
  coverage_pct: 83.3,
  is_small_n: false,
  high_shortfall_pupils: 5,
  ...over,
});

const page = (over: Partial<FgPage>): FgPage => ({
  year: 2025,
  grade: 7,
  direction: 'Читательская грамотность',
  years: [2024, 2025],
  grades: [7, 8],
  directions: ['Читательская грамотность', 'Креативное мышление'],
  targets: { low_target_pct: 25, high_target_pct: 15 },
  district: [],
  schools: [],
  summary: { schools: 0, contributing: 0, over_target: 0, low_excess_pupils: 0 },
  trend: [],
  ...over,
});

const trend = (over: Partial<FgTrendRow>): FgTrendRow => ({
  indicator: 'fg_low',
  year: 2025,
  count: 30,
  n: 100,
  pct: 30,
  ci_low_pct: 21.9,
  ci_high_pct: 39.6,
  prev_year: null,
  prev_pct: null,
  change_pp: null,
  change_significant: false,
  direction_5y: null,
  is_small_n: false,
  ...over,
});

describe('ФГ URL and requests', () => {
  it('passes year, grade and direction on as given and asks for the first 1000 schools', () => {
    const query = readFgQuery(new URLSearchParams('year=2024&grade=all&direction=X'));
    expect(query).toEqual({ year: '2024', grade: 'all', direction: 'X' });
    expect(fgPageParams(readFgQuery(new URLSearchParams('')))).toEqual({
      year: undefined,
      grade: undefined,
      direction: undefined,
      limit: 1000,
      sort: 'contribution',
      dir: 'desc',
    });
  });

  it('pages the shown selection, all grades as «all»', () => {
    const request = { limit: 100, offset: 200, sort: 'contribution', dir: 'desc' as const };
    expect(fgSchoolsParams(page({ grade: null }), request)).toEqual({
      year: 2025,
      grade: 'all',
      direction: 'Читательская грамотность',
      limit: 100,
      offset: 200,
      sort: 'contribution',
      dir: 'desc',
    });
  });
});

describe('ФГ filters', () => {
  it('offers the years, grades and directions with data', () => {
    const choices = fgFilterChoices(page({}));
    expect(choices.years).toEqual([
      { value: '2024', label: '2023/24' },
      { value: '2025', label: '2024/25' },
    ]);
    expect(choices.grades.map((c) => c.label)).toEqual(['все классы', '7 класс', '8 класс']);
    expect(choices.directions.map((c) => c.value)).toEqual([
      'Читательская грамотность',
      'Креативное мышление',
    ]);
  });

  it('keeps a value of the URL without data as «(нет данных)»', () => {
    const choices = fgFilterChoices(page({ year: 2019, grade: 5, direction: 'Нет такого' }));
    expect(choices.years[0]).toEqual({ value: '2019', label: '2018/19 (нет данных)' });
    expect(choices.grades.at(-1)).toEqual({ value: '5', label: '5 класс (нет данных)' });
    expect(choices.directions[0]).toEqual({
      value: 'Нет такого',
      label: 'Нет такого (нет данных)',
    });
  });
});

describe('ФГ district figures', () => {
  it('counts targets met, participations and the n range of the chosen grade', () => {
    const data = page({
      district: [
        district({ low_met: true, participants_count: 120 }),
        district({ direction: 'Креативное мышление', high_met: true, participants_count: 80 }),
        district({ grade: 8, low_met: true, high_met: true, participants_count: 500 }),
      ],
    });
    const ofGrade = districtOfGrade(data);
    expect(ofGrade).toHaveLength(2);
    expect(fgDistrictFigures(ofGrade)).toEqual({
      directions: 2,
      lowMet: 1,
      highMet: 1,
      participations: 200,
      nRange: '80–120',
    });
    expect(fgDistrictFigures([district({})]).nRange).toBe('100');
    expect(fgDistrictFigures([]).nRange).toBe('0');
  });

  it('says «из 1 направления» but «из 11 направлений»', () => {
    expect(ofDirections(1)).toBe('направления');
    expect(ofDirections(21)).toBe('направления');
    expect(ofDirections(11)).toBe('направлений');
    expect(ofDirections(6)).toBe('направлений');
  });
});

describe('ФГ tables', () => {
  it('shows a district row against both targets', () => {
    const row = district({ grade: null, high_met: true });
    const text = (key: string) =>
      displayText(
        fgDistrictColumns.find((c) => c.key === key)!,
        row,
      );
    expect(text('grade')).toBe('все классы');
    expect(text('low_status')).toBe('не выполнена');
    expect(text('high_status')).toBe('выполнена');
    expect(text('low_gap')).toBe('+5,0 п.п.');
    expect(fgDistrictColumns.find((c) => c.key === 'low_share')!.tone!(row)).toBe('bad');
    expect(fgDistrictColumns.find((c) => c.key === 'high_share')!.tone!(row)).toBeUndefined();
  });

  it('turns the district into the school table footer whose contribution is the schools’ sum', () => {
    expect(districtFootRow(undefined)).toEqual([]);
    const [foot] = districtFootRow(district({}));
    expect(foot!.school_id).toBeNull();
    expect(foot!.short_name).toBe('Район');
    expect(foot!.low_gap_contribution_pct).toBeNull();
    expect(foot!.low_gap_contribution_pupils).toBe(5);
    expect(contributionText(foot!)).toBe('5 — всего по району');
  });

  it('writes a school’s contribution in whole pupils, and 0 for one within the target', () => {
    const school = (over: Partial<SchoolOrDistrict>): SchoolOrDistrict => ({
      ...district({}),
      school_id: 'sch000001',
      short_name: 'СОШ № 1',
      school_type: 'СОШ',
      low_gap_contribution_pupils: 3,
      low_gap_contribution_pct: 60,
      ...over,
    });
    expect(contributionText(school({}))).toBe('3 (60,0 %)');
    expect(contributionText(school({ low_met: true, low_gap_contribution_pupils: 0 }))).toBe(
      '0 — цель выполнена',
    );
    // over its own target, but the district meets it: nothing to share out
    expect(
      contributionText(school({ low_gap_contribution_pupils: 0, low_gap_contribution_pct: null })),
    ).toBe('0');
  });

  it('groups the trend by year, latest first, and marks shares that miss a target', () => {
    const rows = [
      trend({ year: 2024, pct: 20, n: 90 }),
      trend({ year: 2025, pct: 30, change_pp: 10, change_significant: true }),
      trend({ indicator: 'fg_high', year: 2025, pct: 12 }),
    ];
    const years = trendYears(rows);
    expect(years.map((y) => y.year)).toEqual([2025, 2024]);
    expect(years[0]!.high!.pct).toBe(12);
    expect(years[1]!.high).toBeUndefined();
    const columns = fgTrendColumns({ low_target_pct: 25, high_target_pct: 15 });
    const column = (key: string) => columns.find((c) => c.key === key)!;
    expect(displayText(column('year'), years[0]!)).toBe('2024/25');
    expect(displayText(column('low_ci'), years[0]!)).toBe('21,9 % – 39,6 %');
    expect(displayText(column('low_significant'), years[0]!)).toBe('значимо');
    expect(displayText(column('low_significant'), years[1]!)).toBe('—');
    expect(column('low_share').tone!(years[0]!)).toBe('bad');
    expect(column('low_share').tone!(years[1]!)).toBeUndefined();
    expect(column('high_share').tone!(years[0]!)).toBe('bad');
  });
});

describe('ФГ notes', () => {
  it('lists significant changes and n by year, oldest first', () => {
    const rows = [
      trend({ year: 2024, n: 90 }),
      trend({ year: 2025, change_pp: 10, change_significant: true }),
    ];
    expect(trendNote(rows, '01.09.2025')).toBe(
      'Полосы — 95 % доверительный интервал Уилсона; кольцо — изменение к предыдущему году больше, чем допускает случайность при таком n (недостаточный и низкий в 2024/25: +10,0 п.п.). n по годам: 2023/24 — 90, 2024/25 — 100. Данные загружены 01.09.2025.',
    );
    expect(trendNote([trend({})], 'x')).toContain('(таких изменений нет)');
  });

  it('says how many contributing schools the chart shows', () => {
    const note = (shown: number, contributing: number, schoolUser = false) =>
      contributionNote({
        schoolUser,
        shown,
        contributing,
        lowTarget: 25,
        districtExcess: 21,
        districtN: 1200,
        loaded: 'x',
      });
    expect(note(1, 1)).toBe(
      'Показана 1 школа с вкладом в превышение цели 25,0 %; серым — школы с n меньше методического минимума (мало данных). Сверх цели по району — 21 обучающийся, n района = 1\u00a0200. Данные загружены x.',
    );
    expect(note(40, 57)).toContain(
      'Показаны 40 школ с вкладом в превышение цели 25,0 % — с наибольшим из 57;',
    );
    expect(note(1, 1, true)).toBe(
      'Доля школы выше цели 25,0 %; серым — если n меньше методического минимума (мало данных). Сверх цели по району — 21 обучающийся, n района = 1\u00a0200. Данные загружены x.',
    );
  });
});
