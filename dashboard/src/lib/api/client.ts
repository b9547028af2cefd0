/** Typed client of the dashboard API. Errors carry the server's Russian message. */
import type {
  CustomMapping,
  Health,
  ImportHistory,
  ImportReport,
  MappingProposal,
  SchoolListItem,
  SchoolPage,
  TemplateInfo,
  VprDistrict,
  VprFilterOption,
} from './types.ts';

export class ApiFailure extends Error {}

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiFailure('Сервер панели недоступен. Проверьте, что он запущен (npm start).');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiFailure(body?.error ?? `Сервер ответил ошибкой ${response.status}.`);
  return body as T;
}

export const api = {
  health: () => getJson<Health>('/api/health'),
  vprFilters: () => getJson<VprFilterOption[]>('/api/vpr/filters'),
  vprDistrict: (year: number, subject: string, grade: number) =>
    getJson<VprDistrict>(
      `/api/vpr/district?${new URLSearchParams({ year: String(year), subject, grade: String(grade) })}`,
    ),
  schools: () => getJson<SchoolListItem[]>('/api/schools'),
  school: (id: string) => getJson<SchoolPage>(`/api/schools/${encodeURIComponent(id)}`),
  importFile: (file: File, flags: { dryRun: boolean; replace: boolean; createSchools: boolean }) =>
    getJson<ImportReport>(
      `/api/import?${new URLSearchParams(Object.entries(flags).map(([k, v]) => [k, String(v)]))}`,
      { method: 'POST', body: file, headers: fileHeaders(file) },
    ),
  importHistory: () => getJson<ImportHistory>('/api/import/history'),
  templates: () => getJson<TemplateInfo[]>('/api/templates'),
  proposeMapping: (file: File) =>
    getJson<MappingProposal>('/api/import/propose', {
      method: 'POST',
      body: file,
      headers: fileHeaders(file),
    }),
  saveMapping: (mapping: CustomMapping) =>
    getJson<{ ok: true }>('/api/mappings', {
      method: 'POST',
      body: JSON.stringify(mapping),
      headers: { 'content-type': 'application/json' },
    }),
};

function fileHeaders(file: File): Record<string, string> {
  return {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(file.name),
  };
}
