import { describe, expect, it } from 'vitest';
import type {
  CompareOption,
  CompareOptions,
  ComparePair,
  GridSchoolRow,
} from '../../../../contract/api/compare-types.ts';
import { displayText } from '../../../../contract/table.ts';
import {
  chartPart,
  colorText,
  compareProblem,
  districtChanges,
  districtColumns,
  gridColumns,
  levelText,
  moreText,
  optionGroups,
  optionLabel,
  previousYear,
  readCompareQuery,
  rowTone,
  schoolColumns,
  seriesHref,
  seriesKey,
  seriesParams,
  seriesTitle,
  significance,
  zText,
} from '../../../../dashboard/src/lib/compare.ts';

const option = (over: Partial<CompareOption>): CompareOption => ({
  indicator: 'vpr_dolya2',
  title: 'ВПР: доля «2»',
  higher_is_better: false,
  topic: 'Математика',
  grade: 5,
  years: [2024, 2025],
  ...over,
});

const options: CompareOptions = {
  years: [2023, 2024, 2025],
  minN: 10,
  options: [
    option({ topic: 'Русский язык', grade: 6 }),
    option({ grade: 7 }),
    option({}),
    option({
      indicator: 'fg_low',
      title: 'ФГ: низкий уровень',
      topic: 'Креативное мышление',
      grade: null,
    }),
    option({ indicator: 'oge_dolya2', title: 'ОГЭ: доля «2»', grade: null }),
  ],
};

const pair = (over: Partial<ComparePair>): ComparePair => ({
  indicator: 'vpr_dolya2',
  title: 'ВПР: доля «2»',
  higher_is_better: false,
  topic: 'Математика',
  grade: 5,
  level: 'school',
  school_id: 's1',
  short_name: 'Школа № 1',
  count_a: 10,
  n_a: 100,
  pct_a: 10,
  ci_low_a: null,
  ci_high_a: null,
  count_b: 20,
  n_b: 100,
  pct_b: 20,
  ci_low_b: null,
  ci_high_b: null,
  change_pp: 10,
  z_score: 1.9876,
  is_significant: false,
  direction: 'без изменений',
  is_small_n_a: false,
  is_small_n_b: false,
  ...over,
});

describe('compare series', () => {
  it('names a series for the list, the headings and the URL', () => {
    expect(seriesKey(option({}))).toBe('vpr_dolya2|Математика|5');
    expect(optionLabel(option({}))).toBe('Математика, 5 кл.');
    expect(optionLabel(options.options[3]!)).toBe('Креативное мышление, все классы');
    expect(optionLabel(options.options[4]!)).toBe('Математика');
    expect(seriesTitle(option({}))).toBe('ВПР: доля «2» — Математика, 5 кл.');
    expect(seriesParams(option({ grade: null }))).toEqual({
      indicator: 'vpr_dolya2',
      topic: 'Математика',
      grade: '',
    });
    expect(seriesHref({ yearA: 2024, yearB: 2025 }, option({}))).toBe(
      '/compare?year_a=2024&year_b=2025&indicator=vpr_dolya2&topic=%D0%9C%D0%B0%D1%82%D0%B5%D0%BC%D0%B0%D1%82%D0%B8%D0%BA%D0%B0&grade=5',
    );
  });

  it('groups the series by indicator title, by topic and grade', () => {
    const groups = optionGroups(options.options);
    expect(groups.map((g) => g.title)).toEqual([
      'ВПР: доля «2»',
      'ФГ: низкий уровень',
      'ОГЭ: доля «2»',
    ]);
    expect(groups[0]!.items.map(optionLabel)).toEqual([
      'Математика, 5 кл.',
      'Математика, 7 кл.',
      'Русский язык, 6 кл.',
    ]);
  });
});

