/** The ФГ contribution chart's texts: pupils are whole and agree with their number. */
import { describe, expect, it } from 'vitest';
import type { FgSchoolRow } from '../../contract/api/fg-types.ts';
import { contributingSchools, formatPupils } from '../../contract/charts/fg-contributions.ts';

describe('ФГ contributions', () => {
  it('writes whole pupils with the agreeing word', () => {
    expect(formatPupils(1)).toBe('1 обучающийся');
    expect(formatPupils(2)).toBe('2 обучающихся');
    expect(formatPupils(11)).toBe('11 обучающихся');
    expect(formatPupils(21)).toBe('21 обучающийся');
    expect(formatPupils(35)).toBe('35 обучающихся');
  });

  it('charts only schools with a share of the district’s excess, largest first', () => {
    const row = (school_id: string, pupils: number) =>
      ({ school_id, low_gap_contribution_pupils: pupils }) as FgSchoolRow;
    // over its own target but given 0 of the district's excess: not charted
    const rows = [row('a', 1), row('b', 0), row('c', 3)];
    expect(contributingSchools(rows).map((r) => r.school_id)).toEqual(['c', 'a']);
  });
});
