/** Typed client of the dashboard API. Errors carry the server's Russian message. */
import type { Health, SchoolListItem, SchoolPage, VprDistrict, VprFilterOption } from './types.ts';

export class ApiFailure extends Error {}

async function getJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path);
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
};
