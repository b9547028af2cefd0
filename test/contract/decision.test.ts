import { describe, expect, it } from 'vitest';
import { isoDate, parseDecisionFields } from '../../contract/decision.ts';

describe('isoDate', () => {
  it('reads «19.10.2025» and «2025-10-19», and refuses what is no real date', () => {
    expect(isoDate('19.10.2025')).toBe('2025-10-19');
    expect(isoDate('1.9.2025')).toBe('2025-09-01');
    expect(isoDate('2025-10-19')).toBe('2025-10-19');
    expect(isoDate('29.02.2024')).toBe('2024-02-29');
    for (const text of ['29.02.2025', '31.04.2025', '2025-13-01', '19/10/2025', 'завтра', ''])
      expect(isoDate(text), text).toBeUndefined();
  });
});

describe('parseDecisionFields', () => {
  it('keeps the typed fields trimmed, leaves out empty ones, dates as ISO', () => {
    expect(
      parseDecisionFields({
        number: ' 356 ',
        date: '19.10.2025',
        deadline: '2025-10-20',
        control: 'главного\tспециалиста \n Петрову П.П.',
        committee: '   ',
        responsible: undefined,
      }),
    ).toEqual({
      fields: {
        number: '356',
        date: '2025-10-19',
        deadline: '2025-10-20',
        control: 'главного специалиста Петрову П.П.',
      },
    });
  });

  it('names the field it cannot take, in Russian', () => {
    expect(parseDecisionFields({ deadline: '32.10.2025' })).toEqual({
      error:
        'Поле «Срок внесения мероприятий в план работы ОО»: «32.10.2025» — не дата; ожидалась дата вида 20.10.2025.',
    });
    expect(parseDecisionFields({ signerName: 'я'.repeat(301) })).toEqual({
      error: 'Поле «Подписывающий: инициалы и фамилия» длиннее 300 знаков: сократите его.',
    });
  });
});
