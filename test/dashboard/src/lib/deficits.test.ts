import { describe, expect, it } from 'vitest';
import type {
  DeficitSchoolCell,
  DeficitTaskRow,
  DeficitVpr,
  TeacherDeficitRow,
} from '../../../../contract/api/deficits-types.ts';
import type { HeatMap, HeatRow } from '../../../../contract/charts/deficits-heatmap.ts';
import { displayText } from '../../../../contract/table.ts';
import { withCurrent } from '../../../../dashboard/src/lib/choices.ts';
import {
  cellColumns,
  cellsOfSchool,
  chooseVprGrade,
  chooseVprSubject,
  chooseVprYear,
  readVprQuery,
  schoolChoices,
  shortSkill,
  taskColumns,
  thresholdsText,
  vprFigures,
  vprFilterChoices,
  type VprCombo,
} from '../../../../dashboard/src/lib/deficits-vpr.ts';
import {
  areaKey,
  districtSummary,
  readTeacherQuery,
  teacherColumns,
  teacherDistrict,
  teacherSchools,
  teacherYearChoices,
  teacherYearText,
} from '../../../../dashboard/src/lib/deficits-teachers.ts';

const combos: VprCombo[] = [
  { year: 2025, subject: 'Русский язык', grade: 6 },
  { year: 2025, subject: 'Математика', grade: 6 },
  { year: 2025, subject: 'Математика', grade: 5 },
  { year: 2024, subject: 'Русский язык', grade: 4 },
  { year: 2024, subject: 'Русский язык', grade: 7 },
];
const query = (text: string) => new URLSearchParams(text);

describe('ВПР deficits: the work of the URL', () => {
  it('takes the latest year, Математика and the 5th grade by default', () => {
    expect(readVprQuery(query(''), combos)).toEqual({
      yearParam: null,
      gradeParam: null,
      year: 2025,
      subject: 'Математика',
      grade: 5,
      exists: true,
      text: 'Математика, 5 класс, 2024/25 учебный год',
      school: '',
    });
  });

  it('falls back to the first subject and the lowest grade of a year', () => {
    const s = readVprQuery(query('year=2024&school=s7'), combos);
    expect([s.subject, s.grade, s.exists, s.school]).toEqual(['Русский язык', 4, true, 's7']);
  });

  it('keeps a work without data and says so in words', () => {
    const s = readVprQuery(query('year=2019&grade=x'), combos);
    expect(s.exists).toBe(false);
    expect(s.text).toBe('предмет не выбран, класс «x», 2018/19 учебный год');
    expect(readVprQuery(query('year=abc&subject=Химия&grade=8'), combos).text).toBe(
      'Химия, 8 класс, год «abc»',
    );
  });

  it('keeps subject and grade across years when they exist, else takes the defaults', () => {
    const maths6 = readVprQuery(query('subject=Математика&grade=6'), combos);
    expect(chooseVprYear(combos, maths6, '2024')).toEqual({
      year: 2024,
      subject: 'Русский язык',
      grade: 4,
    });
    const russian6 = readVprQuery(query('subject=Русский язык&grade=6'), combos);
    expect(chooseVprSubject(combos, russian6, 'Математика')).toEqual({
      year: 2025,
      subject: 'Математика',
      grade: 6,
    });
    expect(chooseVprYear(combos, russian6, '2025')).toEqual({
      year: 2025,
      subject: 'Русский язык',
      grade: 6,
    });
    expect(chooseVprGrade(russian6, '7')).toEqual({
      year: 2025,
      subject: 'Русский язык',
      grade: '7',
    });
  });

  it('offers only the combinations with data, plus the URL value marked «нет данных»', () => {
    const choices = vprFilterChoices(combos, readVprQuery(query(''), combos));
    expect(choices.years).toEqual([
      { value: '2025', label: '2024/25' },
      { value: '2024', label: '2023/24' },
    ]);
    expect(choices.subjects.map((c) => c.value)).toEqual(['Математика', 'Русский язык']);
    expect(choices.grades).toEqual([
      { value: '5', label: '5 класс' },
      { value: '6', label: '6 класс' },
    ]);
    const missing = vprFilterChoices(combos, readVprQuery(query('year=2019&grade=9'), combos));
    expect(missing.year).toBe('2019');
    expect(missing.years[0]).toEqual({ value: '2019', label: '2018/19 — нет данных' });
    expect(missing.grades[0]).toEqual({ value: '9', label: '9 класс — нет данных' });
    expect(withCurrent([{ value: 'a', label: 'А' }], 'a', 'x')).toEqual([
      { value: 'a', label: 'А' },
    ]);
  });
});

