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
} from '../../dashboard/src/lib/format.ts';
import { resolveSelection } from '../../dashboard/src/lib/vpr-selection.ts';

describe('Russian formatting', () => {
  it('uses decimal commas, spaces between thousands and п.п.', () => {
    expect(formatPct(12.345)).toBe('12,3 %');
    expect(formatInt(1286540)).toBe('1\u00a0286\u00a0540');
    expect(formatPp(2.05)).toBe('+2,1 п.п.');
    expect(formatPp(-0.04)).toBe('0,0 п.п.');
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
  const options = [
    { year: 2025, subject: 'Математика', grade: 5 },
    { year: 2026, subject: 'Математика', grade: 4 },
    { year: 2026, subject: 'Русский язык', grade: 6 },
    { year: 2026, subject: 'Русский язык', grade: 5 },
  ];
  it('keeps a valid combination and falls back to the latest year, Russian language, lowest grade', () => {
    expect(
      resolveSelection(options, new URLSearchParams('year=2025&subject=Математика&grade=5')),
    ).toEqual({ year: 2025, subject: 'Математика', grade: 5 });
    expect(resolveSelection(options, new URLSearchParams(''))).toEqual({
      year: 2026,
      subject: 'Русский язык',
      grade: 5,
    });
    expect(
      resolveSelection(options, new URLSearchParams('year=1999&subject=Химия&grade=9')),
    ).toEqual({ year: 2026, subject: 'Русский язык', grade: 5 });
  });
});
