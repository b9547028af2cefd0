import { describe, expect, it } from 'vitest';
import {
  countRu,
  formatDate,
  formatInt,
  formatPct,
  formatPp,
  pluralRu,
  schoolYear,
  SCHOOLS,
} from '../../contract/format.ts';
import { resolveSelection } from '../../dashboard/src/lib/results-selection.ts';
import type { ResultsFilterOption } from '../../contract/api/types.ts';

describe('Russian formatting', () => {
  it('uses decimal commas, spaces between thousands and п.п.', () => {
    expect(formatPct(12.345)).toBe('12,3 %');
    expect(formatInt(1286540)).toBe('1\u00a0286\u00a0540');
    expect(formatPp(2.05)).toBe('+2,1 п.п.');
    expect(formatPp(-0.04)).toBe('0,0 п.п.');
    expect(formatPp(-6.44)).toBe('\u22126,4 п.п.');
    expect(formatPct(null)).toBe('—');
  });

  it('chooses the right plural form', () => {
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => countRu(n, SCHOOLS))).toEqual([
      '1 школа',
      '2 школы',
      '5 школ',
      '11 школ',
      '12 школ',
      '14 школ',
      '21 школа',
      '22 школы',
      '25 школ',
      '101 школа',
      '111 школ',
    ]);
    expect(pluralRu(0, SCHOOLS)).toBe('школ');
  });

  it('writes school years and dates the Russian way', () => {
    expect(schoolYear(2025)).toBe('2024/25');
    expect(formatDate('2026-11-23')).toBe('23.11.2026');
  });
});

describe('filter selection from the URL', () => {
  const options: ResultsFilterOption[] = [
    { procedure: 'ВПР', year: 2025, subject: 'Математика', grade: 5 },
    { procedure: 'ВПР', year: 2026, subject: 'Математика', grade: 4 },
    { procedure: 'ВПР', year: 2026, subject: 'Русский язык', grade: 6 },
    { procedure: 'ВПР', year: 2026, subject: 'Русский язык', grade: 5 },
    { procedure: 'ЕГЭ', year: 2025, subject: 'Физика', grade: null },
  ];
  const resolve = (query: string) => resolveSelection(options, new URLSearchParams(query));

  it('keeps a valid combination and falls back to ВПР, the latest year, Russian language, lowest grade', () => {
    expect(resolve('year=2025&subject=Математика&grade=5')).toEqual({
      procedure: 'ВПР',
      year: 2025,
      subject: 'Математика',
      grade: 5,
    });
    const fallback = { procedure: 'ВПР', year: 2026, subject: 'Русский язык', grade: 5 };
    expect(resolve('')).toEqual(fallback);
    expect(resolve('year=1999&subject=Химия&grade=9')).toEqual(fallback);
    expect(resolve('procedure=ОГЭ')).toEqual(fallback);
  });

  it('gives ЕГЭ no grade and its own latest year', () => {
    expect(resolve('procedure=ЕГЭ&year=2026&grade=5')).toEqual({
      procedure: 'ЕГЭ',
      year: 2025,
      subject: 'Физика',
    });
  });
});
