/**
 * Writing a road map into roadmap_measure, inside the load's transaction. A road map loaded again
 * for its year is its new version («новая редакция»): the imported measures of the year are
 * replaced; a measure with the same section and title (compared as normalised text) keeps its id,
 * status, status date and note; measures added on the page (batch_id NULL) stay.
 */
import type { Store } from '../analytics/db.ts';
import type { RoadmapRow } from './datasets.ts';
import { runStatement, statementRow, statementRows } from './statements.ts';

interface StoredMeasure {
  measure_id: number;
  section: string;
  title: string;
  status: string;
  status_on: string | null;
  status_note: string | null;
}

/** What a road map's load did, for the import's report. */
export interface RoadmapLoad {
  measures: number;
  sections: number;
  /** imported measures of an earlier version, now replaced */
  replaced: number;
  /** measures of the new version that kept a status other than «запланировано», or a note */
  carried: number;
  /** measures added on the page, left as they were */
  kept: number;
  /** measures whose status the file gives (its «Статус» columns) */
  fromFile: number;
}

/** Text as two versions of a road map are compared: case, ё, quotes, spaces and dashes folded. */
export const measureKey = (section: string, title: string) =>
  [section, title]
    .map((text) =>
      text
        .toLowerCase()
        .replace(/ё/g, 'е')
        .replace(/[«»"'“”„]/g, '')
        .replace(/[‐-―−-]/g, '-')
        .replace(/\s+/g, ' ')
        .replace(/[.:;,\s]+$/, '')
        .trim(),
    )
    .join('|');

/** The earlier version's measures by their key, each to be claimed once. */
function byKey(stored: readonly StoredMeasure[]): Map<string, StoredMeasure[]> {
  const map = new Map<string, StoredMeasure[]>();
  for (const measure of stored) {
    const key = measureKey(measure.section, measure.title);
    map.set(key, [...(map.get(key) ?? []), measure]);
  }
  return map;
}

const carriesStatus = (m: StoredMeasure) => m.status !== 'запланировано' || m.status_note !== null;

export async function writeRoadmap(
  store: Store,
  batchId: number,
  rows: readonly RoadmapRow[],
  user: string,
): Promise<RoadmapLoad> {
  const summary: RoadmapLoad = {
    measures: rows.length,
    sections: 0,
    replaced: 0,
    carried: 0,
    kept: 0,
    fromFile: 0,
  };
  summary.sections = new Set(rows.map((r) => r.section)).size;
  for (const year of new Set(rows.map((r) => r.year))) {
    const stored = await statementRows<StoredMeasure>(store, 'roadmap_imported', { year });
    const earlier = byKey(stored);
    summary.replaced += stored.length;
    summary.kept += (await statementRow<{ n: number }>(store, 'roadmap_page_measures', {
      year,
    }))!.n;
    await runStatement(store, 'roadmap_delete_imported', { year });
    for (const row of rows.filter((r) => r.year === year)) {
      const previous = earlier.get(measureKey(row.section, row.title))?.shift();
      if (row.given) summary.fromFile++;
      else if (previous && carriesStatus(previous)) summary.carried++;
      await insertMeasure(store, batchId, row, previous, user);
    }
  }
  await runStatement(store, 'roadmap_drop_empty_batches');
  return summary;
}

function insertMeasure(
  store: Store,
  batchId: number,
  row: RoadmapRow,
  previous: StoredMeasure | undefined,
  user: string,
): Promise<void> {
  return runStatement(store, 'roadmap_insert_measure', {
    id: previous?.measure_id ?? null,
    year: row.year,
    section: row.section,
    position: row.position,
    number: row.number,
    title: row.title,
    term: row.term,
    deadline: row.deadline,
    municipal: row.responsibleMunicipal,
    school: row.responsibleSchool,
    result: row.expectedResult,
    document: row.confirmingDocument,
    serves: row.serves,
    cluster: row.servesCluster,
    schools: row.serves === 'schools' ? JSON.stringify(row.servesSchools) : null,
    status: row.given?.status ?? previous?.status ?? 'запланировано',
    status_on: row.given ? row.given.on : (previous?.status_on ?? null),
    note: row.given ? row.given.note : (previous?.status_note ?? null),
    batch: batchId,
    source_row: row.sourceRow,
    user,
  });
}

/** «загружено мероприятий: 28 в 6 разделах; прежняя редакция заменена (27), статус сохранён у 5 …». */
export function roadmapLoadText(load: RoadmapLoad): string {
  const parts = [`загружено мероприятий: ${load.measures} в разделах: ${load.sections}`];
  if (load.replaced > 0)
    parts.push(
      `прежняя редакция заменена (мероприятий в ней: ${load.replaced}); статус, его дата и отметка перенесены у совпавших по разделу и названию: ${load.carried}`,
    );
  if (load.fromFile > 0) parts.push(`статус указан в файле: ${load.fromFile}`);
  if (load.kept > 0) parts.push(`мероприятия, добавленные на странице, сохранены: ${load.kept}`);
  return parts.join('; ');
}
