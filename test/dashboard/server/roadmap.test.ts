/**
 * The road map's routes on a small store: the registry, the region's ШНОР lists (Лесная ООШ in
 * 2024/25 and 2025/26, СОШ № 1 in 2024/25 only) and a road map typed in directly (the file reader
 * is another module's). 2024/25 (year 2025) in the document's order:
 *   «Повышение квалификации…»
 *     1. Курсы для учителей математики — «15.08. – 15.09.» (15.09.2024), the whole list,
 *        запланировано, imported: overdue;
 *     2. Семинар для руководителей — «в течение года» (no deadline), cluster ШНОР, выполнено 10.03.2025;
 *   «Мониторинг эффективности принятых мер»
 *     3. Повторное измерение — «Май 2025 г» (31.05.2025), СОШ № 1, перенесено: overdue;
 *     4. Анализ ВПР — «01.10.2099», Гимназия № 3, запланировано, added on the page: not overdue.
 * 2025/26 (year 2026): one measure for the whole list. So 2024/25: 4 measures, 2 planned, 1 done,
 * 1 moved, 0 not done, 2 overdue (deadlines of 2024–2025 are past, 2099 is not, whatever today).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import { useApp } from '../../helpers/app.ts';
import { TestClient } from '../../helpers/client.ts';
import { writeRegistryFile } from '../../helpers/fixtures.ts';
import type { RoadmapPage, SchoolRoadmap } from '../../../contract/api/roadmap-types.ts';
import { today } from '../../../dashboard/server/routes/roadmap.ts';

const PASSWORD = 'пароль-дорожной-карты-1';
const SKILLS = 'Повышение квалификации педагогических и руководящих работников школ';
const EFFECT = 'Мониторинг эффективности принятых мер';

async function writeFiles(dir: string): Promise<string[]> {
  const lists = join(dir, 'списки.csv');
  writeCsv(lists, [
    ['Учебный год', 'Наименование ОО', 'Кластер'],
    ['2024/25', 'Лесная ООШ', 'ШНОР'],
    ['2024/25', 'СОШ № 1', 'ШНОР'],
    ['2025/26', 'Лесная ООШ', 'ШНОР'],
  ]);
  return [await writeRegistryFile(dir), lists];
}

const app = useApp(writeFiles, { network: true });

beforeAll(async () => {
  await app.store.run(`
    INSERT INTO roadmap_measure (year, section, position, number, title, term, deadline,
      responsible_municipal, responsible_school, expected_result, confirming_document, serves,
      serves_cluster, serves_schools, status, status_on, status_note, batch_id, source_row,
      updated_at)
    VALUES
      (2025, '${SKILLS}', 1, '1.1', 'Курсы для учителей математики', '15.08. – 15.09.',
       DATE '2024-09-15', 'МИМС', 'директор', 'учителя прошли курсы', 'удостоверения', 'list',
       NULL, NULL, 'запланировано', NULL, NULL, 1, 5, TIMESTAMP '2024-08-01 10:00:00'),
      (2025, '${SKILLS}', 2, '1.2', 'Семинар для руководителей', 'в течение года', NULL,
       'МИМС', NULL, NULL, NULL, 'cluster', 'ШНОР', NULL, 'выполнено', DATE '2025-03-10',
       'провели', 1, 6, TIMESTAMP '2024-08-01 10:00:00'),
      (2025, '${EFFECT}', 3, '2.1', 'Повторное измерение', 'Май 2025 г', DATE '2025-05-31',
       'МИМС', NULL, NULL, NULL, 'schools', NULL, ['sch000001'], 'перенесено',
       DATE '2025-05-20', 'на июнь', 1, 8, TIMESTAMP '2024-08-01 10:00:00'),
      (2025, '${EFFECT}', 4, NULL, 'Анализ ВПР', '01.10.2099', DATE '2099-10-01', NULL, NULL,
       NULL, NULL, 'schools', NULL, ['sch000003'], 'запланировано', NULL, NULL, NULL, NULL,
       TIMESTAMP '2024-08-01 10:00:00'),
      (2026, '${SKILLS}', 1, '1', 'Курсы 2025/26', 'сентябрь', DATE '2025-09-30', NULL, NULL,
       NULL, NULL, 'list', NULL, NULL, 'запланировано', NULL, NULL, 2, 3,
       TIMESTAMP '2025-08-01 10:00:00')`);
});

async function signedIn(login: string, role: 'admin' | 'analyst' | 'school', school?: string) {
  if (!app.access.users.find(login))
    await app.access.users.add({ login, role, password: PASSWORD, ...(school ? { school } : {}) });
  const client = new TestClient(app.app);
  expect((await client.login(login, PASSWORD)).status).toBe(200);
  return client;
}

const json = <T>(response: Response | Promise<Response>) =>
  Promise.resolve(response).then((r) => r.json() as Promise<T>);
const send = (client: TestClient, method: string, path: string, body?: unknown) =>
  client.request(path, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const roadmap = (client: TestClient, year = 2025) =>
  json<RoadmapPage>(client.request(`/api/roadmap?year=${year}`));
const measureCount = async () =>
  (await app.store.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM roadmap_measure'))!.n;
const roadmapAudit = () =>
  app.access.audit.read({ action: 'roadmap' }).entries.map((e) => [e.user, e.outcome, e.detail]);

const NEW_MEASURE = {
  year: 2025,
  section: SKILLS,
  title: 'Стажировка в школе-наставнике',
  term: 'Октябрь 2024 г',
  responsible_municipal: 'МИМС',
  responsible_school: 'заместитель директора',
  expected_result: 'опыт перенят',
  confirming_document: 'отчёт',
  serves: 'cluster',
  serves_cluster: 'ШНОР',
};

describe('reading', () => {
  it('gives staff the year in the document’s order with its summary', async () => {
    const analyst = await signedIn('analyst', 'analyst');
    const page = await roadmap(analyst);
    expect(page.years).toEqual([2025, 2026]);
    expect(page.today).toBe(today());
    expect(page.sections).toEqual([SKILLS, EFFECT]);
    expect(
      page.measures.map((m) => [m.number, m.title, m.deadline, m.status, m.overdue, m.imported]),
    ).toEqual([
      ['1.1', 'Курсы для учителей математики', '2024-09-15', 'запланировано', true, true],
      ['1.2', 'Семинар для руководителей', null, 'выполнено', false, true],
      ['2.1', 'Повторное измерение', '2025-05-31', 'перенесено', true, true],
      [null, 'Анализ ВПР', '2099-10-01', 'запланировано', false, false],
    ]);
    expect(page.measures[2]!.serves_schools).toEqual([
      { school_id: 'sch000001', short_name: 'СОШ № 1' },
    ]);
    expect(page.summary).toEqual({
      total: 4,
      planned: 2,
      done: 1,
      moved: 1,
      not_done: 0,
      overdue: 2,
    });
    // The methodology's clusters (the non-objectivity mark among them) and the list's ШНОР.
    expect(page.choices!.clusters.map((c) => c.cluster)).toEqual([
      'Необъективность',
      'ШЛ',
      'ШНОР',
      'ШПУН',
      'ШФЗСОР',
    ]);
    expect(page.choices!.schools.map((s) => s.short_name)).toEqual([
      'Гимназия № 3',
      'Лесная ООШ',
      'СОШ № 1',
    ]);
    // Without a year: the latest.
    const latest = await json<RoadmapPage>(analyst.request('/api/roadmap'));
    expect([latest.year, latest.measures.map((m) => m.title)]).toEqual([2026, ['Курсы 2025/26']]);
    expect(await json(analyst.request('/api/roadmap/years'))).toEqual([2025, 2026]);
  });

  it('names the measures serving a school: named, its cluster, the list while it is on it', async () => {
    const analyst = await signedIn('analyst', 'analyst');
    // СОШ № 1: on the ШНОР list in 2024/25 only — 1.1 (list), 1.2 (ШНОР), 2.1 (named).
    const first = await json<SchoolRoadmap>(analyst.request('/api/schools/sch000001/roadmap'));
    expect(first.measures.map((m) => `${m.year} ${m.title}`)).toEqual([
      '2025 Курсы для учителей математики',
      '2025 Семинар для руководителей',
      '2025 Повторное измерение',
    ]);
    // Гимназия № 3: on no list — only the measure naming it.
    const gymnasium = await json<SchoolRoadmap>(analyst.request('/api/schools/sch000003/roadmap'));
    expect(gymnasium.measures.map((m) => m.title)).toEqual(['Анализ ВПР']);
    expect(gymnasium.measures[0]!.serves_schools).toEqual([
      { school_id: 'sch000003', short_name: 'Гимназия № 3' },
    ]);
  });

  it('shows a school user only the measures serving its school, and no writing', async () => {
    const school = await signedIn('les', 'school', 'sch000002');
    const page = await roadmap(school);
    // Лесная ООШ is on the ШНОР list of 2024/25: the list's and the cluster's measures.
    expect(page.measures.map((m) => m.title)).toEqual([
      'Курсы для учителей математики',
      'Семинар для руководителей',
    ]);
    expect(page.summary).toMatchObject({ total: 2, done: 1, overdue: 1 });
    expect(page.choices).toBeNull();
    const own = await json<SchoolRoadmap>(school.request('/api/schools/sch000002/roadmap'));
    expect(own.measures.map((m) => `${m.year} ${m.title}`)).toEqual([
      '2026 Курсы 2025/26',
      '2025 Курсы для учителей математики',
      '2025 Семинар для руководителей',
    ]);
    expect((await school.request('/api/schools/sch000001/roadmap')).status).toBe(403);
    const before = await measureCount();
    expect((await school.post('/api/roadmap', NEW_MEASURE)).status).toBe(403);
    expect((await school.post('/api/roadmap/1/status', { status: 'выполнено' })).status).toBe(403);
    expect((await send(school, 'DELETE', '/api/roadmap/4')).status).toBe(403);
    expect(await measureCount()).toBe(before);
  });
});

describe('changes', () => {
  it('refuses bad input with a Russian message and stores nothing', async () => {
    const analyst = await signedIn('analyst', 'analyst');
    const before = await measureCount();
    const refused = async (body: unknown, path = '/api/roadmap', method = 'POST') => {
      const response = await send(analyst, method, path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      return ((await response.json()) as { error: string }).error;
    };
    expect(await refused({ ...NEW_MEASURE, title: '  ' })).toBe(
      'Укажите наименование мероприятия.',
    );
    expect(await refused({ ...NEW_MEASURE, serves_cluster: null })).toBe(
      'Мероприятие для кластера: укажите кластер.',
    );
    expect(await refused({ ...NEW_MEASURE, serves: 'schools', serves_schools: [] })).toBe(
      'Мероприятие для школ: укажите хотя бы одну школу из реестра.',
    );
    expect(
      await refused({ ...NEW_MEASURE, serves: 'schools', serves_schools: ['sch999999'] }),
    ).toBe('Школы не найдены в реестре: sch999999.');
    expect(await refused({ ...NEW_MEASURE, serves_cluster: 'ШЗЗ' })).toBe(
      'Кластер «ШЗЗ» не найден ни в методике, ни в рабочем списке.',
    );
    expect(await refused({ ...NEW_MEASURE, year: 1999 })).toBe(
      'Учебный год — год его окончания, от 2000 до 2100 (2024 для 2023/24).',
    );
    expect(await refused({ status: 'сделано' }, '/api/roadmap/1/status')).toBe(
      'Статус — один из: запланировано, выполнено, перенесено, не выполнено.',
    );
    expect(await refused({ status: 'выполнено', on: '2025-02-30' }, '/api/roadmap/1/status')).toBe(
      'Такой даты нет в календаре.',
    );
    // 2024/25 runs from 01.01.2024 to 31.12.2025, with the months around it.
    expect(await refused({ status: 'выполнено', on: '2023-12-31' }, '/api/roadmap/1/status')).toBe(
      'Дата 31.12.2023 вне 2024/25 учебного года: укажите дату с 01.01.2024 по 31.12.2025.',
    );
    expect(await refused({ ...NEW_MEASURE, title: '' }, '/api/roadmap/1', 'PUT')).toBe(
      'Укажите наименование мероприятия.',
    );
    // Without the page's token nothing is written either.
    const noToken = await analyst.post('/api/roadmap', NEW_MEASURE, {
      'x-csrf-token': 'not-the-token',
    });
    expect([noToken.status, (await noToken.json()).code]).toEqual([403, 'csrf']);
    expect(await measureCount()).toBe(before);
    const page = await roadmap(analyst);
    expect(page.measures[0]).toMatchObject({ status: 'запланировано', status_on: null });
    expect(roadmapAudit()).toEqual([]);
  });

  it('adds, edits, marks and deletes a measure, each change in the audit log', async () => {
    const analyst = await signedIn('metodist', 'analyst');
    const added = await analyst.post('/api/roadmap', NEW_MEASURE);
    expect(added.status).toBe(201);
    const { measure_id: id } = (await added.json()) as { measure_id: number };
    // At the end of its section, before the next section; the deadline parsed from the term.
    let page = await roadmap(analyst);
    expect(page.measures.map((m) => m.title)).toEqual([
      'Курсы для учителей математики',
      'Семинар для руководителей',
      'Стажировка в школе-наставнике',
      'Повторное измерение',
      'Анализ ВПР',
    ]);
    expect(page.measures[2]).toMatchObject({
      measure_id: id,
      section: SKILLS,
      deadline: '2024-10-31',
      serves: 'cluster',
      serves_cluster: 'ШНОР',
      serves_schools: [],
      status: 'запланировано',
      imported: false,
      overdue: true,
      updated_by: 'metodist',
    });
    expect(page.summary).toMatchObject({ total: 5, planned: 3, overdue: 3 });

    // Edited: a new term (deadline follows), and named schools instead of the cluster.
    const edited = await send(analyst, 'PUT', `/api/roadmap/${id}`, {
      ...NEW_MEASURE,
      term: '15.08. – 15.09.',
      serves: 'schools',
      serves_schools: ['sch000002', 'sch000001'],
    });
    expect(edited.status).toBe(200);
    page = await roadmap(analyst);
    expect(page.measures[2]).toMatchObject({
      term: '15.08. – 15.09.',
      deadline: '2024-09-15',
      serves: 'schools',
      serves_cluster: null,
      serves_schools: [
        { school_id: 'sch000002', short_name: 'Лесная ООШ' },
        { school_id: 'sch000001', short_name: 'СОШ № 1' },
      ],
    });

    // Marked done on a day, with a note.
    const done = await analyst.post(`/api/roadmap/${id}/status`, {
      status: 'выполнено',
      on: '2025-06-20',
      note: 'стажировка проведена',
    });
    expect(done.status).toBe(200);
    page = await roadmap(analyst);
    expect(page.measures[2]).toMatchObject({
      status: 'выполнено',
      status_on: '2025-06-20',
      status_note: 'стажировка проведена',
      overdue: false,
    });
    expect(page.summary).toEqual({
      total: 5,
      planned: 2,
      done: 2,
      moved: 1,
      not_done: 0,
      overdue: 2,
    });

    // An imported measure is changed, not deleted; one added on the page is deleted.
    const imported = await send(analyst, 'DELETE', '/api/roadmap/1');
    expect(imported.status).toBe(409);
    expect((await imported.json()).error).toBe(
      'Мероприятие загружено из файла дорожной карты: его можно изменить или отметить, но не удалить.',
    );
    expect((await send(analyst, 'DELETE', `/api/roadmap/${id}`)).status).toBe(200);
    expect((await send(analyst, 'DELETE', `/api/roadmap/${id}`)).status).toBe(404);
    expect((await roadmap(analyst)).measures.map((m) => m.title)).toEqual([
      'Курсы для учителей математики',
      'Семинар для руководителей',
      'Повторное измерение',
      'Анализ ВПР',
    ]);

    expect(roadmapAudit().reverse()).toEqual([
      [
        'metodist',
        'ok',
        `Мероприятие дорожной карты добавлено: «Стажировка в школе-наставнике» (2024/25), № записи ${id}, раздел «${SKILLS}», срок «Октябрь 2024 г», кому: кластер ШНОР`,
      ],
      [
        'metodist',
        'ok',
        `Мероприятие дорожной карты изменено: «Стажировка в школе-наставнике» (2024/25): срок «Октябрь 2024 г» → «15.08. – 15.09.»; кому: кластер ШНОР → школы sch000002, sch000001`,
      ],
      [
        'metodist',
        'ok',
        `Мероприятие дорожной карты отмечено выполненным: «Стажировка в школе-наставнике» (2024/25), 20.06.2025 — стажировка проведена (было: запланировано)`,
      ],
      [
        'metodist',
        'failed',
        'Мероприятие дорожной карты удалено: «Курсы для учителей математики» (2024/25), № записи 1 — отказано: Мероприятие загружено из файла дорожной карты: его можно изменить или отметить, но не удалить.',
      ],
      [
        'metodist',
        'ok',
        `Мероприятие дорожной карты удалено: «Стажировка в школе-наставнике» (2024/25), № записи ${id}`,
      ],
    ]);
  });

  it('marks a measure of the current school year done today when no date is given', async () => {
    const analyst = await signedIn('analyst', 'analyst');
    const [y, m, d] = today().split('-').map(Number) as [number, number, number];
    const current = m >= 9 ? y + 1 : y;
    const added = await analyst.post('/api/roadmap', {
      year: current,
      section: '',
      title: 'Совещание с директорами',
      term: 'в течение года',
      serves: 'list',
    });
    const { measure_id: id } = (await added.json()) as { measure_id: number };
    expect((await analyst.post(`/api/roadmap/${id}/status`, { status: 'выполнено' })).status).toBe(
      200,
    );
    const page = await roadmap(analyst, current);
    expect(page.measures).toMatchObject([
      // «в течение года»: by the end of the school year
      {
        title: 'Совещание с директорами',
        deadline: `${current}-08-31`,
        status: 'выполнено',
        status_on: today(),
      },
    ]);
    expect(roadmapAudit()[0]![2]).toBe(
      `Мероприятие дорожной карты отмечено выполненным: «Совещание с директорами» (${current - 1}/${String(current).slice(2)}), ${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y} (было: запланировано)`,
    );
  });

  it('lets the administrator change an imported measure and move it to another status', async () => {
    const admin = await signedIn('admin', 'admin');
    const moved = await admin.post('/api/roadmap/1/status', {
      status: 'перенесено',
      on: '2024-09-10',
      note: 'курсы перенесены на октябрь',
    });
    expect(moved.status).toBe(200);
    const edited = await send(admin, 'PUT', '/api/roadmap/1', {
      section: EFFECT,
      number: '1.1',
      title: 'Курсы для учителей математики',
      term: 'Октябрь 2024 г',
      responsible_municipal: 'МИМС',
      responsible_school: 'директор',
      expected_result: 'учителя прошли курсы',
      confirming_document: 'удостоверения',
      serves: 'list',
    });
    expect(edited.status).toBe(200);
    const page = await roadmap(admin);
    // Moved to the end of its new section; still imported, still «перенесено».
    expect(page.measures.map((m) => m.title)).toEqual([
      'Семинар для руководителей',
      'Повторное измерение',
      'Анализ ВПР',
      'Курсы для учителей математики',
    ]);
    expect(page.measures[3]).toMatchObject({
      section: EFFECT,
      deadline: '2024-10-31',
      status: 'перенесено',
      status_on: '2024-09-10',
      imported: true,
    });
    expect(roadmapAudit().slice(0, 2)).toEqual([
      [
        'admin',
        'ok',
        `Мероприятие дорожной карты изменено: «Курсы для учителей математики» (2024/25): раздел «${SKILLS}» → «${EFFECT}»; срок «15.08. – 15.09.» → «Октябрь 2024 г»`,
      ],
      [
        'admin',
        'ok',
        'Мероприятие дорожной карты отмечено перенесённым: «Курсы для учителей математики» (2024/25), 10.09.2024 — курсы перенесены на октябрь (было: запланировано)',
      ],
    ]);
  });
});
