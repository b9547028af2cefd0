import { describe, expect, it } from 'vitest';
import type {
  SchoolFgRow,
  SchoolFlag,
  SchoolResultRow,
  SchoolTaskRow,
  SchoolTeacherRow,
} from '../../../../contract/api/types.ts';
import { displayText } from '../../../../contract/table.ts';
import {
  fgColumns,
  fgTargetsText,
  flagHistory,
  historyColumns,
  latestFlags,
  ofFirstYear,
  resultColumns,
  shownTasks,
  taskColumns,
  teacherColumns,
} from '../../../../dashboard/src/lib/school.ts';

const flag = (year: number, cluster: string, triggered: boolean) =>
  ({ year, cluster, triggered }) as SchoolFlag;

const result = (over: Partial<SchoolResultRow>): SchoolResultRow => ({
  procedure: 'ВПР',
  year: 2025,
  subject: 'Математика',
  grade: 5,
  participants_count: 40,
  uspevaemost_pct: 80,
  kachestvo_pct: 45,
  avg_mark: 3.6,
  dolya2_pct: 20,
  avg_test_score: null,
  below_min_pct: null,
  high_band_pct: null,
  key_count: 8,
  key_pct: 20,
  is_small_n: false,
  district_key_pct: 8,
  district_participants_count: 900,
  district_kachestvo_pct: 50,
  region_key_pct: 10,
  country_key_pct: 12,
  ...over,
});

/** The shown text of each column, by key. */
const texts = <T>(columns: { key: string }[], row: T) =>
  Object.fromEntries(
    columns.map((c) => [c.key, displayText(c as Parameters<typeof displayText<T>>[0], row)]),
  );

describe('school flags', () => {
  const flags = [
    flag(2024, 'Р1', true),
    flag(2025, 'Р1', false),
    flag(2025, 'Р3', true),
    flag(2023, 'Р2', true),
    flag(2024, 'Р3', true),
  ];

  it('shows the latest year with a computed rule, flagged or not', () => {
    const latest = latestFlags(flags);
    expect(latest.year).toBe(2025);
    expect(latest.flags.map((f) => `${f.cluster} ${f.triggered}`)).toEqual(['Р1 false', 'Р3 true']);
    expect(latestFlags([])).toEqual({ year: undefined, flags: [] });
  });

  it('lists the flagged years newest first with their clusters', () => {
    expect(flagHistory(flags)).toEqual([
      { year: 2025, clusters: ['Р3'] },
      { year: 2024, clusters: ['Р1', 'Р3'] },
      { year: 2023, clusters: ['Р2'] },
    ]);
  });
});

describe('school rows', () => {
  it('keeps the rows of the first row’s year', () => {
    const rows = [
      { year: 2025, n: 1 },
      { year: 2025, n: 2 },
      { year: 2024, n: 3 },
    ];
    expect(ofFirstYear(rows).map((r) => r.n)).toEqual([1, 2]);
    expect(ofFirstYear([])).toEqual([]);
  });

  it('hides sufficiently completed tasks unless all are asked for', () => {
    const tasks = [
      { task: '1', status: 'достаточно' },
      { task: '2', status: 'недостаточно' },
      { task: '3', status: 'пограничная зона' },
    ] as SchoolTaskRow[];
    expect(shownTasks(tasks, false).map((t) => t.task)).toEqual(['2', '3']);
    expect(shownTasks(tasks, true).map((t) => t.task)).toEqual(['1', '2', '3']);
  });
});

