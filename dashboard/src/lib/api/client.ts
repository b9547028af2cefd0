/** Typed client of the dashboard API. Errors carry the server's Russian message. */
import type { EffectsPage, ProposalAccepted } from '../../../../contract/api/effects-types.ts';
import type {
  CustomMapping,
  Health,
  ImportHistory,
  ImportReport,
  MappingProposal,
  SchoolListRow,
  SchoolPage,
  TemplateInfo,
  DistrictOverview,
  DistrictResults,
  KeyShareBand,
  ResultsFilterOption,
} from '../../../../contract/api/types.ts';
import type {
  ListDecisionRequest,
  WorkingListPage,
} from '../../../../contract/api/cluster-types.ts';
import type { ResultsSelection } from '../results-selection.ts';
import type { PageRequest } from '../../../../contract/table.ts';
import type { Methodology } from '../../../../contract/methodology.ts';
import type {
  MethodologyInForce,
  MethodologyRevision,
} from '../../../../contract/api/methodology-types.ts';
import type { FlagChange, FlagRow } from '../../../../contract/api/methodology-types.ts';
import type { AuditPage, SessionInfo, UsersPage } from '../../../../contract/api/auth-types.ts';
import type { ImportProgress, ImportQuery } from '../../../../contract/api/import-types.ts';

export type MethodologyState = MethodologyInForce & { revisions: MethodologyRevision[] };
export interface MethodologyPreview {
  flags: FlagRow[];
  changes: FlagChange[];
}

/**
 * GET /api/import/progress: the import the server is running now (one at a time). `fraction`
 * is 0–1 of the file; `elapsedMs` is counted by the server, so the time left needs no clock
 * agreement between the page and the server.
 */
export class ApiFailure extends Error {}

const OFFLINE = 'Сервер панели недоступен. Проверьте, что он запущен (npm start).';

// ---- the session: the CSRF token every state-changing request carries ----

/** The token of this page's session, from GET /api/session; sent in x-csrf-token. */
let csrf: string | null = null;
/** Told when the server answers that no session is open (signed out, expired, restarted). */
let onUnauthenticated: (message: string) => void = () => {};
/** Told of every fresh session answer (after a CSRF refresh too). */
let onSession: (session: SessionInfo) => void = () => {};

/** The app's hooks: show the login page, keep the shown user in step with the server. */
export function watchSession(hooks: {
  unauthenticated: (message: string) => void;
  session: (session: SessionInfo) => void;
}): void {
  onUnauthenticated = hooks.unauthenticated;
  onSession = hooks.session;
}

async function loadSession(): Promise<SessionInfo> {
  const session = await getJson<SessionInfo>('/api/session');
  csrf = session.csrf;
  onSession(session);
  return session;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * fetch with the session: the CSRF token on every state-changing request; one fresh token and
 * one retry when the server no longer knows ours (it restarted); the app told when no session
 * is open. Throws ApiFailure(`offline`) when the server cannot be reached.
 */
async function send(
  path: string,
  init: RequestInit = {},
  offline = OFFLINE,
  retried = false,
): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (!SAFE_METHODS.has(method) && csrf) headers.set('x-csrf-token', csrf);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiFailure(offline);
  }
  if (response.status === 401 || response.status === 403) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { error?: string; code?: string } | null;
    if (response.status === 403 && body?.code === 'csrf' && !retried) {
      await loadSession().catch(() => undefined);
      return send(path, init, offline, true);
    }
    if (response.status === 401 && body?.code === 'unauthenticated') {
      csrf = null;
      onUnauthenticated(body.error ?? 'Войдите в систему.');
    }
  }
  return response;
}

const preloaded = new Map<string, Promise<unknown>>();

/** Starts the first page's requests before the views mount; each answer is used once. */
export function preload(paths: readonly string[]): void {
  for (const path of paths)
    preloaded.set(
      path,
      fetchJson(path).catch(() => undefined),
    );
}

/**
 * Starts a request as soon as the session (preloaded first) shows the user may make it, so a
 * page the role cannot open is not asked for (the server would log a refusal).
 */
export function preloadIf(path: string, allowed: (session: SessionInfo) => boolean): void {
  const session = preloaded.get('/api/session') as Promise<SessionInfo | undefined> | undefined;
  if (!session) return;
  preloaded.set(
    path,
    session.then((s) => (s && allowed(s) ? fetchJson(path) : undefined)).catch(() => undefined),
  );
}

function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const early = init ? undefined : preloaded.get(path);
  preloaded.delete(path);
  return early
    ? early.then((value) => (value === undefined ? fetchJson<T>(path) : (value as T)))
    : fetchJson<T>(path, init);
}

async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await send(path, init);
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiFailure(body?.error ?? `Сервер ответил ошибкой ${response.status}.`);
  return body as T;
}

/** Sends a table as shown and saves the CSV / XLSX file the server makes of it. */
export async function downloadTable(
  fileName: string,
  format: 'csv' | 'xlsx',
  table: { captions: string[]; rows: (string | number | null)[][] },
): Promise<void> {
  const response = await send(
    `/api/download?format=${format}`,
    {
      method: 'POST',
      body: JSON.stringify({ fileName, ...table }),
      headers: { 'content-type': 'application/json' },
    },
    'Сервер панели недоступен: файл не сформирован.',
  );
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiFailure(body?.error ?? `Файл не сформирован: ошибка ${response.status}.`);
  }
  saveFile(await response.blob(), `${fileName}.${format}`);
}

