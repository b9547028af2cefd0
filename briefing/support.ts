/** Адресная поддержка: what a briefing says about one school's partner and main deficits. */
import type { Store } from '../analytics/db.ts';
import { runQuery } from '../analytics/queries.ts';
import type { TableColumn } from './document.ts';
import type { SchoolFocus } from './rows.ts';
import { formatInt, formatPct, schoolYear, topicLabel } from './text.ts';

/** The latest school year up to `year` with a teacher diagnostic, or null. */
export async function teacherLatestYear(store: Store, year: number): Promise<number | null> {
  const years = await runQuery<{ year: number }>(store, 'deficits_teacher_years');
  return (
    years
      .map((r) => r.year)
      .filter((y) => y <= year)
      .at(-1) ?? null
  );
}

export const partnersText = (focus: SchoolFocus) =>
  focus.partners.length
    ? focus.partners
        .map(
          (p) =>
            `${p.short_name} (${p.role}, пары ${schoolYear(p.year)}${p.clusters.length ? `; в рабочем списке: ${p.clusters.join(', ')}` : ''})`,
        )
        .join('; ')
    : 'не назначен';

export const focusTasksText = (focus: SchoolFocus) =>
  focus.tasks.length
    ? focus.tasks
        .map(
          (t) =>
            `${topicLabel(t.subject, t.grade)}, задание ${t.task}: ${formatPct(t.completion_pct)} (n = ${formatInt(t.n)}) при ${formatPct(t.district_pct)} по району`,
        )
        .join('; ')
    : 'недостаточно выполненных заданий нет';

export const focusTeachersText = (focus: SchoolFocus) =>
  focus.teacher_areas.length
    ? focus.teacher_areas
        .map(
          (a) =>
            `«${a.area}»: ${formatInt(a.deficit_count)} из ${formatInt(a.teachers_count)} (${formatPct(a.deficit_pct)})`,
        )
        .join('; ')
    : 'затруднений нет или диагностика не проводилась';

export const FOCUS_COLUMNS: TableColumn[] = [
  { title: 'Школа', width: 14 },
  { title: 'В рабочем списке', width: 18 },
  { title: 'Сетевой партнёр', width: 16 },
  { title: 'Задания ВПР с наибольшим отставанием от района', width: 30 },
  { title: 'Педагоги с затруднениями', width: 22 },
];

export const focusCells = (name: string, clusters: string[], focus: SchoolFocus) => [
  name,
  clusters.join('; '),
  partnersText(focus),
  focusTasksText(focus),
  focusTeachersText(focus),
];
