import { describe, expect, it } from 'vitest';
import {
  clusterTitle,
  markedName,
  nonobjectiveTitle,
} from '../../../../dashboard/src/lib/nonobjective.ts';

describe('the marker of signs of non-objective results', () => {
  it('explains the years in Russian, and says nothing without them', () => {
    expect(nonobjectiveTitle([2025, 2026])).toBe(
      'Признаки необъективности результатов в 2024/25 и 2025/26 (кластер риска «Необъективность»): место школы в сравнении может не отражать реальный уровень',
    );
    expect(nonobjectiveTitle([])).toBeUndefined();
    expect(nonobjectiveTitle(undefined)).toBeUndefined();
  });

  it('titles only the «Необъективность» badge of the district table', () => {
    expect(clusterTitle('Необъективность', 2026)).toBe(
      'Признаки необъективности результатов в 2025/26 (кластер риска «Необъективность»): место школы в сравнении может не отражать реальный уровень',
    );
    expect(clusterTitle('ШНОР', 2026)).toBeUndefined();
  });

  it('adds the words to a name in exports', () => {
    expect(markedName('СОШ № 3', [2026])).toBe('СОШ № 3 (признаки необъективности результатов)');
    expect(markedName('СОШ № 3', [])).toBe('СОШ № 3');
  });
});
