/** The TypeScript half of the rounding rule against the shared table of cases. */
import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatInt,
  formatMark,
  formatNumber,
  formatPct,
  formatPp,
  roundTo,
} from '../../contract/format.ts';
import { ROUNDING_CASES } from './rounding-cases.ts';

describe('one rounding rule: half away from zero on the decimal value', () => {
  it.each(ROUNDING_CASES)('$value to $decimals decimals reads «$text» ($why)', (c) => {
    expect(formatDecimal(c.value, c.decimals)).toBe(c.text);
  });

  it('rounds shares, changes, marks and counts by it', () => {
    expect(formatPct(56.25)).toBe('56,3 %');
    expect(formatPct(12.35)).toBe('12,4 %');
    expect(formatPct(-3e-15)).toBe('0,0 %');
    expect(formatPp(-0.05)).toBe('\u22120,1 п.п.');
    expect(formatPp(-0.04)).toBe('0,0 п.п.');
    expect(formatPp(12.35)).toBe('+12,4 п.п.');
    expect(formatPp(100 * (2 / 24) - (100 * 4) / 30)).toBe('\u22125,0 п.п.');
    expect(formatMark(3.745)).toBe('3,75');
    expect(formatInt(2.5)).toBe('3');
    expect(formatInt(-0.4)).toBe('0');
  });

  it('shows a region value with up to two decimals, trailing zeros dropped', () => {
    expect(formatNumber(81.5)).toBe('81,5');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(1.005)).toBe('1,01');
    expect(formatNumber(10.999)).toBe('11');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(12000.5)).toBe('12\u00a0000,5');
  });

  it('rounds a downloaded number by the same rule and never gives −0', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-0.125, 2)).toBe(-0.13);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(roundTo(56.25, 2)).toBe(56.25);
  });

  it('shows nothing it cannot round', () => {
    expect(formatPct(null)).toBe('—');
    expect(formatPct(Number.NaN)).toBe('—');
    expect(formatPp(undefined)).toBe('—');
  });
});
