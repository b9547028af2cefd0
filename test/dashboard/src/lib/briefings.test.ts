import { describe, expect, it } from 'vitest';
import type { BriefingOptions } from '../../../../contract/api/briefing-types.ts';
import {
  briefingRequest,
  briefingSchoolOptions,
  briefingState,
  describeChoice,
  fallbackFileName,
  briefingYearOptions,
  failureText,
  toggleSchool,
} from '../../../../dashboard/src/lib/briefings.ts';

const options = (over: Partial<BriefingOptions> = {}): BriefingOptions => ({
  years: [2025, 2024],
  year: 2025,
  schools: [
    { school_id: 'sch1', short_name: 'Школа № 1' },
    { school_id: 'sch2', short_name: 'Школа № 2' },
    { school_id: 'sch3', short_name: 'Школа № 3' },
  ],
  listYears: [2025, 2023],
  pdfAvailable: true,
  ...over,
});
const query = (text: string) => new URLSearchParams(text);

describe('briefingState', () => {
  it('defaults to the district’s справка in DOCX for the first school', () => {
    const state = briefingState(options(), query(''), null);
    expect(state).toMatchObject({
      kind: 'district',
      format: 'docx',
      school: 'sch1',
      schoolKnown: true,
      selected: [],
      yearKnown: true,
      documents: 1,
      blocked: false,
      choice: { year: 2025, kind: 'district', format: 'docx', school: 'sch1', schools: [] },
    });
    expect(state.kinds.map((k) => k.value)).toEqual([
      'district',
      'school',
      'all',
      'selected',
      'decision',
    ]);
  });

  it('makes the draft order for a year with a working list, whatever its results', () => {
    const state = briefingState(options({ year: 2023 }), query('kind=decision'), null);
    expect(state).toMatchObject({
      kind: 'decision',
      yearKnown: true,
      documents: 1,
      blocked: false,
    });
    const noList = briefingState(options({ year: 2024 }), query('kind=decision'), null);
    expect(noList.yearKnown).toBe(false);
    expect(noList.blocked).toBe(true);
    expect(briefingYearOptions(options({ year: 2024 }), false, 'decision')).toEqual([
      { value: '2024', label: '2023/24 (нет данных)' },
      { value: '2025', label: '2024/25' },
      { value: '2023', label: '2022/23' },
    ]);
  });

  it('keeps the chosen schools with results, in the list’s order', () => {
    const state = briefingState(
      options(),
      query('kind=selected&schools=sch3,gone,sch1,sch3&format=pdf'),
      null,
    );
    expect(state.selected).toEqual(['sch1', 'sch3']);
    expect(state.format).toBe('pdf');
    expect(state.documents).toBe(3);
    expect(state.blocked).toBe(false);
  });

  it('blocks a batch of no schools and counts a batch of all', () => {
    expect(briefingState(options(), query('kind=selected'), null).blocked).toBe(true);
    expect(briefingState(options(), query('kind=all'), null).documents).toBe(4);
  });

  it('gives a school user their own school only', () => {
    const state = briefingState(options(), query('kind=all&school=sch2'), 'sch3');
    expect(state.kinds.map((k) => k.value)).toEqual(['school']);
    expect(state.kind).toBe('school');
    expect(state.school).toBe('sch3');
  });

  it('falls back to DOCX without Chromium and marks an unknown school or year', () => {
    const state = briefingState(
      options({ pdfAvailable: false, year: 2019 }),
      query('format=pdf&kind=school&school=nosuch'),
      null,
    );
    expect(state.format).toBe('docx');
    expect(state.schoolKnown).toBe(false);
    expect(state.yearKnown).toBe(false);
    expect(state.blocked).toBe(true);
  });

  it('has no choice while the options load', () => {
    const state = briefingState(undefined, query('kind=school&school=sch2'), null);
    expect(state.choice).toBeNull();
    expect(state.pdfAvailable).toBe(true);
    expect(state.blocked).toBe(true);
    expect(briefingState(options({ schools: [] }), query(''), null).school).toBe('');
  });
});

describe('briefing lists', () => {
  it('lists the years, an asked year without data first', () => {
    expect(briefingYearOptions(options(), true)).toEqual([
      { value: '2025', label: '2024/25' },
      { value: '2024', label: '2023/24' },
    ]);
    expect(briefingYearOptions(options({ year: 2019 }), false)[0]).toEqual({
      value: '2019',
      label: '2018/19 (нет данных)',
    });
  });

  it('lists the schools, a chosen one without results first', () => {
    const schools = options().schools.slice(0, 1);
    expect(briefingSchoolOptions('sch1', true, schools)).toEqual([
      { value: 'sch1', label: 'Школа № 1' },
    ]);
    expect(briefingSchoolOptions('nosuch', false, schools)).toEqual([
      { value: 'nosuch', label: 'nosuch (нет результатов за год)' },
      { value: 'sch1', label: 'Школа № 1' },
    ]);
    expect(briefingSchoolOptions('', false, [])).toEqual([]);
  });

  it('checks and unchecks a school of the batch', () => {
    expect(toggleSchool(['sch1'], 'sch3', true)).toEqual(['sch1', 'sch3']);
    expect(toggleSchool(['sch1', 'sch3'], 'sch1', false)).toEqual(['sch3']);
  });

  it('asks for the draft order with the filled fields only, and names its file', () => {
    const choice = briefingState(options(), query('kind=decision&format=pdf'), null).choice!;
    expect(
      briefingRequest(choice, { number: '356', date: '2025-10-19', control: '  ', committee: '' }),
    ).toEqual({
      path: '/api/briefings/decision',
      query: { year: 2025, format: 'pdf', number: '356', date: '2025-10-19' },
    });
    expect(fallbackFileName(choice)).toBe('Распоряжение_списки_2024-25.pdf');
    expect(describeChoice(choice, '', 3)).toBe(
      'Проект распоряжения об утверждении списков школ на 2024/25 учебный год по рабочему списку, PDF. Незаполненные поля печатаются линией для заполнения от руки.',
    );
  });

  it('words a failure once', () => {
    expect(failureText('сервер недоступен')).toBe('Справка не сформирована: сервер недоступен');
    expect(failureText('Справка не сформирована: нет данных')).toBe(
      'Справка не сформирована: нет данных',
    );
    expect(failureText('сервер недоступен', 'decision')).toBe(
      'Проект распоряжения не сформирован: сервер недоступен',
    );
    expect(failureText('Проект распоряжения не сформирован. Поле «Дата»', 'decision')).toBe(
      'Проект распоряжения не сформирован. Поле «Дата»',
    );
  });
});
