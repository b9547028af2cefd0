import { describe, expect, it } from 'vitest';
import { servesText, termDeadline } from '../../contract/roadmap.ts';

describe('termDeadline: the last date a term names, in school year 2023/24', () => {
  const cases: [string, string | null][] = [
    ['15.09.', '2023-09-15'],
    ['15.08. 15.09.', '2023-09-15'],
    ['15.08. – 15.09.', '2023-09-15'],
    ['01.09. 31.10', '2023-10-31'],
    ['Август-сентябрь 2023г', '2023-09-30'],
    ['Октябрь 2023 г', '2023-10-31'],
    ['Ноябрь-декабрь', '2023-12-31'],
    ['Декабрь 2023', '2023-12-31'],
    ['Май 2024', '2024-05-31'],
    [
      'для педагогов: 11.10 01.11 2023 года; для руководителей 14.11. 01.12. 2023 год',
      '2023-12-01',
    ],
    ['в течение года', '2024-08-31'],
    ['В течение учебного года в соответствии с планом', '2024-08-31'],
    ['В течение года, по запросу', '2024-08-31'],
    ['По графику КОиПО', null],
    ['Январь 2023', '2023-01-31'],
    ['22.08.', '2024-08-22'],
    ['01.07. 30.11.', '2023-11-30'],
    ['октябрь – ноябрь 2023 года', '2023-11-30'],
    ['до 20 октября 2023 года', '2023-10-20'],
    ['15.09.2023', '2023-09-15'],
    ['31.02.', null],
  ];
  it.each(cases)('«%s» → %s', (term, deadline) => {
    expect(termDeadline(term, 2024)).toBe(deadline);
  });

  it('reads a term in the school year it is given', () => {
    expect(termDeadline('Ноябрь-декабрь', 2026)).toBe('2025-12-31');
    expect(termDeadline('в течение года', 2026)).toBe('2026-08-31');
    expect(termDeadline('29.02.', 2024)).toBe('2024-02-29');
    expect(termDeadline('29.02.', 2025)).toBeNull();
  });
});

describe('servesText', () => {
  it('names the list, the cluster or the schools', () => {
    expect(servesText('list', null, [])).toBe('весь рабочий список');
    expect(servesText('cluster', 'ШФЗСОР', [])).toBe('кластер ШФЗСОР');
    expect(servesText('schools', null, ['Шумская СОШ', 'ОСШ № 3'])).toBe(
      'школы: Шумская СОШ, ОСШ № 3',
    );
  });
});
