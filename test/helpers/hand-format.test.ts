/** The e2e tests' own formatter, on cases worked out by hand (and the issue's half-way cases). */
import { describe, expect, it } from 'vitest';
import {
  countText,
  decimalOf,
  intText,
  pctOf,
  ppChange,
  ppFromTarget,
  yearText,
} from './hand-format.ts';

const SCHOOLS = ['школа', 'школы', 'школ'] as const;

describe('hand-format', () => {
  it('rounds shares of counts half away from zero on the exact fraction', () => {
    expect(pctOf(3, 8)).toBe('37,5 %'); // 375 tenths exactly
    expect(pctOf(9, 16)).toBe('56,3 %'); // 56,25 → 562,5 tenths → 563
    expect(pctOf(247, 2000)).toBe('12,4 %'); // 12,35
    expect(pctOf(1, 80)).toBe('1,3 %'); // 1,25
    expect(pctOf(1999, 2000)).toBe('100,0 %'); // 99,95
    expect(pctOf(0, 7)).toBe('0,0 %');
  });

  it('signs differences with + and the typographic minus, zero unsigned', () => {
    expect(ppFromTarget(40, 100, 50)).toBe('\u221210,0 п.п.');
    expect(ppFromTarget(3, 20, 15)).toBe('0,0 п.п.');
    expect(ppFromTarget(18, 90, 15)).toBe('+5,0 п.п.');
    expect(ppChange(2, 24, 4, 30)).toBe('\u22125,0 п.п.'); // 8,33 − 13,33
    expect(() => ppFromTarget(1, 2, 12.25)).toThrow();
  });

  it('groups digits by a no-break space and agrees words with numbers', () => {
    expect(intText(1234567)).toBe('1\u00a0234\u00a0567');
    expect(intText(999)).toBe('999');
    expect([1, 2, 5, 11, 12, 21, 104, 111].map((n) => countText(n, SCHOOLS))).toEqual([
      '1 школа',
      '2 школы',
      '5 школ',
      '11 школ',
      '12 школ',
      '21 школа',
      '104 школы',
      '111 школ',
    ]);
    expect(decimalOf(3.756, 2)).toBe('3,76');
    expect(yearText(2025)).toBe('2024/25');
  });
});