const task = (over: Partial<DeficitTaskRow>): DeficitTaskRow => ({
  task: '1',
  skill: 'Вычисления',
  difficulty: 'Б',
  max_score: 1,
  sufficient_from: 65,
  insufficient_below: 50,
  district_pct: 70,
  district_n: 300,
  district_status: 'достаточно',
  district_small_n: false,
  region_pct: 72,
  region_n: 9000,
  region_status: 'достаточно',
  country_pct: 71,
  country_n: 900000,
  country_status: 'достаточно',
  schools_count: 10,
  insufficient_schools_count: 2,
  ...over,
});

const cell = (over: Partial<DeficitSchoolCell>): DeficitSchoolCell => ({
  school_id: 's1',
  short_name: 'Школа № 1',
  task: '1',
  completion_pct: 40,
  participants_count: 25,
  status: 'недостаточно',
  vs_district_pp: -30,
  vs_region_pp: -32,
  is_small_n: false,
  ...over,
});

const heatRow = (kind: HeatRow['kind'], insufficient: number): HeatRow => ({
  label: 'x',
  kind,
  school_id: null,
  n: 25,
  small: false,
  insufficient,
});

describe('ВПР deficits: figures and tables', () => {
  const vpr: DeficitVpr = {
    year: 2025,
    subject: 'Математика',
    grade: 5,
    tasks: [
      task({}),
      task({
        task: '2',
        difficulty: 'П',
        sufficient_from: 50,
        insufficient_below: 30,
        district_status: 'недостаточно',
        district_n: 310,
        region_n: null,
        insufficient_schools_count: 6,
      }),
      task({
        task: '3',
        district_status: 'недостаточно',
        schools_count: 0,
        insufficient_schools_count: 0,
      }),
    ],
    schools: [cell({}), cell({ school_id: 's2', short_name: 'Гимназия', task: '2' })],
  };
  const map: HeatMap = {
    cells: [],
    tasks: ['1', '2', '3'],
    rows: [
      heatRow('school', 2),
      heatRow('school', 0),
      heatRow('school', 1),
      heatRow('baseline', 3),
    ],
  };

  it('counts the insufficient tasks, the schools with deficits and the worst task', () => {
    const figures = vprFigures(vpr, map);
    expect(figures.districtN).toBe(310);
    expect(figures.regionN).toBe(9000);
    expect(figures.countryN).toBe(900000);
    expect(figures.schoolsShown).toBe(3);
    expect(figures.schoolsWithDeficit).toBe(2);
    expect(figures.insufficientTasks.map((t) => t.task)).toEqual(['2', '3']);
    expect(figures.worstTask?.task).toBe('2');
  });

  it('writes the thresholds of each level of difficulty as in the data', () => {
    expect(thresholdsText(vpr.tasks)).toBe(
      'базовые задания (Б): «достаточно» от 65,0 %, «недостаточно» ниже 50,0 %, между ними — пограничная зона; задания повышенного и высокого уровня (П, В): «достаточно» от 50,0 %, «недостаточно» ниже 30,0 %, между ними — пограничная зона',
    );
    expect(thresholdsText([])).toBe('');
  });

  it('shows a task with its difficulty, its schools below the threshold and tones', () => {
    const text = (key: string, row: DeficitTaskRow) =>
      displayText(
        taskColumns.find((c) => c.key === key)!,
        row,
      );
    expect(text('difficulty', vpr.tasks[1]!)).toBe('П — повышенный');
    expect(text('insufficient_schools', vpr.tasks[1]!)).toBe('6 из 10');
    const tone = (key: string, row: DeficitTaskRow) =>
      taskColumns.find((c) => c.key === key)!.tone!(row);
    expect(tone('insufficient_schools', vpr.tasks[1]!)).toBe('bad');
    expect(tone('insufficient_schools', vpr.tasks[0]!)).toBeUndefined();
    expect(tone('district', vpr.tasks[1]!)).toBe('bad');
    expect(tone('district', task({ district_status: 'пограничная зона' }))).toBe('warn');
  });

  it('puts each school cell beside its task and filters by school', () => {
    const columns = cellColumns(vpr.tasks, 10);
    const text = (key: string, row: DeficitSchoolCell) =>
      displayText(
        columns.find((c) => c.key === key)!,
        row,
      );
    expect(text('skill', vpr.schools[0]!)).toBe('Вычисления');
    expect(text('district', vpr.schools[1]!)).toBe('70,0 %');
    expect(text('vs_district', vpr.schools[0]!)).toBe('\u221230,0 п.п.');
    expect(columns.at(-1)!.label).toBe('Мало данных (n < 10)');
    expect(schoolChoices(vpr.schools)).toEqual([
      { value: 's2', label: 'Гимназия' },
      { value: 's1', label: 'Школа № 1' },
    ]);
    expect(cellsOfSchool(vpr.schools, 's2')).toEqual([vpr.schools[1]]);
    expect(cellsOfSchool(vpr.schools, '')).toHaveLength(2);
    expect(shortSkill('а'.repeat(91))).toBe(`${'а'.repeat(88)}…`);
    expect(shortSkill(null)).toBe('—');
  });
});

