/**
 * The authorisation matrix on the demo store: every API route of the app × every role (and
 * anonymous), generated from the route table, so a new route without a rule or an example fails
 * here. Then a school user trying every route, filter and export parameter: nothing of another
 * school (login, short or full name) may come back, in JSON, CSV, XLSX or DOCX.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../dashboard/server/app.ts';
import {
  ACCESS,
  RULE_ROLES,
  type RouteKey,
  type Rule,
} from '../../contract/access/access-rules.ts';
import type { App } from '../../dashboard/server/auth/control.ts';
import { OTHER_SCHOOL } from '../../dashboard/server/auth/scope.ts';
import { ROLES, type Role } from '../../contract/access/roles.ts';
import { TEMPLATES } from '../../ingest/formats/index.ts';
import { EXPORTS } from '../../analytics/export.ts';
import { testAccess } from '../helpers/app.ts';
import { TestClient } from '../helpers/client.ts';
import { storeCopy, type TempStore } from '../helpers/store.ts';
import { readDocx } from './documents.ts';

const OWN = 'sch470112'; // Луговская СОШ: in risk clusters, with a network partner
const YEAR = 2026;
const PASSWORD = 'пароль-для-матрицы';

interface Example {
  path: string;
  method?: 'POST' | 'PUT' | 'DELETE';
  /** a JSON body, or a function giving it once the store is open */
  body?: unknown;
  /** raw bytes for the upload routes */
  bytes?: string;
  /** the status of an allowed call (200 unless the example is bad input on purpose) */
  ok?: number;
  /** signs in anew for the call (sign-out ends the session) */
  fresh?: boolean;
}

