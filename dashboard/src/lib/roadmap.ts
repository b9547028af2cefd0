/**
 * The road map page's words and shapes: the year's summary sentence with Russian plurals, whom a
 * measure serves, its status with date and note, overdue in words, the measures under their
 * sections, the years the page offers, and the form's fields to and from a measure.
 */
import type {
  RoadmapMeasure,
  RoadmapMeasureInput,
  RoadmapPage,
  RoadmapStatusInput,
  RoadmapSummary,
  SchoolRoadmap,
} from '../../../contract/api/roadmap-types.ts';
import { countRu, formatDate, schoolYear } from '../../../contract/format.ts';
import { getApi, sendJson } from './api/client.ts';

/** «из 1 мероприятия», «из 3 мероприятий», «из 21 мероприятия» */
export const MEASURES_OF: readonly [string, string, string] = [
  'мероприятия',
  'мероприятий',
  'мероприятий',
];

/**
 * «из 24 мероприятий выполнено 10, перенесено 1, не выполнено 0, просрочено 3»: «мероприятие» is
 * neuter, so «выполнено» agrees with any number; only «из N …» takes the genitive of the number.
 */
export function summaryText(s: RoadmapSummary): string {
  if (s.total === 0) return 'мероприятий нет';
  return (
    `из ${countRu(s.total, MEASURES_OF)} выполнено ${s.done}, перенесено ${s.moved}, ` +
    `не выполнено ${s.not_done}, просрочено ${s.overdue}`
  );
}

/** «весь рабочий список», «кластер ШНОР», «Лесная ООШ, СОШ № 1» */
export function servesText(
  m: Pick<RoadmapMeasure, 'serves' | 'serves_cluster' | 'serves_schools'>,
) {
  if (m.serves === 'cluster') return `кластер ${m.serves_cluster}`;
  if (m.serves === 'schools')
    return m.serves_schools.map((s) => s.short_name ?? s.school_id).join(', ') || '—';
  return 'весь рабочий список';
}

/** «выполнено 05.12.2026 — стажировка проведена» */
export function statusText(m: Pick<RoadmapMeasure, 'status' | 'status_on' | 'status_note'>) {
  const on = m.status_on ? ` ${formatDate(m.status_on)}` : '';
  return `${m.status}${on}${m.status_note ? ` — ${m.status_note}` : ''}`;
}

/** «просрочено: срок 15.09.2024 истёк» for an open measure past its deadline. */
export const overdueText = (m: Pick<RoadmapMeasure, 'overdue' | 'deadline'>) =>
  m.overdue && m.deadline ? `просрочено: срок ${formatDate(m.deadline)} истёк` : null;

/** The parsed deadline when the term as written does not say it already. */
export function deadlineNote(m: Pick<RoadmapMeasure, 'term' | 'deadline'>): string | null {
  if (!m.deadline) return null;
  const shown = formatDate(m.deadline);
  return m.term?.includes(shown) ? null : `до ${shown}`;
}

/** The ISO date of «06.12.2026» (day and month may have one digit); null for anything else. */
export function isoOfRuDate(text: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** The measures under their sections, in the document's order. */
export function bySection(
  measures: RoadmapMeasure[],
): { section: string; measures: RoadmapMeasure[] }[] {
  const groups: { section: string; measures: RoadmapMeasure[] }[] = [];
  for (const m of measures) {
    const last = groups.at(-1);
    if (last && last.section === m.section) last.measures.push(m);
    else groups.push({ section: m.section, measures: [m] });
  }
  return groups;
}

/** The school year of a date (2024 for 02.12.2023): September on opens the next one. */
export const schoolYearOf = (iso: string) => {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return m >= 9 ? y + 1 : y;
};

/** The years with a road map, the current and the next school year to start one, and the shown one. */
export function offeredYears(years: number[], today: string, shown?: number) {
  const current = schoolYearOf(today);
  return [...new Set([...years, current, current + 1, ...(shown ? [shown] : [])])]
    .sort((a, b) => a - b)
    .map((y) => ({
      value: String(y),
      label: `${schoolYear(y)}${years.includes(y) ? '' : ' (новая)'}`,
    }));
}

/** «1 мероприятие», «3 мероприятия», «5 мероприятий» */
export const measuresCount = (n: number) =>
  countRu(n, ['мероприятие', 'мероприятия', 'мероприятий']);

/** The form's fields: every text as the input holds it ('' for none). */
export interface MeasureDraft {
  section: string;
  number: string;
  title: string;
  term: string;
  responsible_municipal: string;
  responsible_school: string;
  expected_result: string;
  confirming_document: string;
  serves: RoadmapMeasure['serves'];
  serves_cluster: string;
  serves_schools: string[];
}

export function draftOf(m: RoadmapMeasure | undefined, section = ''): MeasureDraft {
  return {
    section: m?.section ?? section,
    number: m?.number ?? '',
    title: m?.title ?? '',
    term: m?.term ?? '',
    responsible_municipal: m?.responsible_municipal ?? '',
    responsible_school: m?.responsible_school ?? '',
    expected_result: m?.expected_result ?? '',
    confirming_document: m?.confirming_document ?? '',
    serves: m?.serves ?? 'list',
    serves_cluster: m?.serves_cluster ?? '',
    serves_schools: m?.serves_schools.map((s) => s.school_id) ?? [],
  };
}

export function inputOf(d: MeasureDraft, year: number): RoadmapMeasureInput {
  return {
    ...d,
    year,
    serves_cluster: d.serves === 'cluster' ? d.serves_cluster : null,
    serves_schools: d.serves === 'schools' ? d.serves_schools : null,
  };
}

export const roadmapApi = {
  page: (year?: string | number) => getApi<RoadmapPage>('/api/roadmap', { year }),
  school: (id: string) => getApi<SchoolRoadmap>(`/api/schools/${encodeURIComponent(id)}/roadmap`),
  add: (input: RoadmapMeasureInput) =>
    sendJson<{ ok: true; measure_id: number }>('POST', '/api/roadmap', input),
  edit: (id: number, input: RoadmapMeasureInput) =>
    sendJson<{ ok: true }>('PUT', `/api/roadmap/${id}`, input),
  status: (id: number, input: RoadmapStatusInput) =>
    sendJson<{ ok: true }>('POST', `/api/roadmap/${id}/status`, input),
  remove: (id: number) => sendJson<{ ok: true }>('DELETE', `/api/roadmap/${id}`),
};