const teacher = (over: Partial<TeacherDeficitRow>): TeacherDeficitRow => ({
  level: 'school',
  school_id: 's1',
  short_name: 'Школа № 1',
  area: null,
  teachers_count: 20,
  deficit_count: 5,
  deficit_pct: 25,
  previous_year: null,
  change_pp: null,
  is_small_n: false,
  ...over,
});

describe('teachers deficits', () => {
  it('takes the year of tyear, or the latest diagnostics', () => {
    expect(readTeacherQuery(query(''), [2024, 2025])).toEqual({
      years: [2025, 2024],
      yearParam: null,
      year: 2025,
      exists: true,
    });
    const missing = readTeacherQuery(query('tyear=2017'), [2024, 2025]);
    expect(missing.exists).toBe(false);
    expect(teacherYearText(missing)).toBe('2016/17 учебный год');
    expect(teacherYearChoices(missing).choices[0]).toEqual({
      value: '2017',
      label: '2016/17 — нет данных',
    });
    expect(teacherYearText(readTeacherQuery(query('tyear=abc'), [2025]))).toBe('год «abc»');
  });

  const rows = [
    teacher({
      level: 'district',
      school_id: null,
      short_name: null,
      teachers_count: 60,
      deficit_pct: 30,
    }),
    teacher({
      level: 'district',
      school_id: null,
      short_name: null,
      area: 'Методика',
      deficit_pct: 20,
    }),
    teacher({
      level: 'district',
      school_id: null,
      short_name: null,
      area: 'Оценивание',
      deficit_pct: 15,
    }),
    teacher({ deficit_pct: 40, deficit_count: 8 }),
    teacher({ area: 'Методика', deficit_pct: 10, teachers_count: 22 }),
    teacher({
      school_id: 's2',
      short_name: 'Лицей',
      area: 'Методика',
      deficit_pct: 50,
      teachers_count: 6,
      is_small_n: true,
    }),
  ];

  it('gathers each school across areas, with the district as the footer', () => {
    const schools = teacherSchools(rows);
    expect(schools.map((s) => [s.school_id, s.teachers, s.is_small_n])).toEqual([
      ['s1', 22, false],
      ['s2', 6, true],
    ]);
    const [district] = teacherDistrict(rows);
    expect(district!.short_name).toBe('Район');
    expect(district!.teachers).toBe(60);
    expect([...district!.byArea.keys()]).toEqual([null, 'Методика', 'Оценивание']);
    expect(teacherDistrict([])).toEqual([]);
    expect(districtSummary(rows.slice(0, 3)).map((r) => r.area)).toEqual([
      'Методика',
      'Оценивание',
      null,
    ]);
  });

  it('marks a share above the district unless the school has few teachers', () => {
    const columns = teacherColumns(rows, 10);
    expect(columns.map((c) => c.key)).toEqual([
      'school',
      'teachers',
      'area-0',
      'area-1',
      'area-any',
      'change',
      'small_n',
    ]);
    expect(columns[4]!.label).toBe('Хотя бы в одной области, %');
    const [s1, s2] = teacherSchools(rows);
    expect(displayText(columns[4]!, s1!)).toBe('40,0 % (8)');
    expect(displayText(columns[3]!, s1!)).toBe('—');
    expect(columns[4]!.tone!(s1!)).toBe('worse');
    expect(columns[2]!.tone!(s1!)).toBeUndefined();
    expect(columns[2]!.tone!(s2!)).toBeUndefined();
    expect(areaKey(['Методика', 'Оценивание'], 'Оценивание')).toBe('area-1');
  });
});
