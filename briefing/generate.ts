/**
 * Makes briefing files: one briefing as DOCX or PDF, a batch — the district briefing and one
 * per school — as one ZIP, or the draft распоряжение on the year's lists. What the CLI and the
 * API both call.
 */
import JSZip from 'jszip';
import type { Store } from '../analytics/db.ts';
import { runQuery } from '../analytics/queries.ts';
import type { DecisionFields } from '../contract/decision.ts';
import { decisionBriefing } from './decision.ts';
import { districtBriefing } from './district.ts';
import type { Briefing } from './document.ts';
import { briefingDocx } from './docx.ts';
import { PdfPrinter } from './pdf.ts';
import { schoolBriefing, type BriefingAudience } from './school.ts';
import { schoolYear } from './text.ts';

export const BRIEFING_FORMATS = ['docx', 'pdf'] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];

export const CONTENT_TYPES: Record<BriefingFormat | 'zip', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

export interface BriefingFile {
  fileName: string;
  data: Buffer;
}

export class NoDataError extends Error {}

export async function briefingYears(store: Store): Promise<number[]> {
  return (await runQuery<{ year: number }>(store, 'briefing_years')).map((r) => r.year);
}

export const briefingSchools = (store: Store, year: number) =>
  runQuery<{ school_id: string; short_name: string }>(store, 'briefing_schools', { year });

async function checkYear(store: Store, year: number) {
  const years = await briefingYears(store);
  if (!years.includes(year))
    throw new NoDataError(
      years.length
        ? `За ${schoolYear(year)} учебный год результатов школ нет. Есть данные за: ${years.map(schoolYear).join(', ')}.`
        : 'В хранилище нет результатов школ: сначала загрузите данные.',
    );
}

/** School years with a working list (official lists or the committee's additions), oldest first. */
export async function listYears(store: Store): Promise<number[]> {
  const years = await runQuery<{ year: number; listed: boolean }>(store, 'working_list_years');
  return years.filter((y) => y.listed).map((y) => y.year);
}

async function checkListYear(store: Store, year: number) {
  const years = await listYears(store);
  if (!years.includes(year))
    throw new NoDataError(
      `На ${schoolYear(year)} учебный год рабочего списка нет: загрузите списки региона или комитета либо добавьте школы в разделе «Кластеры по годам». ` +
        (years.length
          ? `Списки есть на: ${years.map(schoolYear).join(', ')}.`
          : 'Списков нет ни на один год.'),
    );
}

/** A file name that every system accepts: no path separators or reserved characters. */
const safeName = (stem: string) => stem.replace(/[\\/:*?"<>|\s]+/g, '_');

async function render(
  briefing: Briefing,
  format: BriefingFormat,
  printer: PdfPrinter | undefined,
): Promise<BriefingFile> {
  const data = format === 'docx' ? await briefingDocx(briefing) : await printer!.print(briefing);
  return { fileName: `${safeName(briefing.fileStem)}.${format}`, data };
}

/** One briefing: the district's when `schoolId` is null. */
export async function makeBriefing(
  store: Store,
  year: number,
  schoolId: string | null,
  format: BriefingFormat,
  audience: BriefingAudience = {},
): Promise<BriefingFile> {
  await checkYear(store, year);
  const briefing = schoolId
    ? await schoolBriefing(store, year, schoolId, audience)
    : await districtBriefing(store, year);
  const printer = format === 'pdf' ? await PdfPrinter.open() : undefined;
  try {
    return await render(briefing, format, printer);
  } finally {
    await printer?.close();
  }
}

/** The draft распоряжение approving the lists of `year`, with the user's fields. */
export async function makeDecision(
  store: Store,
  year: number,
  fields: DecisionFields,
  format: BriefingFormat,
): Promise<BriefingFile> {
  await checkListYear(store, year);
  const briefing = await decisionBriefing(store, year, fields);
  const printer = format === 'pdf' ? await PdfPrinter.open() : undefined;
  try {
    return await render(briefing, format, printer);
  } finally {
    await printer?.close();
  }
}

/** The district briefing and one per school (every school with results when none are named), zipped. */
export async function makeBatch(
  store: Store,
  year: number,
  schoolIds: string[] | null,
  format: BriefingFormat,
): Promise<BriefingFile> {
  await checkYear(store, year);
  const ids = schoolIds ?? (await briefingSchools(store, year)).map((s) => s.school_id);
  const printer = format === 'pdf' ? await PdfPrinter.open() : undefined;
  try {
    const zip = new JSZip();
    const district = await render(await districtBriefing(store, year), format, printer);
    zip.file(district.fileName, district.data);
    for (const id of ids) {
      const file = await render(await schoolBriefing(store, year, id), format, printer);
      zip.file(`Школы/${file.fileName}`, file.data);
    }
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return { fileName: `Справки_${schoolYear(year).replace('/', '-')}_${format}.zip`, data };
  } finally {
    await printer?.close();
  }
}
