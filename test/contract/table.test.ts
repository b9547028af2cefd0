import { describe, expect, it } from 'vitest';
import {
  intColumn,
  matchesSearch,
  normalizeSearch,
  PAGE_SIZE,
  pageRangeText,
  pageSlice,
  searchColumns,
  searchText,
  sortRows,
  type Column,
} from '../../contract/table.ts';

describe('table pages', () => {
  it('cuts pages of 100 rows and keeps the last one short', () => {
    expect(PAGE_SIZE).toBe(100);
    expect(pageSlice(40_000, 0)).toEqual({ page: 0, pageCount: 400, start: 0, end: 100 });
    expect(pageSlice(40_000, 1)).toEqual({ page: 1, pageCount: 400, start: 100, end: 200 });
    expect(pageSlice(250, 2)).toEqual({ page: 2, pageCount: 3, start: 200, end: 250 });
    expect(pageSlice(100, 0)).toEqual({ page: 0, pageCount: 1, start: 0, end: 100 });
  });

  it('shows the last page for a page past the end and the first for a negative one', () => {
    expect(pageSlice(250, 7)).toEqual({ page: 2, pageCount: 3, start: 200, end: 250 });
    expect(pageSlice(250, -3)).toEqual({ page: 0, pageCount: 3, start: 0, end: 100 });
    expect(pageSlice(250, Number.NaN).page).toBe(0);
    expect(pageSlice(0, 5)).toEqual({ page: 0, pageCount: 1, start: 0, end: 0 });
  });

  it('names the rows shown in ru-RU numbers', () => {
    expect(pageRangeText(pageSlice(40_000, 0), 40_000)).toBe('Строки 1–100 из 40\u00a0000');
    expect(pageRangeText(pageSlice(3_000, 29), 3_000)).toBe(
      'Строки 2\u00a0901–3\u00a0000 из 3\u00a0000',
    );
    expect(pageRangeText(pageSlice(0, 0), 0)).toBe('Строк нет');
  });
});

interface School {
  name: string;
  place: string | null;
  pupils: number;
}
const columns: Column<School>[] = [
  { key: 'name', label: 'Школа', value: (s) => s.name },
  { key: 'place', label: 'Местность', value: (s) => s.place },
  intColumn<School>('pupils', 'Учеников', (s) => s.pupils),
  { key: 'spark', label: 'Динамика', value: () => 'скрыто', screenOnly: true },
];
const schools: School[] = [
  { name: 'Школа № 5 «Ёлочка»', place: 'Сельская', pupils: 1500 },
  { name: 'Лицей «Звёздный»', place: null, pupils: 5 },
  { name: 'Гимназия  №\u00a012', place: 'городская', pupils: 812 },
];
const found = (query: string) => {
  const kept = searchColumns(columns);
  return schools
    .filter((s) => matchesSearch(searchText(kept, s), normalizeSearch(query)))
    .map((s) => s.name);
};

describe('table search', () => {
  it('ignores case and reads ё as е, in the text and in the query', () => {
    expect(found('елочка')).toEqual(['Школа № 5 «Ёлочка»']);
    expect(found('ЁЛОЧКА')).toEqual(['Школа № 5 «Ёлочка»']);
    expect(found('звездный')).toEqual(['Лицей «Звёздный»']);
    expect(found('ЗВЁЗД')).toEqual(['Лицей «Звёздный»']);
  });

  it('treats runs of spaces and no-break spaces as one space, and trims the query', () => {
    expect(found('  гимназия № 12 ')).toEqual(['Гимназия  №\u00a012']);
    expect(normalizeSearch(' А\u00a0\u202fБ  В ')).toBe('а б в');
  });

  it('looks in the text columns shown, not in numbers or screen-only columns', () => {
    expect(searchColumns(columns).map((c) => c.key)).toEqual(['name', 'place']);
    expect(found('сельская')).toEqual(['Школа № 5 «Ёлочка»']);
    expect(found('5')).toEqual(['Школа № 5 «Ёлочка»']);
    expect(found('скрыто')).toEqual([]);
    // an empty cell is shown (and found) as a dash; a match never spans two cells
    expect(found('—')).toEqual(['Лицей «Звёздный»']);
    expect(found('ёлочка» сельская')).toEqual([]);
  });

  it('keeps every row for an empty query', () => {
    expect(found('')).toHaveLength(3);
    expect(found('   ')).toHaveLength(3);
  });

  it('keeps the first column searchable even when it is a number', () => {
    const years: Column<{ year: number }>[] = [intColumn('year', 'Год', (r) => r.year)];
    expect(searchText(searchColumns(years), { year: 2026 })).toBe('2 026');
  });

  it('sorts text in Russian order with nulls last', () => {
    const sorted = sortRows(schools, (s) => s.place, 'asc').map((s) => s.place);
    expect(sorted).toEqual(['городская', 'Сельская', null]);
  });
});