/** One valid call of every route of the table; TypeScript and the test below keep them complete. */
const EXAMPLES: Record<RouteKey, Example> = {
  'GET /api/session': { path: '/api/session' },
  'POST /api/login': {
    path: '/api/login',
    method: 'POST',
    body: { login: 'analyst', password: PASSWORD },
  },
  'POST /api/logout': { path: '/api/logout', method: 'POST', fresh: true },
  'GET /api/health': { path: '/api/health' },
  'GET /api/schools': { path: '/api/schools' },
  'GET /api/schools/:id': { path: `/api/schools/${OWN}` },
  'GET /api/flags': { path: `/api/flags?year=${YEAR}` },
  'GET /api/fg': { path: `/api/fg?year=${YEAR}` },
  'GET /api/fg/schools': {
    path: `/api/fg/schools?year=${YEAR}&direction=${encodeURIComponent('Читательская грамотность')}&limit=100`,
  },
  'GET /api/deficits/options': { path: '/api/deficits/options' },
  'GET /api/deficits/vpr': {
    path: `/api/deficits/vpr?year=${YEAR}&subject=${encodeURIComponent('Математика')}&grade=5`,
  },
  'GET /api/deficits/teachers': { path: `/api/deficits/teachers?year=${YEAR}` },
  'GET /api/methodology': { path: '/api/methodology' },
  'GET /api/exports': { path: '/api/exports' },
  'GET /api/exports/:name': { path: `/api/exports/indicators?year=${YEAR}&format=csv` },
  'POST /api/download': {
    path: '/api/download?format=csv',
    method: 'POST',
    body: { fileName: 'Таблица', captions: ['Показатель'], rows: [[1]] },
  },
  'GET /api/briefings/options': { path: '/api/briefings/options' },
  'GET /api/briefings/file': {
    path: `/api/briefings/file?year=${YEAR}&format=docx&school=${OWN}`,
  },
  'GET /api/roadmap': { path: '/api/roadmap' },
  'GET /api/roadmap/years': { path: '/api/roadmap/years' },
  'GET /api/schools/:id/roadmap': { path: `/api/schools/${OWN}/roadmap` },
  'GET /api/district/filters': { path: '/api/district/filters' },
  'GET /api/district/results': {
    path: `/api/district/results?year=${YEAR}&procedure=${encodeURIComponent('ВПР')}&subject=${encodeURIComponent('Математика')}&grade=5`,
  },
  'GET /api/district/distribution': {
    path: `/api/district/distribution?year=${YEAR}&procedure=${encodeURIComponent('ВПР')}&subject=${encodeURIComponent('Математика')}&grade=5`,
  },
  'GET /api/district/overview': { path: `/api/district/overview?year=${YEAR}` },
  'GET /api/compare/options': { path: '/api/compare/options' },
  'GET /api/compare': {
    path: `/api/compare?year_a=2025&year_b=${YEAR}&indicator=vpr_dolya2&topic=${encodeURIComponent('Математика')}&grade=5`,
  },
  'GET /api/compare/schools': {
    path: `/api/compare/schools?year_a=2025&year_b=${YEAR}&indicator=vpr_dolya2&topic=${encodeURIComponent('Математика')}&grade=5&limit=100`,
  },
  'GET /api/compare/grid': {
    path: `/api/compare/grid?year=${YEAR}&indicator=vpr_dolya2&topic=${encodeURIComponent('Математика')}&grade=5`,
  },
  'GET /api/compare/grid/schools': {
    path: `/api/compare/grid/schools?year=${YEAR}&indicator=vpr_dolya2&topic=${encodeURIComponent('Математика')}&grade=5&limit=100`,
  },
  'GET /api/briefings/batch': {
    path: `/api/briefings/batch?year=${YEAR}&format=docx&schools=${OWN}`,
  },
  'GET /api/briefings/decision': {
    path: `/api/briefings/decision?year=${YEAR}&format=docx`,
  },
  'GET /api/clusters': { path: '/api/clusters' },
  'GET /api/working-list': { path: `/api/working-list?year=${YEAR}` },
  'GET /api/pairs': { path: `/api/pairs?year=${YEAR}` },
  // A school not on that list cannot be removed from it (409): nothing changes.
  'POST /api/working-list': {
    path: '/api/working-list',
    method: 'POST',
    body: { year: YEAR, schoolId: OWN, cluster: 'ШНОР', action: 'remove', reason: 'проверка' },
    ok: 409,
  },
  'GET /api/effects': { path: `/api/effects?year=${YEAR}` },
  // A year with no working list: nothing to accept, nothing changes.
  'POST /api/working-list/proposal': {
    path: '/api/working-list/proposal',
    method: 'POST',
    body: { year: 2015 },
  },
  'GET /api/import/history': { path: '/api/import/history' },
  'GET /api/templates': { path: '/api/templates' },
  'GET /api/templates/:id': { path: `/api/templates/${TEMPLATES[0]!.id}` },
  'POST /api/methodology/preview': {
    path: `/api/methodology/preview?year=${YEAR}`,
    method: 'POST',
    body: () => methodology,
  },
  // Bad input on purpose (no title; an id no measure has): allowed roles reach the check, nothing changes.
  'POST /api/roadmap': { path: '/api/roadmap', method: 'POST', body: { year: YEAR }, ok: 400 },
  'PUT /api/roadmap/:id': { path: '/api/roadmap/2147483647', method: 'PUT', body: {}, ok: 400 },
  'POST /api/roadmap/:id/status': {
    path: '/api/roadmap/2147483647/status',
    method: 'POST',
    body: { status: 'выполнено' },
    ok: 404,
  },
  'DELETE /api/roadmap/:id': { path: '/api/roadmap/2147483647', method: 'DELETE', ok: 404 },
  // A file no format knows: the import answers with its report (rejected), nothing is stored.
  'POST /api/import': { path: '/api/import?dryRun=true', method: 'POST', bytes: 'a;b\n1;2\n' },
  // Nothing is being imported: { running: false }.
  'GET /api/import/progress': { path: '/api/import/progress' },
  // Nothing is being checked: nothing to cancel (409), nothing changes.
  'POST /api/import/cancel': { path: '/api/import/cancel', method: 'POST', body: {}, ok: 409 },
  'POST /api/import/propose': {
    path: '/api/import/propose',
    method: 'POST',
    bytes: 'Учебный год;Логин ОО;Показатель\n2025/26;sch470101;1\n',
  },
  // Bad input on purpose: allowed roles reach the validation (400), nothing changes.
  'POST /api/mappings': { path: '/api/mappings', method: 'POST', body: {}, ok: 400 },
  'POST /api/methodology': { path: '/api/methodology', method: 'POST', body: {}, ok: 400 },
  'GET /api/audit': { path: '/api/audit' },
  'GET /api/users': { path: '/api/users' },
  'POST /api/admin/backup': { path: '/api/admin/backup', method: 'POST' },
};