describe('school columns', () => {
  it('shows a result against the district and marks 10 p.p. and more', () => {
    expect(texts(resultColumns, result({}))).toEqual({
      result: 'ВПР, Математика, 5 кл.',
      participants: '40',
      key: '20,0 % (8)',
      district_key: '8,0 % (n = 900)',
      diff: '+12,0 п.п.',
      kachestvo: '45,0 %',
      district_kachestvo: '50,0 %',
      avg: '3,60',
    });
    const diff = resultColumns.find((c) => c.key === 'diff')!;
    expect(diff.tone!(result({}))).toBe('worse');
    expect(diff.tone!(result({ key_pct: 0, district_key_pct: 12 }))).toBe('better');
    expect(diff.tone!(result({ key_pct: 15 }))).toBeUndefined();
    expect(diff.tone!(result({ is_small_n: true }))).toBeUndefined();
    expect(diff.value(result({ district_key_pct: null }))).toBeNull();
  });

  it('shows a year of the history with the benchmarks', () => {
    expect(texts(historyColumns, result({}))).toEqual({
      year: '2024/25',
      participants: '40',
      key_pct: '20,0 %',
      district_key_pct: '8,0 %',
      region_key_pct: '10,0 %',
      country_key_pct: '12,0 %',
      kachestvo: '45,0 %',
    });
  });

  it('marks insufficient tasks bad and the borderline zone warn', () => {
    const task: SchoolTaskRow = {
      year: 2025,
      subject: 'Русский язык',
      grade: 6,
      task: '7',
      skill: 'Орфография',
      difficulty: 'Б',
      participants_count: 30,
      completion_pct: 40,
      status: 'недостаточно',
      district_pct: 55,
      region_pct: 60,
      country_pct: 62,
      vs_district_pp: -15,
      is_small_n: false,
    };
    expect(texts(taskColumns, task)).toMatchObject({
      work: 'Русский язык, 6 кл.',
      completion: '40,0 % (30)',
      status: 'недостаточно',
    });
    const status = taskColumns.find((c) => c.key === 'status')!;
    expect(status.tone!(task)).toBe('bad');
    expect(status.tone!({ ...task, status: 'пограничная зона' })).toBe('warn');
    expect(status.tone!({ ...task, status: 'достаточно' })).toBeUndefined();
  });

  it('words the ФГ targets and marks the missed ones', () => {
    expect(fgTargetsText({ low_met: true, high_met: true })).toBe('выполнены');
    expect(fgTargetsText({ low_met: false, high_met: true })).toBe('по низким не выполнена');
    expect(fgTargetsText({ low_met: false, high_met: false })).toBe(
      'по низким не выполнена; по высоким не выполнена',
    );
    const row = {
      direction: 'Читательская грамотность',
      grade: 7,
      participants_count: 50,
      low_count: 15,
      low_share_pct: 30,
      low_met: false,
      high_count: 10,
      high_share_pct: 20,
      high_met: true,
      is_small_n: false,
      district_low_share_pct: 25,
      district_high_share_pct: 15,
    } as SchoolFgRow;
    expect(texts(fgColumns, row)).toMatchObject({
      low: '30,0 % (15)',
      high: '20,0 % (10)',
      targets: 'по низким не выполнена',
    });
    expect(fgColumns.find((c) => c.key === 'low')!.tone!(row)).toBe('bad');
    expect(fgColumns.find((c) => c.key === 'high')!.tone!(row)).toBeUndefined();
  });

  it('marks a teachers’ deficit share above the district’s', () => {
    const row: SchoolTeacherRow = {
      year: 2025,
      area: null,
      teachers_count: 20,
      deficit_count: 6,
      deficit_pct: 30,
      change_pp: -5,
      is_small_n: false,
      district_deficit_pct: 25,
      district_teachers_count: 400,
    } as SchoolTeacherRow;
    expect(texts(teacherColumns, row)).toEqual({
      area: 'Все области',
      teachers: '20',
      deficit: '30,0 % (6)',
      district: '25,0 % (n = 400)',
      change: '−5,0 п.п.',
    });
    const deficit = teacherColumns.find((c) => c.key === 'deficit')!;
    expect(deficit.tone!(row)).toBe('bad');
    expect(deficit.tone!({ ...row, deficit_pct: 20 })).toBeUndefined();
    expect(deficit.tone!({ ...row, is_small_n: true })).toBeUndefined();
  });
});
