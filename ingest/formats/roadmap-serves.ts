/**
 * Whom a road map's measure serves: the registry schools its school-level column names
 * («МКОУ «Шумская СОШ» МБОУ «ОСШ №3» …»), else the one cluster the measure names (ШФСОР, ШЛ…
 * by the methodology's table of names), else the whole working list.
 */
import type { RoadmapRow } from '../datasets.ts';
import type { ParseContext } from './context.ts';

/** The road map's text columns (all but «№ п/п»). */
export type TextKey =
  | 'title'
  | 'term'
  | 'municipal'
  | 'school'
  | 'result'
  | 'document'
  | 'status'
  | 'statusOn'
  | 'note';

/** The columns that describe the measure itself, where a cluster may be named. */
const MEASURE_KEYS: readonly TextKey[] = [
  'title',
  'term',
  'municipal',
  'school',
  'result',
  'document',
];

/** A measure as its rows give it, before its deadline and whom it serves are read. */
export interface MeasureDraft {
  /** its first row, as a spreadsheet numbers it */
  row: number;
  section: string;
  number: string | null;
  texts: Partial<Record<TextKey, string>>;
}

type Serves = Pick<RoadmapRow, 'serves' | 'servesCluster' | 'servesSchools'>;

// An ownership prefix and a quoted name; one nested pair of quotes is allowed («… «Ладога»»).
const SCHOOL_NAME =
  /(?<![\p{L}])(?:мбоу|мкоу|маоу|моу|мбоо|гбоу|гкоу|гаоу|чоу|ано)\s*«[^«»]*(?:«[^«»]*»[^«»]*)?»/giu;

/** The school names written in a cell, as written. */
export const schoolNamesIn = (text: string) => [...text.matchAll(SCHOOL_NAME)].map((m) => m[0]);

function namedSchools(context: ParseContext, draft: MeasureDraft): string[] {
  const names = schoolNamesIn(draft.texts.school ?? '');
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const id = context.schools.lookup(name);
    if (id === undefined) unknown.push(name);
    else if (!ids.includes(id)) ids.push(id);
  }
  if (unknown.length > 0)
    context.problems.add({
      severity: 'warning',
      file: context.file.name,
      sheet: context.sheet.name,
      row: draft.row,
      value: unknown.join(', '),
      message: `в реестре ОО нет школ${unknown.length === 1 ? 'ы' : ''} ${unknown.map((n) => `«${n}»`).join(', ')}: ${ids.length > 0 ? 'мероприятие отнесено к найденным школам' : 'мероприятие отнесено не к школам, а к кластеру или всему списку'}. Исправьте написание или добавьте школу в реестр и загрузите дорожную карту заново`,
    });
  return ids;
}

export function servesOf(context: ParseContext, draft: MeasureDraft): Serves {
  const schools = namedSchools(context, draft);
  if (schools.length > 0) return { serves: 'schools', servesCluster: null, servesSchools: schools };
  const text = MEASURE_KEYS.map((key) => draft.texts[key] ?? '').join(' ');
  const clusters = context.reference.clusterNames.codesIn(text);
  if (clusters.length === 1)
    return { serves: 'cluster', servesCluster: clusters[0]!, servesSchools: [] };
  return { serves: 'list', servesCluster: null, servesSchools: [] };
}
