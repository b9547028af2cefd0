/**
 * Every layout the importer knows, in the order they are tried: official exports first,
 * then the canonical templates, the more specific before the more general.
 */
import type { Format } from './format.ts';
import { registryFormat } from './registry.ts';
import { vprMarksCanonicalFormat, vprMarksExportFormat } from './vpr-marks.ts';
import { vprJournalFormat } from './vpr-journal.ts';
import { vprTasksFormat } from './vpr-tasks.ts';
import { vprTasksCanonicalFormat } from './vpr-tasks-canonical.ts';
import { vprPlannedFormat } from './vpr-planned.ts';
import { vprParticipantsFormat } from './vpr-participants.ts';
import { giaParticipantsFormat, giaSchoolsFormat } from './gia.ts';
import { fgLevelsFormat, fgParticipantsFormat } from './fg.ts';
import { teacherDiagFormat } from './teachers.ts';
import { networkPairsFormat, officialClustersFormat, officialListsFormat } from './network.ts';
import { networkListingFormat } from './network-listing.ts';
import { gradingScaleFormat } from './grading-scale.ts';
import { roadmapFormat } from './roadmap.ts';

export const FORMATS: readonly Format[] = [
  registryFormat,
  vprMarksExportFormat,
  vprMarksCanonicalFormat,
  vprJournalFormat,
  vprTasksFormat,
  vprTasksCanonicalFormat,
  vprPlannedFormat,
  vprParticipantsFormat,
  gradingScaleFormat,
  giaParticipantsFormat,
  giaSchoolsFormat,
  fgLevelsFormat,
  fgParticipantsFormat,
  teacherDiagFormat,
  networkPairsFormat,
  networkListingFormat,
  roadmapFormat,
  officialClustersFormat,
  officialListsFormat,
];

/** Our canonical templates: the formats with an example row. */
export const TEMPLATES = FORMATS.filter((f) => f.example !== undefined);

/** The Russian list of known formats with their required columns, for the «not recognised» message. */
export function describeFormats(): string {
  return FORMATS.map(
    (f) =>
      `«${f.title}»: ${f.columns
        .filter((c) => c.required)
        .map((c) => c.names[0])
        .join(', ')}`,
  ).join('; ');
}
