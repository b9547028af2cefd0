/** The import CLI's progress line: the time left from the pace so far, in Russian. */
import { expect, it } from 'vitest';
import { progressLine, timeLeft } from '../../../contract/imports/progress-bar.ts';

it('estimates the time left from the pace so far', () => {
  // A quarter done in 10 s: three quarters more take 30 s.
  expect(timeLeft(0.25, 10_000)).toBe('≈ 30 с');
  // 10 % in 20 s: 180 s more.
  expect(timeLeft(0.1, 20_000)).toBe('≈ 3 мин 00 с');
  expect(timeLeft(0.5, 65_000)).toBe('≈ 1 мин 05 с');
  // Too early to tell, or done.
  expect(timeLeft(0.01, 1_000)).toBeUndefined();
  expect(timeLeft(1, 1_000)).toBeUndefined();
});

it('draws the bar, the per cent and the time left', () => {
  expect(progressLine('ВПР 2025-26.csv', 0.5, 4_000)).toBe(
    `  ВПР 2025-26.csv: [${'#'.repeat(15)}${'.'.repeat(15)}] 50 %, осталось ≈ 4 с`,
  );
  expect(progressLine('ВПР 2025-26.csv', 0.01, 500)).toBe(
    `  ВПР 2025-26.csv: [${'.'.repeat(30)}] 1 %`,
  );
});
