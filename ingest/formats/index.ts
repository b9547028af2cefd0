/** Every layout the importer knows, in the order they are tried. */
import type { Format } from './format.ts';
import { registryFormat } from './registry.ts';
import { vprMarksCanonicalFormat, vprMarksExportFormat } from './vpr-marks.ts';

export const FORMATS: readonly Format[] = [
  registryFormat,
  vprMarksExportFormat,
  vprMarksCanonicalFormat,
];

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
