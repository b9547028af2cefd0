import { describe, expect, it } from 'vitest';
import { useApp } from '../../helpers/app.ts';

const app = useApp();

describe('«Дефициты» API', () => {
  it('lists no task-level ВПР and no teacher diagnostics when none were loaded', async () => {
    const body = await (await app.request('/api/deficits/options')).json();
    expect(body).toEqual({ vpr: [], teacherYears: [] });
    const vpr = await app.request(
      `/api/deficits/vpr?year=2025&subject=${encodeURIComponent('Математика')}&grade=5`,
    );
    expect(vpr.status).toBe(200);
    expect(await vpr.json()).toEqual({
      year: 2025,
      subject: 'Математика',
      grade: 5,
      tasks: [],
      schools: [],
    });
    const teachers = await app.request('/api/deficits/teachers?year=2025');
    expect(await teachers.json()).toEqual({ year: 2025, rows: [] });
  });

  it('answers bad parameters in Russian with 400', async () => {
    for (const path of [
      '/api/deficits/vpr?year=abc&subject=x&grade=5',
      '/api/deficits/vpr?year=2025&grade=5',
      '/api/deficits/vpr?year=2025&subject=x&grade=12',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(400);
      expect((await response.json()).error).toMatch(/^Укажите год .*предмет .*класс/);
    }
    const teachers = await app.request('/api/deficits/teachers?year=20x6');
    expect(teachers.status).toBe(400);
    expect((await teachers.json()).error).toBe(
      'Укажите год диагностики педагогов числом, например 2026.',
    );
  });
});