describe('compare URL', () => {
  it('takes the last two years and ВПР доля «2» Математика 5 кл. by default', () => {
    const choice = readCompareQuery(new URLSearchParams(''), options);
    expect(choice.yearA).toBe(2024);
    expect(choice.yearB).toBe(2025);
    expect(choice.chosenKey).toBe('vpr_dolya2|Математика|5');
    expect(choice.chosen).toBe(options.options[2]);
  });

  it('takes the years and the series of the URL, ignoring years that are not four digits', () => {
    const query = new URLSearchParams(
      'year_a=2023&year_b=25&indicator=fg_low&topic=Креативное мышление&grade=',
    );
    const choice = readCompareQuery(query, options);
    expect(choice.yearA).toBe(2023);
    expect(choice.yearB).toBe(2025);
    expect(choice.chosenKey).toBe('fg_low|Креативное мышление|');
    expect(choice.chosen).toBe(options.options[3]);
  });

  it('knows no series without data and none before the options come', () => {
    const unknown = readCompareQuery(
      new URLSearchParams('indicator=vpr_dolya2&topic=Химия'),
      options,
    );
    expect(unknown.chosenKey).toBe('vpr_dolya2|Химия|');
    expect(unknown.chosen).toBeUndefined();
    expect(readCompareQuery(new URLSearchParams(''), undefined)).toEqual({
      yearA: undefined,
      yearB: undefined,
      chosenKey: '',
      chosen: undefined,
    });
  });

  it('explains in Russian why a selection cannot be compared', () => {
    const chosen = option({});
    const problem = (yearA: number | undefined, yearB: number | undefined, years = options.years) =>
      compareProblem(years, { yearA, yearB, chosenKey: '', chosen });
    expect(problem(2024, 2025)).toBeUndefined();
    expect(problem(undefined, 2025, [2025])).toBe(
      'Для сравнения нужны данные хотя бы за два учебных года: загрузите результаты ещё одного года.',
    );
    expect(problem(2025, 2025)).toBe(
      'Выберите два разных учебных года: сейчас оба года — 2024/25.',
    );
    expect(problem(2019, 2020)).toBe(
      'Нет данных за 2018/19 и 2019/20 учебный год. Данные есть за 2022/23, 2023/24, 2024/25.',
    );
    expect(
      compareProblem(options.years, {
        yearA: 2024,
        yearB: 2025,
        chosenKey: 'x',
        chosen: undefined,
      }),
    ).toBe('Выбранного показателя нет в данных: выберите показатель из списка.');
  });
});

describe('compare tables', () => {
  it('writes z with two decimals and the significance only with both years', () => {
    expect(zText(1.9876)).toBe('1,99');
    expect(zText(null)).toBe('—');
    expect(significance(pair({}))).toBe('не значимо');
    expect(significance(pair({ is_significant: true }))).toBe('значимо');
    expect(significance(pair({ pct_a: null }))).toBeNull();
  });

  it('marks a small group as small, never as a significant worsening', () => {
    expect(
      rowTone(pair({ is_significant: true, direction: 'ухудшение', is_small_n_b: true })),
    ).toBe('small-n');
    expect(rowTone(pair({ is_significant: true, direction: 'ухудшение' }))).toBe('sig-worse');
    expect(
      rowTone(pair({ is_significant: false, direction: 'в пределах случайных колебаний' })),
    ).toBeUndefined();
    expect(rowTone(pair({ is_small_n_a: true }))).toBe('small-n');
    expect(rowTone(pair({}))).toBeUndefined();
  });

  it('labels the year columns and notes missing years and small n', () => {
    const district = districtColumns(2024, 2025);
    expect(district.map((c) => c.label)).toEqual([
      'Показатель',
      'Предмет / направление',
      'Класс',
      'Доля 2023/24',
      'n 2023/24',
      'Доля 2024/25',
      'n 2024/25',
      'Изменение 2023/24 → 2024/25',
      'z',
      'Значимость',
      'Оценка',
    ]);
    const grade = district.find((c) => c.key === 'grade')!;
    expect(grade.value(pair({ indicator: 'fg_low', grade: null }))).toBe('все');
    expect(grade.value(pair({ indicator: 'oge_dolya2', grade: null }))).toBeNull();
    const note = schoolColumns(2024, 2025, 10).find((c) => c.key === 'note')!;
    expect(note.value(pair({ pct_a: null, is_small_n_b: true }))).toBe(
      'нет данных за 2023/24; мало данных (n < 10)',
    );
    expect(note.value(pair({}))).toBeNull();
    const change = district.find((c) => c.key === 'change')!;
    expect(change.tone!(pair({ is_significant: true, direction: 'ухудшение' }))).toBe('worse');
    expect(change.tone!(pair({ is_significant: true, direction: 'улучшение' }))).toBe('better');
    const direction = district.find((c) => c.key === 'direction')!;
    expect(displayText(direction, pair({ direction: 'в пределах случайных колебаний' }))).toBe(
      'в пределах случайных колебаний',
    );
    expect(
      change.tone!(pair({ is_significant: false, direction: 'в пределах случайных колебаний' })),
    ).toBeUndefined();
  });

  it('labels a change over more than one year with its span', () => {
    const label = (a: number, b: number) =>
      districtColumns(a, b).find((c) => c.key === 'change')!.label;
    expect(label(2024, 2026)).toBe('Изменение 2023/24 → 2025/26, за 2 года');
    expect(label(2021, 2026)).toBe('Изменение 2020/21 → 2025/26, за 5 лет');
    expect(label(2025, 2026)).toBe('Изменение 2024/25 → 2025/26');
  });

  it('names a school with signs of non-objective results in the export', () => {
    const school = schoolColumns(2024, 2025, 10).find((c) => c.key === 'school')!;
    expect(school.exported!(pair({ nonobjective_years: [2025] }))).toBe(
      'Школа № 1 (признаки необъективности результатов)',
    );
    expect(school.exported!(pair({ nonobjective_years: [] }))).toBe('Школа № 1');
  });

  it('counts the district series compared and their significant changes', () => {
    expect(
      districtChanges([
        pair({ is_significant: true, direction: 'ухудшение' }),
        pair({ is_significant: true, direction: 'улучшение' }),
        pair({ is_significant: true, direction: 'улучшение' }),
        pair({}),
        pair({ pct_b: null, is_significant: true, direction: 'ухудшение' }),
      ]),
    ).toEqual({ compared: 4, worse: 1, better: 2 });
  });

  it('captions the chart with all schools or the largest changes', () => {
    expect(chartPart(12, 12)).toBe('школы ');
    expect(chartPart(1500, 40)).toBe(
      '40 школ с наибольшими изменениями (сначала значимые) из 1\u00a0500, ',
    );
  });
});