type Viewer = Role | 'anonymous';
const VIEWERS: Viewer[] = ['anonymous', ...ROLES];
const LOGINS: Record<Role, string> = { admin: 'admin', analyst: 'analyst', school: 'school' };

/** What the table promises: an allowed call answers as the example expects, others 401 / 403. */
function expectedStatus(rule: Rule, viewer: Viewer, example: Example): number {
  if (rule === 'public') return example.ok ?? 200;
  if (viewer === 'anonymous') return 401;
  return RULE_ROLES[rule].includes(viewer) ? (example.ok ?? 200) : 403;
}

let t: TempStore;
let dir: string;
let app: App;
let methodology: unknown;
const clients = {} as Record<Viewer, TestClient>;

async function signedIn(viewer: Viewer): Promise<TestClient> {
  const client = new TestClient(app);
  if (viewer !== 'anonymous')
    expect((await client.login(LOGINS[viewer], PASSWORD)).status).toBe(200);
  return client;
}

async function call(viewer: Viewer, example: Example): Promise<Response> {
  const client = example.fresh ? await signedIn(viewer) : clients[viewer];
  if (example.method === undefined || example.method === 'DELETE')
    return client.request(example.path, { method: example.method });
  if (example.bytes !== undefined)
    return client.request(example.path, {
      method: 'POST',
      body: example.bytes,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'file.csv' },
    });
  return client.request(example.path, {
    method: example.method,
    body: JSON.stringify(
      typeof example.body === 'function' ? (example.body as () => unknown)() : example.body,
    ),
    headers: { 'content-type': 'application/json' },
  });
}

beforeAll(async () => {
  t = await storeCopy(inject('demoStore'));
  dir = mkdtempSync(join(tmpdir(), 'mko-access-'));
  const access = testAccess(dir, { network: true });
  app = createApp({ store: t.store, access });
  await access.users.add({ login: 'admin', role: 'admin', password: PASSWORD });
  await access.users.add({ login: 'analyst', role: 'analyst', password: PASSWORD });
  await access.users.add({ login: 'school', role: 'school', school: OWN, password: PASSWORD });
  for (const viewer of VIEWERS) clients[viewer] = await signedIn(viewer);
  methodology = (await (await clients.admin.request('/api/methodology')).json()).methodology;
});

afterAll(() => {
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the route table', () => {
  it('has a rule and an example for every API route of the app, and no rule for a missing route', () => {
    const routes = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(routes).toEqual(Object.keys(ACCESS).sort());
    expect(Object.keys(EXAMPLES).sort()).toEqual(routes);
  });
});

describe('authorisation matrix', () => {
  for (const [key, rule] of Object.entries(ACCESS) as [RouteKey, Rule][]) {
    const example = EXAMPLES[key];
    const row = VIEWERS.map((v) => `${v} ${expectedStatus(rule, v, example)}`).join(', ');
    it(`${key} (${rule}): ${row}`, async () => {
      for (const viewer of VIEWERS) {
        const response = await call(viewer, example);
        expect(response.status, `${key} as ${viewer}`).toBe(expectedStatus(rule, viewer, example));
      }
    });
  }
});

/** Everything a response carries, as text: JSON, CSV, the cells of an XLSX, a DOCX's paragraphs. */
async function textOf(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await response.arrayBuffer());
  if (type.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
    );
    return cells.join('\n');
  }
  if (type.includes('wordprocessingml')) {
    const docx = await readDocx(bytes);
    return [docx.header, ...docx.paragraphs].join('\n');
  }
  return bytes.toString('utf8');
}

