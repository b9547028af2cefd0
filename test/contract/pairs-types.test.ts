/** The summary line of the register of network pairs: plurals, forms, the contract's short text. */
import { describe, expect, it } from 'vitest';
import {
  contractText,
  pairsSummaryText,
  type PairsSummary,
} from '../../contract/api/pairs-types.ts';

const summary = (pairs: number, extra: Partial<PairsSummary> = {}): PairsSummary => ({
  pairs,
  resource: pairs,
  parity: 0,
  other: 0,
  unknown: 0,
  menteesListed: 0,
  ...extra,
});

describe('pairsSummaryText', () => {
  it('writes the seed’s year as the report does', () =>
    expect(pairsSummaryText(summary(7, { resource: 6, parity: 1, menteesListed: 5 }), 2024)).toBe(
      '7 пар в 2023/24: ресурсных (донорских) 6, паритетных 1; подшефных в рабочем списке 5',
    ));

  it('declines «пара» by the number', () => {
    expect(pairsSummaryText(summary(1), 2026)).toMatch(/^1 пара в 2025\/26/);
    expect(pairsSummaryText(summary(3), 2026)).toMatch(/^3 пары в 2025\/26/);
    expect(pairsSummaryText(summary(11), 2026)).toMatch(/^11 пар /);
    expect(pairsSummaryText(summary(21), null)).toMatch(/^21 пара за все годы/);
    expect(pairsSummaryText(summary(0), 2026)).toMatch(/^0 пар /);
  });

  it('names other forms and pairs without a form only when there are some', () =>
    expect(
      pairsSummaryText(summary(4, { resource: 1, parity: 1, other: 1, unknown: 1 }), null),
    ).toBe(
      '4 пары за все годы: ресурсных (донорских) 1, паритетных 1, в иной форме 1, форма не указана у 1; подшефных в рабочем списке 0',
    ));
});

describe('contractText', () => {
  it('gives the number and the date, else the text as written, else a dash', () => {
    const none = { contract: null, contract_number: null, contract_date: null };
    expect(contractText({ ...none, contract_number: '01/2023', contract_date: '2023-10-03' })).toBe(
      '№ 01/2023 от 03.10.2023',
    );
    expect(contractText({ ...none, contract_number: '49' })).toBe('№ 49');
    expect(contractText({ ...none, contract: 'Соглашение о сотрудничестве' })).toBe(
      'Соглашение о сотрудничестве',
    );
    expect(contractText(none)).toBe('—');
  });
});