describe('compare grid', () => {
  it('compares year B with the year before it, and a gap year with nothing', () => {
    expect(previousYear([2022, 2023, 2025], 2025)).toBeUndefined();
    expect(previousYear([2022, 2024, 2025], 2025)).toBe(2024);
    expect(previousYear([2025], 2025)).toBeUndefined();
  });

  it('names levels and colours and counts what a list leaves out', () => {
    expect(levelText(1, ['худший', 'средний'])).toBe('1 — худший');
    expect(colorText({ color_level: 5, color: 'синий' })).toBe('5 · синий');
    expect(moreText(14, 10)).toBe(' …и ещё 4');
    expect(moreText(10, 10)).toBe('');
  });

  it('labels the grid table by year B and the previous year', () => {
    const columns = gridColumns(2025, 2023);
    expect(columns.map((c) => c.label)).toEqual([
      'Школа',
      'Доля 2024/25',
      'n',
      'Изменение к 2022/23',
      'Значимость',
      'Уровень',
      'Изменение (уровень)',
      'Цвет',
    ]);
    const row: GridSchoolRow = {
      school_id: 's1',
      short_name: 'Школа № 1',
      pct: 12.5,
      n: 80,
      change_pp: -3,
      change_significant: true,
      nonobjective_years: [],
      status_level: 2,
      change_level: 4,
      color_level: 3,
      color: 'жёлтый',
    };
    const text = (key: string, r: GridSchoolRow = row) =>
      displayText(
        columns.find((c) => c.key === key)!,
        r,
      );
    expect(text('status')).toBe('2 — ниже среднего');
    expect(text('change_level')).toBe('4 — значимое улучшение');
    expect(text('change_level', { ...row, change_level: 3, change_significant: false })).toBe(
      '3 — без значимых изменений',
    );
    expect(columns.find((c) => c.key === 'school')!.exported!(row)).toBe('Школа № 1');
    expect(
      columns.find((c) => c.key === 'school')!.exported!({ ...row, nonobjective_years: [2024] }),
    ).toBe('Школа № 1 (признаки необъективности результатов)');
    expect(text('significance')).toBe('значимо');
    expect(columns.find((c) => c.key === 'color')!.exported!(row)).toBe('3 · жёлтый');
  });
});
