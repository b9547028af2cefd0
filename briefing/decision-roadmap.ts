/**
 * The road map as an appendix of the committee's order, in the seeds' layout (seed 002,
 * Приложение 1): the title, «№ п/п | Направления деятельности, наименование мероприятия | Дата |
 * Ответственные исполнители на муниципальном уровне | … на институциональном уровне | Ожидаемые
 * результаты | Подтверждающий документ», each section as a row across the table, its measures
 * numbered under it, the term as written.
 */
import type { Store } from '../analytics/db.ts';
import { runQuery } from '../analytics/queries.ts';
import type { RoadmapMeasure } from '../contract/api/roadmap-types.ts';
import type { BriefingBuilder, TableColumn } from './document.ts';

/** The road map of `year` in the document's order; `overdue` by `today` (ISO date). */
export const roadmapMeasures = (
  store: Store,
  year: number,
  today = new Date().toISOString().slice(0, 10),
) => runQuery<RoadmapMeasure>(store, 'roadmap_measures', { year, school_id: null, today });

const COLUMNS: TableColumn[] = [
  { title: '№ п/п', width: 6 },
  { title: 'Направления деятельности, наименование мероприятия (краткое содержание)', width: 24 },
  { title: 'Дата', width: 11 },
  { title: 'Ответственные исполнители на муниципальном уровне', width: 15 },
  { title: 'Ответственные исполнители на институциональном уровне', width: 16 },
  { title: 'Ожидаемые результаты', width: 15 },
  { title: 'Подтверждающий документ', width: 13 },
];

/** The table's rows: a section's heading as one cell across, then its measures. */
export function roadmapRows(measures: readonly RoadmapMeasure[]): string[][] {
  const rows: string[][] = [];
  let section: string | undefined;
  measures.forEach((m, i) => {
    if (m.section !== section && m.section) rows.push([m.section]);
    section = m.section;
    rows.push([
      m.number ?? `${i + 1}.`,
      m.title,
      m.term ?? '',
      m.responsible_municipal ?? '',
      m.responsible_school ?? '',
      m.expected_result ?? '',
      m.confirming_document ?? '',
    ]);
  });
  return rows;
}

/** Draws the road map of `spelledYear` («2025-2026») under its title. */
export function drawRoadmap(
  doc: BriefingBuilder,
  measures: readonly RoadmapMeasure[],
  spelledYear: string,
) {
  doc.lines({ lines: ['МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА'], align: 'center', style: 'bold' });
  doc.lines({
    lines: [
      `реализации необходимых мер (мероприятий) по оказанию адресной поддержки и методического сопровождения школ на ${spelledYear} учебный год`,
    ],
    align: 'center',
  });
  // in the tables' smaller type: seven columns on a portrait page
  doc.plainTable({ caption: '', columns: COLUMNS, rows: roadmapRows(measures) });
}