describe('a school user', () => {
  let others: { id: string; names: string[] }[];
  let ownName: string;

  beforeAll(async () => {
    const schools = await t.store.all<{ school_id: string; short_name: string; full_name: string }>(
      'SELECT school_id, short_name, full_name FROM school',
    );
    ownName = schools.find((s) => s.school_id === OWN)!.full_name;
    others = schools
      .filter((s) => s.school_id !== OWN)
      .map((s) => ({
        id: s.school_id,
        // a name that is part of the school's own name would match its own rows
        names: [s.short_name, s.full_name].filter((n) => !ownName.includes(n)),
      }));
  });

  /** Another school's login or name anywhere in the answer, as «path: what». */
  async function leaks(path: string): Promise<string[]> {
    const response = await clients.school.request(path);
    if (response.status === 403) {
      expect(await response.json(), path).toEqual({ error: OTHER_SCHOOL });
      return [];
    }
    expect(response.status, path).toBe(200);
    const text = await textOf(response);
    return others.flatMap((o) =>
      [o.id, ...o.names].filter((s) => text.includes(s)).map((s) => `${path}: ${s}`),
    );
  }

  const q = encodeURIComponent;

  it('is refused every other school by its login: page, flags, exports, briefings', async () => {
    for (const { id } of others)
      for (const path of [
        `/api/schools/${id}`,
        `/api/schools/${id}/roadmap`,
        `/api/flags?school=${id}`,
        `/api/exports/indicators?school=${id}`,
        `/api/exports/flags?format=csv&school=${id}`,
        `/api/briefings/file?year=${YEAR}&format=docx&school=${id}`,
      ]) {
        const response = await clients.school.request(path);
        expect(response.status, path).toBe(403);
        expect(await response.json()).toEqual({ error: OTHER_SCHOOL });
      }
    // The district briefing is the district's schools by name: not for a school.
    expect(
      (await clients.school.request(`/api/briefings/file?year=${YEAR}&format=docx`)).status,
    ).toBe(403);
  });

  it('gets its own school everywhere, and nothing of another school through any parameter', async () => {
    const roadmapYears: number[] = await (
      await clients.school.request('/api/roadmap/years')
    ).json();
    const paths = [
      '/api/session',
      '/api/health',
      '/api/schools',
      `/api/schools/${OWN}`,
      '/api/flags',
      `/api/flags?year=${YEAR}`,
      `/api/flags?cluster=${q('ШНОР')}`,
      '/api/methodology',
      '/api/exports',
      '/api/deficits/options',
      '/api/briefings/options',
      '/api/roadmap',
      ...roadmapYears.map((y) => `/api/roadmap?year=${y}`),
      `/api/schools/${OWN}/roadmap`,
      `/api/briefings/file?year=${YEAR}&format=docx&school=${OWN}`,
      ...Object.keys(EXPORTS).flatMap((name) =>
        ['json', 'csv', 'xlsx'].flatMap((format) => [
          `/api/exports/${name}?format=${format}`,
          `/api/exports/${name}?format=${format}&school=${OWN}&year=${YEAR}`,
        ]),
      ),
    ];
    const fg = await (await clients.school.request('/api/fg')).json();
    for (const year of fg.years)
      for (const direction of fg.directions)
        for (const grade of ['all', ...fg.grades])
          paths.push(
            `/api/fg?year=${year}&direction=${q(direction)}&grade=${grade}`,
            `/api/fg/schools?year=${year}&direction=${q(direction)}&grade=${grade}&limit=100`,
          );
    const deficits = await (await clients.school.request('/api/deficits/options')).json();
    for (const o of deficits.vpr.filter((o: { year: number }) => o.year === YEAR))
      paths.push(`/api/deficits/vpr?year=${o.year}&subject=${q(o.subject)}&grade=${o.grade}`);
    for (const year of deficits.teacherYears) paths.push(`/api/deficits/teachers?year=${year}`);

    const found: string[] = [];
    for (const path of paths) found.push(...(await leaks(path)));
    expect(found).toEqual([]);
    expect(paths.length).toBeGreaterThan(60);
  });

  it('still sees its own results and the district as aggregates', async () => {
    const page = await (await clients.school.request(`/api/schools/${OWN}`)).json();
    expect(page.school.short_name).toBe('Луговская СОШ');
    expect(page.school.partners).toEqual([]);
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.flags.length).toBeGreaterThan(0);
    const fg = await (await clients.school.request(`/api/fg?year=${YEAR}`)).json();
    expect(fg.district.length).toBeGreaterThan(0);
    expect(fg.schools.map((s: { school_id: string }) => s.school_id)).toEqual([OWN]);
    const csv = await textOf(
      await clients.school.request(`/api/exports/fg-targets?format=csv&year=${YEAR}`),
    );
    expect(csv).toContain('район');
    expect(csv).toContain('Луговская СОШ');
  });
});