/** Hands a file made in the browser to its download (the user's download folder). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a download: RFC 5987 `filename*` (UTF-8) first, then plain `filename`. */
export function attachmentName(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star)
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // a malformed name: the plain one below
    }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : null;
}

/** GET of a file (query parameters as in getApi); errors carry the server's Russian message. */
export async function getFile(
  path: string,
  query: Record<string, string | number | undefined> = {},
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await send(
    withQuery(path, query),
    {},
    'Сервер панели недоступен: файл не сформирован.',
  );
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiFailure(body?.error ?? `Файл не сформирован: ошибка ${response.status}.`);
  }
  return {
    blob: await response.blob(),
    fileName: attachmentName(response.headers.get('content-disposition')),
  };
}

function postJson<T>(path: string, body: unknown): Promise<T> {
  return getJson<T>(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
}

/** A state-changing JSON request (POST, PUT, DELETE) with the page's token; the answer's JSON. */
export function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
  return getJson<T>(path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headers: { 'content-type': 'application/json' },
  });
}

/** GET of any API path with query parameters (undefined ones left out). */
export function getApi<T>(path: string, query: Record<string, string | number | undefined> = {}) {
  return getJson<T>(withQuery(path, query));
}

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const api = {
  /** Who is signed in, and the CSRF token (kept here for the requests that need it). */
  session: loadSession,
  /** Signs in; the server sets the session cookie. Errors carry its message (wrong password, 429). */
  login: (login: string, password: string) =>
    postJson<{ ok: true }>('/api/login', { login, password }),
  logout: async () => {
    await postJson<{ ok: true }>('/api/logout', {});
    csrf = null;
  },
  audit: (query: { action?: string; user?: string; limit?: number } = {}) =>
    getApi<AuditPage>('/api/audit', query),
  users: () => getJson<UsersPage>('/api/users'),
  health: () => getJson<Health>('/api/health'),
  districtFilters: () => getJson<ResultsFilterOption[]>('/api/district/filters'),
  /** The selection's schools: up to `page.limit` of them (sorted and searched by the server). */
  districtResults: (selection: ResultsSelection, page: PageRequest) =>
    getApi<DistrictResults>('/api/district/results', { ...selection, ...page }),
  districtDistribution: (selection: ResultsSelection) =>
    getApi<KeyShareBand[]>('/api/district/distribution', { ...selection }),
  districtOverview: (year: number) => getApi<DistrictOverview>('/api/district/overview', { year }),
  methodology: () => getJson<MethodologyState>('/api/methodology'),
  previewMethodology: (methodology: Methodology, year: number) =>
    postJson<MethodologyPreview>(`/api/methodology/preview?year=${year}`, methodology),
  saveMethodology: (methodology: Methodology) =>
    postJson<{ ok: true; version: string }>('/api/methodology', methodology),
  /** The working list of a year (the latest with a list when none is given) and its decisions. */
  workingList: (year?: string | number) => getApi<WorkingListPage>('/api/working-list', { year }),
  decideWorkingList: (decision: ListDecisionRequest) =>
    postJson<{ ok: true }>('/api/working-list', decision),
  /** The effect of support on the working list of a year (the latest when none is given). */
  effects: (year?: string | number) => getApi<EffectsPage>('/api/effects', { year }),
  /** Accepts the proposed list drawn from `year`'s results into the working list of year + 1. */
  acceptProposal: (year: number, basis: string | null) =>
    postJson<ProposalAccepted>('/api/working-list/proposal', { year, basis }),
  /** A page of the school list, sorted and searched by the server. */
  schoolsPage: (page: PageRequest) =>
    getApi<{ rows: SchoolListRow[]; total: number }>('/api/schools', { ...page }),
  school: (id: string) => getJson<SchoolPage>(`/api/schools/${encodeURIComponent(id)}`),
  importFile: (file: File, options: ImportFileOptions) =>
    getJson<ImportReport>(`/api/import?${new URLSearchParams({ ...importQuery(options) })}`, {
      method: 'POST',
      body: file,
      headers: fileHeaders(file),
    }),
  importProgress: () => getJson<ImportProgress>('/api/import/progress'),
  cancelImport: () => postJson<{ ok: true }>('/api/import/cancel', {}),
  importHistory: () => getJson<ImportHistory>('/api/import/history'),
  templates: () => getJson<TemplateInfo[]>('/api/templates'),
  proposeMapping: (file: File) =>
    getJson<MappingProposal>('/api/import/propose', {
      method: 'POST',
      body: file,
      headers: fileHeaders(file),
    }),
  saveMapping: (mapping: CustomMapping) => postJson<{ ok: true }>('/api/mappings', mapping),
};

/** What the upload page sends with a file: the flags, and a cluster list's year and basis. */
export interface ImportFileOptions {
  dryRun: boolean;
  replace: boolean;
  createSchools: boolean;
  year?: string;
  basis?: string;
}

function importQuery(options: ImportFileOptions): ImportQuery {
  return {
    dryRun: String(options.dryRun),
    replace: String(options.replace),
    createSchools: String(options.createSchools),
    ...(options.year?.trim() && { year: options.year.trim() }),
    ...(options.basis?.trim() && { basis: options.basis.trim() }),
  };
}

function fileHeaders(file: File): Record<string, string> {
  return {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(file.name),
  };
}
