import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useApp } from '../../helpers/app.ts';

const app = useApp();

/** ШНОР as the lower half of the district's schools in one year, on the share of «2» alone. */
const DISTRICT_HALF = {
  comparison: 'district',
  percent: 50,
  consecutiveYears: 1,
  eachSubject: false,
};

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
      `/api/district/results?year=2025&procedure=ВПР&subject=${encodeURIComponent('Математика')}&grade=5`,
    );
    const { rows } = await response.json();
    expect(rows.filter((r: { level: string }) => r.level === 'school')).toHaveLength(3);
    expect(rows.find((r: { level: string }) => r.level === 'district')).toMatchObject({
      participants_count: 104,
      key_count: 15,
    });
  });

  it('pages, sorts and searches the district table on the server', async () => {
    const base = `/api/district/results?year=2025&procedure=ВПР&subject=${encodeURIComponent('Математика')}&grade=5`;
    const get = async (query: string) => (await app.request(`${base}&${query}`)).json();
    type Row = { level: string; short_name: string; key_pct: number };
    const all: Row[] = (await get('')).rows.filter((r: Row) => r.level === 'school');
    const byKey = [...all].sort((a, b) => b.key_pct - a.key_pct).map((r) => r.short_name);

    const first = await get('limit=2&sort=key&dir=desc');
    expect(first.total).toBe(3);
    const names = (body: { rows: Row[] }) =>
      body.rows.filter((r) => r.level === 'school').map((r) => r.short_name);
    expect(names(first)).toEqual(byKey.slice(0, 2));
    // the district's row comes with every page
    expect(first.rows.filter((r: Row) => r.level === 'district')).toHaveLength(1);
    expect(names(await get('limit=2&offset=2&sort=key&dir=desc'))).toEqual(byKey.slice(2));
    expect(names(await get('limit=2&offset=0&sort=key&dir=asc'))).toEqual(
      [...byKey].reverse().slice(0, 2),
    );

    // the search: any case, ё as е, spaces collapsed
    const target = all[0]!.short_name;
    const found = await get(`limit=10&q=${encodeURIComponent(`  ${target.toUpperCase()} `)}`);
    expect(found.total).toBe(1);
    expect(names(found)).toEqual([target]);

    const bad = await app.request(
      `${base}&limit=10&sort=${encodeURIComponent('1; DROP TABLE school')}`,
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(
      /^Нельзя сортировать по «1; DROP TABLE school»: можно по school, /,
    );
  });

  it('pages the flags list on the server with the number found', async () => {
    const all = await (await app.request('/api/flags?year=2025')).json();
    expect(all.total).toBe(all.flags.length);
    const key = (f: { school_id: string; cluster: string }) => `${f.school_id} ${f.cluster}`;
    const byLogin = [...all.flags].sort((a, b) => b.school_id.localeCompare(a.school_id) || 0);
    const page = await (await app.request('/api/flags?year=2025&limit=2&sort=login')).json();
    expect(page.total).toBe(all.flags.length);
    expect(page.flags.map((f: { school_id: string }) => f.school_id)).toEqual(
      byLogin.slice(0, 2).map((f) => f.school_id),
    );
    // a search by a cluster's name, in lower case, finds that cluster's flags
    const cluster: string = all.flags[0].cluster;
    const ofCluster = all.flags.filter((f: { cluster: string }) => f.cluster === cluster);
    const found = await (
      await app.request(
        `/api/flags?year=2025&limit=100&q=${encodeURIComponent(cluster.toLowerCase())}`,
      )
    ).json();
    expect(found.total).toBe(ofCluster.length);
    expect(found.flags.map(key).sort()).toEqual(ofCluster.map(key).sort());
  });

  it('answers bad parameters and unknown schools in Russian', async () => {
    const bad = await app.request('/api/district/results?year=abc');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Укажите учебный год, процедуру/);
    const missing = await app.request('/api/schools/sch404');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe('Школа с кодом «sch404» не найдена в реестре.');
    const sqlish = await app.request(`/api/schools/${encodeURIComponent("x' OR 1=1 --")}`);
    expect(sqlish.status).toBe(404);
  });

  it('takes a malformed file name as written instead of failing with 500', async () => {
    for (const name of ['%', '%FF', 'report %zz.csv']) {
      const response = await app.request('/api/import?dryRun=true', {
        method: 'POST',
        headers: { 'x-file-name': name },
        body: 'не таблица',
      });
      expect(response.status, name).toBe(200);
      expect((await response.json()).file, name).toBe(name);
    }
  });

  it('refuses a page table over the download limit with 413 and a Russian message', async () => {
    const response = await app.request('/api/download?format=csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(51 * 1048576) },
      body: '{}',
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe(
      'Таблица для скачивания больше 50 МБ: сузьте выборку фильтрами страницы.',
    );
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
        `/api/district/results?year=2025&procedure=ВПР&subject=${encodeURIComponent('Математика')}&grade=4`,
      )
    ).json();
    expect(district.rows.filter((r: { level: string }) => r.level === 'school')).toHaveLength(1);
  });

  it('checks a file without writing it, then shows the loaded file in the history', async () => {
    const upload = (query: string, body: string) =>
      app.request(`/api/import?${query}`, {
        method: 'POST',
        headers: { 'x-file-name': encodeURIComponent('кластеры.csv') },
        body,
      });
    const body = 'Учебный год;Наименование ОО;Кластер\n2025/26;Лесная ООШ;ШНОР\n';
    const checked = await (await upload('dryRun=true', body)).json();
    expect(checked).toMatchObject({ outcome: 'checked', planned: 'loaded', rows: 1 });
    const before = await (await app.request('/api/import/history')).json();
    expect(before.history.some((h: { file_name: string }) => h.file_name === 'кластеры.csv')).toBe(
      false,
    );
    expect((await (await upload('', body)).json()).outcome).toBe('loaded');
    const after = await (await app.request('/api/import/history')).json();
    expect(after.history[0]).toMatchObject({
      file_name: 'кластеры.csv',
      dataset: 'Региональные списки кластеров',
      outcome: 'loaded',
      rows_count: 1,
    });
    expect(after.contents).toContainEqual(
      expect.objectContaining({
        dataset: 'Региональные списки кластеров',
        files_count: 1,
        years: ['2026'],
      }),
    );
  });

  it('passes the year and basis of a list without a year column from the upload query', async () => {
    const body = [
      'Список школ с признаками учебной неуспешности',
      '№ п/п;Наименование образовательной организации;Кластеризация',
      '1.;МКОУ «Лесная ООШ»;ШПУН',
      '2.;Итого:;1 ОО',
    ].join('\n');
    const check = async (query: string) =>
      (
        await app.request(`/api/import?dryRun=true&${query}`, {
          method: 'POST',
          headers: { 'x-file-name': encodeURIComponent('приложение.csv') },
          body,
        })
      ).json();
    const without = await check('');
    expect(without.outcome).toBe('rejected');
    expect(without.problems[0].message).toMatch(/^не указан учебный год списка/);
    const given = new URLSearchParams({
      year: '2025/26',
      basis: 'распоряжение КО от 01.09.2025 № 1',
    });
    expect(await check(String(given))).toMatchObject({
      outcome: 'checked',
      planned: 'loaded',
      rows: 1,
      years: [2026],
    });
  });

  it('proposes a column mapping for an unknown table and saves it', async () => {
    const table = 'Школа;Год;Охват, %\nСОШ № 1;2025;80\n';
    const proposal = await (
      await app.request('/api/import/propose', {
        method: 'POST',
        headers: { 'x-file-name': encodeURIComponent('свои.csv') },
        body: table,
      })
    ).json();
    expect(proposal).toMatchObject({
      captions: ['Школа', 'Год', 'Охват, %'],
      samples: [['СОШ № 1', '2025', '80']],
    });
    const bad = await app.request('/api/mappings', { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Сопоставление столбцов не сохранено/);
    const saved = await app.request('/api/mappings', {
      method: 'POST',
      body: JSON.stringify({
        signature: proposal.signature,
        setName: 'Свои показатели',
        schoolColumn: 'Школа',
        yearColumn: 'Год',
        indicators: [{ column: 'Охват, %', name: 'Охват' }],
      }),
    });
    expect(saved.status).toBe(200);
    const report = await (
      await app.request('/api/import', {
        method: 'POST',
        headers: { 'x-file-name': encodeURIComponent('свои.csv') },
        body: table,
      })
    ).json();
    expect(report).toMatchObject({ outcome: 'loaded', dataset: 'custom_indicators', rows: 1 });
    const page = await (await app.request('/api/schools/sch000001')).json();
    expect(page.custom).toEqual([
      { set_name: 'Свои показатели', indicator: 'Охват', year: 2025, value: 80 },
    ]);
  });

  it('serves every canonical template as XLSX with an instructions sheet', async () => {
    const list = await (await app.request('/api/templates')).json();
    expect(list.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining([
        'registry',
        'vpr_marks_canonical',
        'gia_participants',
        'fg_levels',
        'teacher_diag',
      ]),
    );
    const response = await app.request('/api/templates/fg_levels');
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toMatch(
      /Шаблон — ФГ уровни по ОО\.xlsx/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Данные', 'Инструкция']);
    expect(workbook.getWorksheet('Данные')!.getRow(1).getCell(4).value).toBe('Направление');
    // The template, filled as its example row shows, is a file the importer accepts.
    const sheetRows = workbook.getWorksheet('Данные')!.getRow(2).values as unknown[];
    expect(sheetRows.slice(1, 6)).toEqual([
      '2025/26',
      'sch470101',
      'Гимназия № 1',
      'Читательская грамотность',
      9,
    ]);
    expect((await app.request('/api/templates/nope')).status).toBe(404);
  });

  it('serves the flags with explanations, and previews a changed methodology without storing it', async () => {
    const flags = async () => (await (await app.request('/api/flags?year=2025')).json()).flags;
    const before = await flags();
    // СОШ № 1, ВПР mathematics 2024/25: 5 «2» of 10 in grade 5 and 1 of 12 in grade 4 (uploaded
    // above); one ШПУН procedure with the grades pooled: 6 of 22 = 27,3 %, under 30 % — no row.
    expect(before).toEqual([]);
    const { methodology, revision } = await (await app.request('/api/methodology')).json();
    expect(revision).toBeNull();
    const shnor = methodology.clusters['ШНОР'].versions[0];
    // The lower half of the district's schools, by place (the ranking of version 2026.1).
    Object.assign(shnor, DISTRICT_HALF);
    const preview = await app.request('/api/methodology/preview?year=2025', {
      method: 'POST',
      body: JSON.stringify(methodology),
    });
    // Of two ranked schools (Лесная ООШ has 4 pupils), the lower half is СОШ № 1.
    expect((await preview.json()).changes).toEqual([
      {
        year: 2025,
        school_id: 'sch000001',
        short_name: 'СОШ № 1',
        cluster: 'ШНОР',
        change: 'добавится',
      },
    ]);
    expect(await flags()).toEqual(before);

    shnor.percent = 80;
    const refused = await app.request('/api/methodology/preview', {
      method: 'POST',
      body: JSON.stringify(methodology),
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(
      /^Методика не прошла проверку: кластер ШНОР → версия правила № 1 → «Ширина группы»: ожидалось число не больше 50$/,
    );
  });

  it('saves a changed methodology as a new version that recomputes the flags, refusing bad or reused versions', async () => {
    const read = async () => (await app.request('/api/methodology')).json();
    const post = (body: unknown) =>
      app.request('/api/methodology', { method: 'POST', body: JSON.stringify(body) });
    const { methodology } = await read();
    const shnor = methodology.clusters['ШНОР'];
    shnor.versions.push({
      ...shnor.versions[0],
      ...DISTRICT_HALF,
      percent: 80,
      version: '2026.2-тест',
      isDefault: false,
      effectiveFrom: '2024/25',
    });
    methodology.version = '2026.2-тест';
    const invalid = await post(methodology);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toBe(
      'Методика не прошла проверку: кластер ШНОР → версия правила № 2 → «Ширина группы»: ожидалось число не больше 50',
    );
    expect((await read()).revisions).toEqual([]);

    Object.assign(shnor.versions[1], { percent: 50, consecutiveYears: 1 });
    const reused = await post({ ...methodology, version: '2026.2-по-умолчанию' });
    expect(reused.status).toBe(409);
    expect((await reused.json()).error).toMatch(/Версия методики «2026\.2-по-умолчанию» уже есть/);

    expect((await post(methodology)).status).toBe(200);
    const saved = await read();
    expect(saved.revision).toMatchObject({
      version: '2026.2-тест',
      saved_by: 'локальный пользователь',
    });
    expect(saved.methodology.clusters['ШНОР'].versions).toHaveLength(2);
    const flags = (await (await app.request('/api/flags?year=2025&cluster=ШНОР')).json()).flags;
    expect(flags).toMatchObject([
      { school_id: 'sch000001', triggered: true, rule_version: '2026.2-тест' },
    ]);
  });

  it('serves the model exports as JSON and as CSV, with the same numbers as the CLI', async () => {
    const list = await (await app.request('/api/exports')).json();
    expect(list.map((e: { name: string }) => e.name)).toContain('fg-targets');
    const json = await (await app.request('/api/exports/indicators?year=2025')).json();
    const level = json.columns.indexOf('level');
    const grade = json.columns.indexOf('grade');
    const district = json.rows.find(
      (r: unknown[]) => r[level] === 'район' && r[0] === 'ВПР' && r[grade] === 5,
    );
    expect(district[json.columns.indexOf('participants_count')]).toBe(104);
    const download = await app.request('/api/exports/indicators?year=2025&format=csv');
    expect(decodeURIComponent(download.headers.get('content-disposition')!)).toContain(
      "UTF-8''Выгрузка — Показатели ВПР, ОГЭ и ЕГЭ по школам, району, региону и РФ, 2024-25.csv",
    );
    const csv = await download.text();
    expect(csv).toContain('ВПР;2024/25;Математика;5;район;;;104;15;');
    expect((await app.request('/api/exports/nope')).status).toBe(404);
    const bad = await app.request('/api/exports/indicators?format=pdf');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Параметры выгрузки/);
  });
});
