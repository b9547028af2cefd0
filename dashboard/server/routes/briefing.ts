/**
 * «Справки»: the years and schools a briefing can be made for, one briefing (district or
 * school) as DOCX or PDF, a batch — the district and every chosen school — as one ZIP, and the
 * draft распоряжение on the year's lists with the fields the user typed (staff only).
 */
import { existsSync } from 'node:fs';
import type { Context } from 'hono';
import type { App } from '../auth/control.ts';
import { z } from 'zod';
import type { Store } from '../../../analytics/db.ts';
import {
  BRIEFING_FORMATS,
  CONTENT_TYPES,
  NoDataError,
  briefingSchools,
  briefingYears,
  listYears,
  makeBatch,
  makeBriefing,
  makeDecision,
  type BriefingFile,
} from '../../../briefing/generate.ts';
import { chromiumPath } from '../../../briefing/chromium.ts';
import { PdfUnavailableError } from '../../../briefing/pdf.ts';
import { UnknownSchoolError } from '../../../briefing/school.ts';
import type { BriefingOptions } from '../../../contract/api/briefing-types.ts';
import { parseDecisionFields } from '../../../contract/decision.ts';
import { attachment } from '../attachment.ts';
import { badRequest, parseQuery, schoolId, year } from '../params.ts';
import type { AccessControl, AppEnv } from '../auth/control.ts';
import { ownSchool, refuseOtherSchool } from '../auth/scope.ts';

const format = z.enum(BRIEFING_FORMATS);

const fileQuery = z.object({ year, format, school: schoolId.optional() });

const batchQuery = z.object({
  year,
  format,
  /** comma-separated logins; absent: every school with results in the year */
  schools: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(schoolId).min(1).max(500))
    .optional(),
});

const decisionQuery = z.object({ year, format });

const BAD_QUERY =
  'Справка не сформирована: нужны учебный год (например, 2026), формат docx или pdf и, для справки по школе, логин школы.';

async function send(c: Context<AppEnv>, access: AccessControl, make: () => Promise<BriefingFile>) {
  try {
    const file = await make();
    access.record(c, 'briefing', file.fileName);
    const type = CONTENT_TYPES[file.fileName.split('.').pop() as keyof typeof CONTENT_TYPES];
    return c.body(new Uint8Array(file.data), 200, attachment(file.fileName, type));
  } catch (error) {
    if (error instanceof NoDataError || error instanceof UnknownSchoolError)
      return c.json({ error: error.message }, 404);
    if (error instanceof PdfUnavailableError) return c.json({ error: error.message }, 503);
    throw error;
  }
}

export function register(app: App, store: Store, access: AccessControl): void {
  app.get('/api/briefings/options', async (c) => {
    const query = parseQuery(c, z.object({ year: year.optional() }), BAD_QUERY);
    if (query instanceof Response) return query;
    const years = await briefingYears(store);
    const chosen = query.year ?? years[0] ?? null;
    const schools = chosen == null ? [] : await briefingSchools(store, chosen);
    const own = ownSchool(c);
    const body: BriefingOptions = {
      years,
      year: chosen,
      schools: own === null ? schools : schools.filter((s) => s.school_id === own),
      // the lists are the district's: a school user is offered no draft order
      listYears: own === null ? (await listYears(store)).reverse() : [],
      pdfAvailable: existsSync(chromiumPath()),
    };
    return c.json(body);
  });

  app.get('/api/briefings/file', async (c) => {
    const query = parseQuery(c, fileQuery, BAD_QUERY);
    if (query instanceof Response) return query;
    // A school user gets their own school's briefing only, not the district's.
    const refused = refuseOtherSchool(c, query.school ?? null);
    if (refused) return refused;
    const forSchool = ownSchool(c) !== null;
    return send(c, access, () =>
      makeBriefing(store, query.year, query.school ?? null, query.format, { forSchool }),
    );
  });

  app.get('/api/briefings/decision', async (c) => {
    const query = parseQuery(c, decisionQuery, BAD_QUERY);
    if (query instanceof Response) return query;
    const parsed = parseDecisionFields(c.req.query());
    if ('error' in parsed)
      return badRequest(c, `Проект распоряжения не сформирован. ${parsed.error}`);
    return send(c, access, () => makeDecision(store, query.year, parsed.fields, query.format));
  });

  app.get('/api/briefings/batch', async (c) => {
    const query = parseQuery(c, batchQuery, BAD_QUERY);
    if (query instanceof Response) return query;
    return send(c, access, () => makeBatch(store, query.year, query.schools ?? null, query.format));
  });
}
