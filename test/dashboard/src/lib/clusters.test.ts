/** «Кластеры по годам»: the tables' shaping, the span's sentence and the working list's summary. */
import { expect, it } from 'vitest';
import {
  clustersByYear,
  exitText,
  listSummary,
  schoolYearRows,
  spanSentence,
  spanYears,
} from '../../../../dashboard/src/lib/clusters.ts';
import type {
  ClusterSpanRow,
  SchoolClusterYear,
  WorkingListRow,
} from '../../../../contract/api/cluster-types.ts';

const entry = (
  school_id: string,
  year: number,
  cluster: string,
  source: SchoolClusterYear['source'] = 'регион',
): SchoolClusterYear => ({ school_id, short_name: `Школа ${school_id}`, year, cluster, source });

it('writes the exit rate with its counts', () => {
  expect(exitText(5, 5, 100)).toBe('5 из 5, 100 %');
  expect(exitText(1, 3, 100 / 3)).toBe('1 из 3, 33,3 %');
  expect(exitText(0, 0, null)).toBe('в списке не было школ');
  expect(exitText(null, null, null)).toBe('—');
});

it('tells a span: who left, who stayed, who entered', () => {
  const row: ClusterSpanRow = {
    cluster: 'ШНОР',
    cluster_title: 'Школы с низкими образовательными результатами',
    from_schools: 5,
    to_schools: 1,
    still: 0,
    left_count: 5,
    entered: 1,
    exit_pct: 100,
    still_names: [],
    left_names: ['А', 'Б', 'В', 'Г', 'Д'],
    entered_names: ['Е'],
  };
  expect(spanSentence(row, 2020, 2024)).toBe(
    'из 5 ШНОР 2019/20 к 2023/24 вышли 5, 100 %; осталось 0 из 5; вошли 1',
  );
});

it('puts each school’s clusters of a year in one cell', () => {
  expect(
    schoolYearRows([entry('a', 2025, 'ШПУН'), entry('a', 2025, 'ШФЗСОР'), entry('b', 2026, 'ШЛ')]),
  ).toEqual([
    { school_id: 'a', short_name: 'Школа a', years: { 2025: 'ШПУН, ШФЗСОР' } },
    { school_id: 'b', short_name: 'Школа b', years: { 2026: 'ШЛ' } },
  ]);
  expect(
    clustersByYear([
      entry('a', 2025, 'ШПУН'),
      entry('a', 2026, 'ШПУН'),
      entry('a', 2026, 'ШНОР', 'решение комитета'),
    ]),
  ).toEqual([
    { year: 2026, text: 'ШПУН (регион), ШНОР (решение комитета)' },
    { year: 2025, text: 'ШПУН (регион)' },
  ]);
});

it('takes the span from the address when it names years with lists, else the first and last', () => {
  const years = [2024, 2025, 2026];
  expect(spanYears(new URLSearchParams(''), years)).toEqual({ from: 2024, to: 2026 });
  expect(spanYears(new URLSearchParams('from=2025&to=2019'), years)).toEqual({
    from: 2025,
    to: 2026,
  });
  expect(spanYears(new URLSearchParams(''), [])).toBeNull();
});

it('counts whole schools on the list and the suggestions apart', () => {
  const row = (school_id: string, cluster: string, in_list: boolean) =>
    ({ school_id, cluster, in_list }) as WorkingListRow;
  expect(
    listSummary([
      row('a', 'ШПУН', true),
      row('a', 'ШФЗСОР', true),
      row('b', 'ШФЗСОР', true),
      row('c', 'ШНОР', false),
      row('c', 'ШПУН', false),
    ]),
  ).toBe('в списке 2 школы в 2 кластерах; ещё 1 школа — только по расчёту');
  expect(listSummary([row('c', 'ШНОР', false)])).toBe(
    'в списке нет школ; ещё 1 школа — только по расчёту',
  );
  expect(listSummary([row('a', 'ШЛ', true)])).toBe('в списке 1 школа в 1 кластере');
});
