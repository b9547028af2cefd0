/**
 * The road map of measures (муниципальная дорожная карта): a year's measures in the document's
 * order with the year's summary (GET /api/roadmap), its years, the measures serving one school
 * (GET /api/schools/:id/roadmap; a school user sees only its own), and the methodological
 * service's changes (staff): add, edit, set a status, delete one added on the page. Every change
 * runs in the write queue and is written to the audit log.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { AccessControl, App, AppEnv } from '../auth/control.ts';
import { ownSchool, refuseOtherSchool } from '../auth/scope.ts';
import type { Store } from '../../../analytics/db.ts';
import { summarise } from '../../../contract/roadmap-summary.ts';
import { runQuery } from '../../../analytics/queries.ts';
import {
  addMeasure,
  deleteMeasure,
  editMeasure,
  measureById,
  servesProblem,
  setMeasureStatus,
} from '../../../analytics/roadmap.ts';
import type {
  RoadmapChoices,
  RoadmapMeasure,
  RoadmapPage,
  RoadmapSummary,
  SchoolRoadmap,
} from '../../../contract/api/roadmap-types.ts';
import { badRequest, parseQuery, schoolId, year } from '../params.ts';
import type { Queue } from '../write-queue.ts';
import {
  addedText,
  dateProblem,
  deletedText,
  editedMeasureBody,
  editedText,
  issuesText,
  measureId,
  newMeasureBody,
  statusBody,
  statusText,
  toFields,
} from '../roadmap-input.ts';

/** The server's date, ISO, in its own time zone: what «overdue» and «today» mean. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function choices(store: Store, year: number): Promise<RoadmapChoices> {
  const [clusters, schools] = await Promise.all([
    runQuery<RoadmapChoices['clusters'][number]>(store, 'roadmap_clusters', { year }),
    runQuery<RoadmapChoices['schools'][number]>(store, 'roadmap_schools'),
  ]);
  return { clusters, schools };
}

/**
 * A measure as a school user gets it: of the schools it serves, only its own; the responsible
 * at both levels left out, because those texts name the schools taking part («МИМС, Гимназия № 1»).
 */
const forOwnSchool = (m: RoadmapMeasure, own: string): RoadmapMeasure => ({
  ...m,
  responsible_municipal: null,
  responsible_school: null,
  serves_schools: m.serves_schools.filter((s) => s.school_id === own),
});

/** A year's road map; a school user gets the measures serving its school, naming no other. */
async function roadmapPage(store: Store, wanted: number | undefined, own: string | null) {
  const years = (await runQuery<{ year: number }>(store, 'roadmap_years')).map((r) => r.year);
  const chosen = wanted ?? years.at(-1) ?? null;
  const date = today();
  const rows =
    chosen === null
      ? []
      : await runQuery<RoadmapMeasure>(store, 'roadmap_measures', {
          year: chosen,
          school_id: own,
          today: date,
        });
  const measures = own ? rows.map((m) => forOwnSchool(m, own)) : rows;
  return {
    year: chosen,
    years,
    today: date,
    sections: [...new Set(measures.map((m) => m.section))],
    measures,
    summary: summarise(measures),
    choices: own ? null : await choices(store, chosen ?? Number(date.slice(0, 4))),
  } satisfies RoadmapPage;
}

const bodyOf = (c: Context) => c.req.json().catch(() => undefined);
const idOf = (c: Context) => measureId.safeParse({ id: c.req.param('id') });
const notFound = (c: Context, id: string | undefined) =>
  c.json({ error: `Мероприятие дорожной карты № ${id} не найдено.` }, 404);
const login = (c: Context<AppEnv>) => c.get('viewer').login;

async function add(c: Context<AppEnv>, queued: Queue, access: AccessControl) {
  const parsed = newMeasureBody.safeParse(await bodyOf(c));
  if (!parsed.success) return badRequest(c, issuesText(parsed.error));
  const { year: measureYear, ...rest } = parsed.data;
  const fields = toFields(rest, measureYear);
  const result = await queued(async (session) => {
    const problem = await servesProblem(session, measureYear, fields);
    return problem ? { problem } : { id: await addMeasure(session, measureYear, fields, login(c)) };
  });
  if ('problem' in result) return badRequest(c, result.problem!);
  access.record(c, 'roadmap', addedText(measureYear, fields, result.id));
  return c.json({ ok: true, measure_id: result.id }, 201);
}

