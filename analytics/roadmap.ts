/**
 * The road map's measures as the page changes them (ingest/migrations/004-roadmap.sql): a measure
 * added at the end of its section, its fields edited, its status set, and a measure added on the
 * page deleted (an imported one is changed, never deleted). Each change is one transaction with
 * the rebuild of the models that read the road map (roadmap_reach: whom each measure serves).
 */
import type { Store } from './db.ts';
import { runQuery } from './queries.ts';
import { refreshModels } from './rebuild.ts';
import { runStatement, statementRow } from './statements.ts';
import type { RoadmapMeasure } from '../contract/api/roadmap-types.ts';
import type { RoadmapStatus } from '../contract/roadmap.ts';

/** The fields of a measure the page writes: those the API shows, the named schools by login. */
export type MeasureFields = Pick<
  RoadmapMeasure,
  | 'section'
  | 'number'
  | 'title'
  | 'term'
  | 'deadline'
  | 'responsible_municipal'
  | 'responsible_school'
  | 'expected_result'
  | 'confirming_document'
  | 'serves'
  | 'serves_cluster'
> & { serves_schools: string[] | null };

/** A measure as stored (roadmap_measure.sql). */
export type StoredMeasure = MeasureFields & {
  measure_id: number;
  year: number;
  position: number;
  status: RoadmapStatus;
  status_on: string | null;
  status_note: string | null;
  imported: boolean;
};

export const measureById = async (store: Store, id: number) =>
  (await runQuery<StoredMeasure>(store, 'roadmap_measure', { id }))[0];

/** What a measure serves must exist: the cluster, every named school in the registry. */
export async function servesProblem(
  store: Store,
  year: number,
  fields: Pick<MeasureFields, 'serves_cluster' | 'serves_schools'>,
): Promise<string | undefined> {
  if (fields.serves_cluster) {
    const clusters = await runQuery<{ cluster: string }>(store, 'roadmap_clusters', { year });
    if (!clusters.some((c) => c.cluster === fields.serves_cluster))
      return `Кластер «${fields.serves_cluster}» не найден ни в методике, ни в рабочем списке.`;
  }
  if (fields.serves_schools) {
    const known = new Set(
      (await runQuery<{ school_id: string }>(store, 'roadmap_schools')).map((s) => s.school_id),
    );
    const unknown = fields.serves_schools.filter((id) => !known.has(id));
    if (unknown.length) return `Школы не найдены в реестре: ${unknown.join(', ')}.`;
  }
  return undefined;
}

/** The position after the last measure of `section` (the year's last when it is new), made free. */
async function placeInSection(store: Store, year: number, section: string): Promise<number> {
  const { after } = (await statementRow<{ after: number }>(store, 'roadmap_section_end', {
    year,
    section,
  }))!;
  await runStatement(store, 'shift_roadmap_positions', { year, after });
  return after + 1;
}

const fieldParams = (fields: MeasureFields, user: string) => ({
  section: fields.section,
  number: fields.number,
  title: fields.title,
  term: fields.term,
  deadline: fields.deadline,
  responsible_municipal: fields.responsible_municipal,
  responsible_school: fields.responsible_school,
  expected_result: fields.expected_result,
  confirming_document: fields.confirming_document,
  serves: fields.serves,
  serves_cluster: fields.serves_cluster,
  schools: fields.serves_schools ? JSON.stringify(fields.serves_schools) : null,
  user,
});

/** Runs a change of the road map and rebuilds the models that read it, in one transaction. */
const changeRoadmap = <T>(store: Store, change: () => Promise<T>): Promise<T> =>
  store.transaction(async () => {
    const result = await change();
    await refreshModels(store, { kind: 'tables', tables: ['roadmap_measure'] });
    return result;
  });

/** Adds a measure at the end of its section; its id. */
export function addMeasure(
  store: Store,
  year: number,
  fields: MeasureFields,
  user: string,
): Promise<number> {
  return changeRoadmap(store, async () => {
    const position = await placeInSection(store, year, fields.section);
    const row = await statementRow<{ measure_id: number }>(store, 'insert_roadmap_measure', {
      year,
      position,
      ...fieldParams(fields, user),
    });
    return row!.measure_id;
  });
}

/** Writes a measure's edited fields; moved to the end of its new section when that changed. */
export function editMeasure(
  store: Store,
  measure: StoredMeasure,
  fields: MeasureFields,
  user: string,
): Promise<void> {
  return changeRoadmap(store, async () => {
    const position =
      fields.section === measure.section
        ? measure.position
        : await placeInSection(store, measure.year, fields.section);
    await runStatement(store, 'update_roadmap_measure', {
      id: measure.measure_id,
      position,
      ...fieldParams(fields, user),
    });
  });
}

export const setMeasureStatus = (
  store: Store,
  id: number,
  status: { status: RoadmapStatus; on: string; note: string | null },
  user: string,
) => changeRoadmap(store, () => runStatement(store, 'set_roadmap_status', { id, ...status, user }));

export const deleteMeasure = (store: Store, id: number) =>
  changeRoadmap(store, () => runStatement(store, 'delete_roadmap_measure', { id }));
