/**
 * «Результативность мер» in the documents, on the hand-made support-effect district
 * (test/helpers/effects-fixture.ts; its numbers are worked out in
 * test/analytics/models/support_effects.test.ts) with a road map of 2025/26 of three measures:
 * one done for the ШФЗСОР cluster (all four schools), one planned for СОШ № 13 whose deadline
 * (31.10.2025) has passed by 01.06.2026, and one for the whole list due at the year's end.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPaths } from '../../ingest/import.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { districtBriefing } from '../../briefing/district.ts';
import { schoolBriefing } from '../../briefing/school.ts';
import { decisionBriefing } from '../../briefing/decision.ts';
import type { Block } from '../../briefing/document.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';
import { writeEffectFiles } from '../helpers/effects-fixture.ts';

let t: TempStore;

const MEASURES = [
  [
    'Организационное обеспечение',
    1,
    'Совещание с руководителями ШФЗСОР',
    '15.09.',
    '2025-09-15',
    'cluster',
    'ШФЗСОР',
    null,
    'выполнено',
    '2025-09-16',
  ],
  [
    'Повышение квалификации',
    2,
    'Курсы для педагогов СОШ № 13',
    'Октябрь 2025 г',
    '2025-10-31',
    'schools',
    null,
    ['sch000013'],
    'запланировано',
    null,
  ],
  [
    'Повышение квалификации',
    3,
    'Консультации для школьных команд',
    'в течение года',
    '2026-08-31',
    'list',
    null,
    null,
    'запланировано',
    null,
  ],
] as const;

beforeAll(async () => {
  t = await tempStore();
  await importPaths(t.store, await writeEffectFiles(t.dir));
  for (const [
    section,
    position,
    title,
    term,
    deadline,
    serves,
    cluster,
    schools,
    status,
    on,
  ] of MEASURES)
    await t.store.run(
      `INSERT INTO roadmap_measure (year, section, position, title, term, deadline, serves,
         serves_cluster, serves_schools, status, status_on, updated_at)
       VALUES (2026, $section, $position, $title, $term, $deadline::DATE, $serves,
         nullif($cluster, ''), CASE WHEN $schools <> '' THEN string_split($schools, ',') END,
         $status, nullif($on, '')::DATE, TIMESTAMP '2026-05-01 10:00:00')`,
      {
        section,
        position,
        title,
        term,
        deadline,
        serves,
        cluster: cluster ?? '',
        schools: schools?.join(',') ?? '',
        status,
        on: on ?? '',
      },
    );
  await refreshModels(t.store, { kind: 'tables', tables: ['roadmap_measure'] });
});
afterAll(() => t.dispose());

/** The blocks after a heading up to the next first-level heading, as plain text lines. */
function section(blocks: Block[], heading: string): string[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  expect(start).toBeGreaterThan(-1);
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return blocks
    .slice(start + 1, end === -1 ? undefined : end)
    .flatMap((b) =>
      b.kind === 'paragraph'
        ? [b.text]
        : b.kind === 'bullets'
          ? b.items
          : b.kind === 'table'
            ? b.rows.map((r) => r.join(' | '))
            : [],
    )
    .map((line) => line.replace(/\u00a0/g, ' '));
}

it('sums up the effect, the road map and the pairs in the district справка', async () => {
  const briefing = await districtBriefing(t.store, 2026, '2026-06-01');
  const lines = section(briefing.blocks, '8. Результативность мер');
  expect(lines).toEqual(
    expect.arrayContaining([
      'из 4 ШФЗСОР 2025/26: у 1 значимое улучшение, у 1 без значимых изменений, у 1 ухудшение, у 1 изменение не измерено; вышли из кластера 2, осталась в кластере 1, перешла в более тяжёлый кластер 1.',
      'Организационное обеспечение: из 4 школ: у 1 значимое улучшение, у 1 без значимых изменений, у 1 ухудшение, у 1 изменение не измерено; вышли из кластера 2, осталась в кластере 1, перешла в более тяжёлый кластер 1.',
      'с сетевой парой: из 1 школы: у 1 значимое улучшение; вышла из кластера 1.',
      'СОШ № 11 | ШФЗСОР | 10,0 % (n = 200) | 30,0 % (n = 200) | +20,0 п.п. | значимое улучшение | вышла из кластера (список 2026/27: нет кластеров)',
      'Дорожная карта 2025/26: 3 мероприятия, выполнено 1, перенесено 0, не выполнено 0, запланировано 2; срок прошёл, а отметки о выполнении нет — у 1 мероприятия: «Курсы для педагогов СОШ № 13» (срок 31.10.2025).',
      'Сетевые пары 2025/26: 1 пара, из них начаты в этом году — 1.',
      'СОШ № 11 (наставник — Гимназия № 15): 10,0 % (n = 200) в 2024/25 → 30,0 % (n = 200) в первый год пары (+20,0 п.п., значимое улучшение); 3 школы кластера ШФЗСОР без пары: 21,2 % (n = 410) → 15,0 % (n = 408) (−6,3 п.п., значимое ухудшение); разница изменений +26,3 п.п.',
    ]),
  );
});

it('lists the school’s measures and its effect in its справка', async () => {
  const briefing = await schoolBriefing(t.store, 2026, 'sch000013');
  expect(section(briefing.blocks, '8. Меры поддержки и их результат')).toEqual([
    'Мероприятия дорожной карты 2025/26, адресованные школе (3 мероприятия):',
    '«Совещание с руководителями ШФЗСОР» — срок «15.09.», выполнено 16.09.2025 (кластер ШФЗСОР)',
    '«Курсы для педагогов СОШ № 13» — срок «Октябрь 2025 г», запланировано (названа в мероприятии)',
    '«Консультации для школьных команд» — срок «в течение года», запланировано (рабочий список)',
    expect.stringMatching(/^Рабочий список 2025\/26 составлен по результатам 2024\/25/),
    'ШФЗСОР — доля «4» и «5»: ВПР, ОГЭ — русский язык, математика: 20,0 % (n = 200) в 2024/25 → 10,0 % (n = 200) в 2025/26 (−10,0 п.п., значимое ухудшение); исход: перешла в более тяжёлый кластер (список 2026/27: ШНОР)',
  ]);
});

it('appends the road map to the decision in the seed’s layout, sections across the table', async () => {
  const briefing = await decisionBriefing(t.store, 2026, {});
  const texts = briefing.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  expect(texts).toContain(
    '1.2. Муниципальную дорожную карту реализации мер по адресной поддержке и методическому сопровождению школ — в соответствии с приложением 2.',
  );
  const table = briefing.blocks.findLast((b) => b.kind === 'table');
  const rows = table?.kind === 'table' ? table.rows : [];
  expect(rows.map((r) => r.map((cell) => cell.replace(/\u00a0/g, ' ')))).toEqual([
    ['Организационное обеспечение'],
    ['1.', 'Совещание с руководителями ШФЗСОР', '15.09.', '', '', '', ''],
    ['Повышение квалификации'],
    ['2.', 'Курсы для педагогов СОШ № 13', 'Октябрь 2025 г', '', '', '', ''],
    ['3.', 'Консультации для школьных команд', 'в течение года', '', '', '', ''],
  ]);
});
