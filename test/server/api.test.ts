import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../ingest/import.ts';
import { createApp } from '../../dashboard/server/app.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';
import { writeRegistryFile, writeVprCsv } from '../helpers/fixtures.ts';

let t: TempStore;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir), writeVprCsv(t.dir)]);
  app = createApp({ store: t.store });
});
afterAll(() => t.dispose());

describe('API', () => {
  it('reports health with the schools count and years', async () => {
    const body = await (await app.request('/api/health')).json();
    expect(body).toMatchObject({
      ok: true,
      schoolsCount: 3,
      years: [2025],
      isDemo: false,
      minN: 10,
    });
  });

  it('serves the district table with weighted district figures', async () => {
    const response = await app.request(
      `/api/vpr/district?year=2025&subject=${encodeURIComponent('Математика')}&grade=5`,
    );
    const body = await response.json();
    expect(body.schools).toHaveLength(3);
    expect(body.benchmarks[0]).toMatchObject({
      level: 'district',
      participants_count: 104,
      n2: 15,
    });
  });

  it('answers bad parameters and unknown schools in Russian', async () => {
    const bad = await app.request('/api/vpr/district?year=abc');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Укажите год, предмет и класс/);
    const missing = await app.request('/api/schools/sch404');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe('Школа с кодом «sch404» не найдена в реестре.');
    const sqlish = await app.request(`/api/schools/${encodeURIComponent("x' OR 1=1 --")}`);
    expect(sqlish.status).toBe(404);
  });

  it('imports an uploaded file and reports the outcome', async () => {
    const csv =
      'Учебный год;Логин ОО;Класс;Предмет;Кол-во участников;«2»;«3»;«4»;«5»\n2025;sch000001;4;Математика;12;1;3;4;4\n';
    const response = await app.request('/api/import', {
      method: 'POST',
      headers: { 'x-file-name': encodeURIComponent('загрузка.csv') },
      body: csv,
    });
    const report = await response.json();
    expect(report).toMatchObject({ file: 'загрузка.csv', outcome: 'loaded', rows: 1 });
    const district = await (
      await app.request(
        `/api/vpr/district?year=2025&subject=${encodeURIComponent('Математика')}&grade=4`,
      )
    ).json();
    expect(district.schools).toHaveLength(1);
  });
});