async function edit(c: Context<AppEnv>, queued: Queue, access: AccessControl) {
  const id = idOf(c);
  if (!id.success) return notFound(c, c.req.param('id'));
  const parsed = editedMeasureBody.safeParse(await bodyOf(c));
  if (!parsed.success) return badRequest(c, issuesText(parsed.error));
  const result = await queued(async (session) => {
    const before = await measureById(session, id.data.id);
    if (!before) return { missing: true } as const;
    const fields = toFields(parsed.data, before.year);
    const problem = await servesProblem(session, before.year, fields);
    if (problem) return { problem };
    await editMeasure(session, before, fields, login(c));
    return { detail: editedText(before, fields) };
  });
  if ('missing' in result) return notFound(c, c.req.param('id'));
  if ('problem' in result) return badRequest(c, result.problem!);
  access.record(c, 'roadmap', result.detail);
  return c.json({ ok: true });
}

async function changeStatus(c: Context<AppEnv>, queued: Queue, access: AccessControl) {
  const id = idOf(c);
  if (!id.success) return notFound(c, c.req.param('id'));
  const parsed = statusBody.safeParse(await bodyOf(c));
  if (!parsed.success) return badRequest(c, issuesText(parsed.error));
  const status = { ...parsed.data, on: parsed.data.on ?? today() };
  const result = await queued(async (session) => {
    const before = await measureById(session, id.data.id);
    if (!before) return { missing: true } as const;
    const problem = dateProblem(status.on, before.year);
    if (problem) return { problem };
    await setMeasureStatus(session, before.measure_id, status, login(c));
    return { detail: statusText(before, status) };
  });
  if ('missing' in result) return notFound(c, c.req.param('id'));
  if ('problem' in result) return badRequest(c, result.problem!);
  access.record(c, 'roadmap', result.detail);
  return c.json({ ok: true });
}

const IMPORTED =
  'Мероприятие загружено из файла дорожной карты: его можно изменить или отметить, но не удалить.';

async function remove(c: Context<AppEnv>, queued: Queue, access: AccessControl) {
  const id = idOf(c);
  if (!id.success) return notFound(c, c.req.param('id'));
  const result = await queued(async (session) => {
    const before = await measureById(session, id.data.id);
    if (!before) return { missing: true } as const;
    if (before.imported) return { refused: deletedText(before) };
    await deleteMeasure(session, before.measure_id);
    return { detail: deletedText(before) };
  });
  if ('missing' in result) return notFound(c, c.req.param('id'));
  if ('refused' in result) {
    access.record(c, 'roadmap', `${result.refused} — отказано: ${IMPORTED}`, 'failed');
    return c.json({ error: IMPORTED }, 409);
  }
  access.record(c, 'roadmap', result.detail);
  return c.json({ ok: true });
}

const yearQuery = z.object({ year: year.optional() });

export function register(app: App, store: Store, queued: Queue, access: AccessControl): void {
  app.get('/api/roadmap', async (c) => {
    const query = parseQuery(c, yearQuery, 'Параметр year — учебный год (2024 для 2023/24).');
    if (query instanceof Response) return query;
    return c.json(await roadmapPage(store, query.year, ownSchool(c)));
  });
  app.get('/api/roadmap/years', async (c) =>
    c.json((await runQuery<{ year: number }>(store, 'roadmap_years')).map((r) => r.year)),
  );
  app.get('/api/schools/:id/roadmap', async (c) => {
    const id = schoolId.safeParse(c.req.param('id'));
    if (!id.success) return badRequest(c, 'Логин школы (Логин ОО) указан неверно.');
    const refused = refuseOtherSchool(c, id.data);
    if (refused) return refused;
    const date = today();
    const rows = await runQuery<RoadmapMeasure>(store, 'school_roadmap', {
      school_id: id.data,
      today: date,
    });
    const own = ownSchool(c);
    const measures = own ? rows.map((m) => forOwnSchool(m, own)) : rows;
    return c.json({ today: date, measures } satisfies SchoolRoadmap);
  });
  app.post('/api/roadmap', (c) => add(c, queued, access));
  app.put('/api/roadmap/:id', (c) => edit(c, queued, access));
  app.post('/api/roadmap/:id/status', (c) => changeStatus(c, queued, access));
  app.delete('/api/roadmap/:id', (c) => remove(c, queued, access));
}
