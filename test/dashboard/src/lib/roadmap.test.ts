import { describe, expect, it } from 'vitest';
import type { RoadmapMeasure } from '../../../../contract/api/roadmap-types.ts';
import {
  bySection,
  deadlineNote,
  isoOfRuDate,
  measuresCount,
  offeredYears,
  overdueText,
  schoolYearOf,
  servesText,
  statusText,
  summaryText,
} from '../../../../dashboard/src/lib/roadmap.ts';

const summary = (total: number, done: number, moved: number, notDone: number, overdue: number) => ({
  total,
  planned: total - done - moved - notDone,
  done,
  moved,
  not_done: notDone,
  overdue,
});

describe('the year’s summary in words', () => {
  it('takes the genitive of the number after «из»', () => {
    expect(summaryText(summary(24, 10, 1, 0, 3))).toBe(
      'из 24 мероприятий выполнено 10, перенесено 1, не выполнено 0, просрочено 3',
    );
    expect(summaryText(summary(1, 1, 0, 0, 0))).toBe(
      'из 1 мероприятия выполнено 1, перенесено 0, не выполнено 0, просрочено 0',
    );
    expect(summaryText(summary(21, 0, 0, 2, 5))).toBe(
      'из 21 мероприятия выполнено 0, перенесено 0, не выполнено 2, просрочено 5',
    );
    expect(summaryText(summary(11, 0, 0, 0, 0))).toMatch(/^из 11 мероприятий /);
    expect(summaryText(summary(0, 0, 0, 0, 0))).toBe('мероприятий нет');
    expect([1, 3, 5, 11, 22].map(measuresCount)).toEqual([
      '1 мероприятие',
      '3 мероприятия',
      '5 мероприятий',
      '11 мероприятий',
      '22 мероприятия',
    ]);
  });
});

const measure = (over: Partial<RoadmapMeasure>): RoadmapMeasure => ({
  measure_id: 1,
  year: 2024,
  section: 'Раздел',
  position: 1,
  number: null,
  title: 'Мероприятие',
  term: null,
  deadline: null,
  responsible_municipal: null,
  responsible_school: null,
  expected_result: null,
  confirming_document: null,
  serves: 'list',
  serves_cluster: null,
  serves_schools: [],
  status: 'запланировано',
  status_on: null,
  status_note: null,
  imported: true,
  overdue: false,
  updated_by: null,
  updated_at: '2024-08-01T10:00:00',
  ...over,
});

describe('a measure in words', () => {
  it('tells whom it serves, its status with date and note, and overdue', () => {
    expect(servesText(measure({}))).toBe('весь рабочий список');
    expect(servesText(measure({ serves: 'cluster', serves_cluster: 'ШНОР' }))).toBe('кластер ШНОР');
    expect(
      servesText(
        measure({
          serves: 'schools',
          serves_schools: [
            { school_id: 'sch1', short_name: 'Лесная ООШ' },
            { school_id: 'sch9', short_name: null },
          ],
        }),
      ),
    ).toBe('Лесная ООШ, sch9');
    expect(
      statusText(
        measure({ status: 'выполнено', status_on: '2026-12-05', status_note: 'проведено' }),
      ),
    ).toBe('выполнено 05.12.2026 — проведено');
    expect(statusText(measure({}))).toBe('запланировано');
    expect(overdueText(measure({ overdue: true, deadline: '2024-09-15' }))).toBe(
      'просрочено: срок 15.09.2024 истёк',
    );
    expect(overdueText(measure({ deadline: '2024-09-15' }))).toBeNull();
  });

  it('adds the parsed deadline only where the term does not show it', () => {
    expect(deadlineNote(measure({ term: '15.08. – 15.09.', deadline: '2023-09-15' }))).toBe(
      'до 15.09.2023',
    );
    expect(deadlineNote(measure({ term: 'до 20.10.2025', deadline: '2025-10-20' }))).toBeNull();
    expect(deadlineNote(measure({ term: 'в течение года' }))).toBeNull();
  });

  it('reads a date typed the Russian way', () => {
    expect(isoOfRuDate(' 06.12.2026 ')).toBe('2026-12-06');
    expect(isoOfRuDate('6.9.2026')).toBe('2026-09-06');
    expect(isoOfRuDate('31.02.2026')).toBeNull();
    expect(isoOfRuDate('2026-12-06')).toBeNull();
  });

  it('groups the measures under their sections in the document’s order', () => {
    const groups = bySection([
      measure({ measure_id: 1, section: 'А' }),
      measure({ measure_id: 2, section: 'А' }),
      measure({ measure_id: 3, section: 'Б' }),
    ]);
    expect(groups.map((g) => [g.section, g.measures.map((m) => m.measure_id)])).toEqual([
      ['А', [1, 2]],
      ['Б', [3]],
    ]);
  });

  it('offers the road maps’ years and the current and next school year', () => {
    expect(schoolYearOf('2026-12-06')).toBe(2027);
    expect(schoolYearOf('2026-08-31')).toBe(2026);
    expect(offeredYears([2025, 2026], '2026-12-06')).toEqual([
      { value: '2025', label: '2024/25' },
      { value: '2026', label: '2025/26' },
      { value: '2027', label: '2026/27 (новая)' },
      { value: '2028', label: '2027/28 (новая)' },
    ]);
    expect(offeredYears([], '2026-12-06', 2020).map((o) => o.label)).toEqual([
      '2019/20 (новая)',
      '2026/27 (новая)',
      '2027/28 (новая)',
    ]);
  });
});
