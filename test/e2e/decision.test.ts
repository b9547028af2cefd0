/**
 * The draft распоряжение on the demo district's lists of 2025/26, read back from the files a user
 * gets: the DOCX's paragraphs and tables, the PDF's text and pages (saved as PNG in
 * test-results/briefings/ to look at), the API with its access and its Russian refusals, and
 * `npm run briefing -- --kind decision`. Every expected school, count and basis is written out by
 * hand from the demo's lists (data/generator/write-lists.ts, 2026): the region's letter of
 * 08.10.2025 № 19-40102/2025 gives ШФЗСОР 5, ШПУН 3, ШЛ 2 — eight schools; the committee's
 * распоряжение № 338 restates them. The road map of 2025/26 (write-roadmap.ts) is appendix 4.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordListDecision } from '../../analytics/list-decisions.ts';
import { makeDecision } from '../../briefing/generate.ts';
import type { BriefingOptions } from '../../contract/api/briefing-types.ts';
import type { DecisionFields } from '../../contract/decision.ts';
import { createApp } from '../../dashboard/server/app.ts';
import { testAccess } from '../helpers/app.ts';
import { TestClient } from '../helpers/client.ts';
import { storeCopy, type TempStore } from '../helpers/store.ts';
import { pdfPagesToPng, readDocx, readPdf, squash, type DocxContent } from './documents.ts';
import { SCREENSHOTS } from './server.ts';

const YEAR = 2026;
const BLANK = '__________';
const PAGES_DIR = join(SCREENSHOTS, '..', 'briefings');
const LETTER =
  'письмо комитета общего и профессионального образования Ленинградской области от 08.10.2025 № 19-40102/2025';

const FIELDS: DecisionFields = {
  committee: 'Комитет образования',
  date: '2025-10-13',
  number: '338',
  responsible: 'методиста МИМС Иванову И.И.',
  control: 'главного специалиста отдела развития Петрову П.П.',
  signerPosition: 'Председатель комитета',
};

const MKOU = 'Муниципальное казённое общеобразовательное учреждение';
const MBOU = 'Муниципальное бюджетное общеобразовательное учреждение';
/** The appendices' tables as the demo's registry names the schools, written out by hand. */
const RISK = [
  `${MKOU} «Берёзовская средняя общеобразовательная школа»`,
  `${MKOU} «Красноборская средняя общеобразовательная школа»`,
  `${MKOU} «Луговская средняя общеобразовательная школа»`,
  `${MBOU} «Средняя общеобразовательная школа № 5»`,
  `${MKOU} «Сосновская средняя общеобразовательная школа»`,
];
const FAILING = [
  `${MKOU} «Берёзовская средняя общеобразовательная школа»`,
  `${MKOU} «Луговская средняя общеобразовательная школа»`,
  `${MKOU} «Озёрная основная общеобразовательная школа»`,
];
const LEADERS = [`${MBOU} «Гимназия № 1»`, `${MBOU} «Лицей № 2»`];
const HEADER = ['№ п/п', 'Наименование образовательной организации', 'Кластеризация'];

/** A table as the reader gets it: the header, a numbered row per school, «Итого». */
const listTable = (names: string[], cluster: string) => [
  HEADER,
  ...names.map((name, i) => [`${i + 1}.`, name, cluster]),
  ['', `Итого: ${names.length} ОО`, ''],
];

/** The paragraphs after the one that is `start`, up to the next one `end` matches. */
function after(paragraphs: string[], start: string, end: RegExp): string[] {
  const from = paragraphs.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  const to = paragraphs.findIndex((p, i) => i > from && end.test(p));
  return paragraphs.slice(from + 1, to < 0 ? undefined : to);
}

let t: TempStore;
beforeAll(async () => {
  t = await storeCopy(inject('demoStore'));
});
afterAll(() => t.dispose());

describe('draft распоряжение, 2025/26, some fields filled', () => {
  let docx: DocxContent;

  beforeAll(async () => {
    const file = await makeDecision(t.store, YEAR, FIELDS, 'docx');
    expect(file.fileName).toBe('Распоряжение_списки_2025-26.docx');
    docx = await readDocx(file.data);
  });

  it('has the heading: the authority, «РАСПОРЯЖЕНИЕ», date and number, the title', () => {
    const start = docx.paragraphs.indexOf(BLANK);
    expect(docx.paragraphs.slice(start, start + 5)).toEqual([
      BLANK,
      'КОМИТЕТ ОБРАЗОВАНИЯ',
      'РАСПОРЯЖЕНИЕ',
      'от 13.10.2025 № 338',
      'Об утверждении списков школ для адресной поддержки и методического сопровождения на 2025-2026 учебный год',
    ]);
    expect(docx.paragraphs[0]).toBe(
      'Проект составлен по демонстрационным данным: школы и списки вымышлены, к реальным школам не относятся.',
    );
    // An official draft: no running head of the briefings.
    expect(docx.header).toBe('');
  });

  it('states the lists in the preamble and numbers the decisions, blanks where nothing was typed', () => {
    const body = after(docx.paragraphs, 'РАСПОРЯЖЕНИЕ', /^Приложение 1$/).slice(2);
    expect(body).toEqual([
      'В целях организации в 2025-2026 учебном году адресной поддержки и методического сопровождения школ, ' +
        'выявленных на основании списков региона, — всего 8 ОО, из них ' +
        'в списке школ, функционирующих в зоне риска снижения образовательных результатов обучающихся (ШФЗСОР) — 5 ОО; ' +
        'в списке школ, имеющих признаки учебной неуспешности (ШПУН) — 3 ОО; ' +
        'в списке школ со стабильно высокими образовательными результатами (ШЛ) — 2 ОО:',
      '1. Утвердить на 2025-2026 учебный год:',
      '1.1. Список школ, функционирующих в зоне риска снижения образовательных результатов обучающихся (ШФЗСОР) — в соответствии с приложением 1;',
      '1.2. Список школ, имеющих признаки учебной неуспешности (ШПУН) — в соответствии с приложением 2;',
      '1.3. Список школ со стабильно высокими образовательными результатами (ШЛ) — в соответствии с приложением 3;',
      '1.4. Муниципальную дорожную карту реализации мер по адресной поддержке и методическому сопровождению школ — в соответствии с приложением 4.',
      '2. Руководителям общеобразовательных организаций, включённых в списки (Берёзовская СОШ, Красноборская СОШ, Луговская СОШ, СОШ № 5, Сосновская СОШ, Озёрная ООШ, Гимназия № 1, Лицей № 2):',
      '2.1. Внести в план работы ОО на 2025-2026 учебный год мероприятия по адресной поддержке и методическому сопровождению.',
      `Срок — до ${BLANK}.`,
      '2.2. Обеспечить принятие управленческих решений по результатам реализации мероприятий.',
      'Срок — постоянно.',
      '3. Назначить ответственным за реализацию мер по адресной поддержке и методическому сопровождению школ, включённых в списки, в 2025-2026 учебном году методиста МИМС Иванову И.И.',
      '4. Контроль за исполнением настоящего распоряжения возложить на главного специалиста отдела развития Петрову П.П.',
      `Председатель комитета ${BLANK}`,
    ]);
  });

  it('has an appendix per cluster: full legal names, «Кластеризация», «Итого: N ОО», the basis', () => {
    expect(docx.tables.slice(0, 3)).toEqual([
      listTable(RISK, 'ШФЗСОР'),
      listTable(FAILING, 'ШПУН'),
      listTable(LEADERS, 'ШЛ'),
    ]);
    for (const [n, title, count] of [
      [
        1,
        'Список школ, функционирующих в зоне риска снижения образовательных результатов обучающихся (ШФЗСОР) на 2025-2026 учебный год',
        5,
      ],
      [2, 'Список школ, имеющих признаки учебной неуспешности (ШПУН) на 2025-2026 учебный год', 3],
      [
        3,
        'Список школ со стабильно высокими образовательными результатами (ШЛ) на 2025-2026 учебный год',
        2,
      ],
    ] as const) {
      const appendix = after(docx.paragraphs, `Приложение ${n}`, /^Приложение \d$/);
      expect(appendix.slice(0, 3)).toEqual(['к распоряжению', 'от 13.10.2025 № 338', title]);
      expect(appendix.slice(-2)).toEqual([
        'Основание списка:',
        `${LETTER} (список региона) — ${count} ОО`,
      ]);
    }
    expect(docx.paragraphs.join('\n')).not.toMatch(/undefined|null|NaN/);
  });

  it('appends the year’s road map in the seed’s layout: sections across the table, measures numbered', () => {
    // The demo's road map of 2025/26 (data/generator/write-roadmap.ts): 6 sections, 11 measures.
    expect(after(docx.paragraphs, 'Приложение 4', /^№ п\/п$/)).toEqual([
      'к распоряжению',
      'от 13.10.2025 № 338',
      'МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА',
      'реализации необходимых мер (мероприятий) по оказанию адресной поддержки и методического сопровождения школ на 2025-2026 учебный год',
    ]);
    const roadmap = docx.tables[3]!;
    expect(roadmap[0]).toEqual([
      '№ п/п',
      'Направления деятельности, наименование мероприятия (краткое содержание)',
      'Дата',
      'Ответственные исполнители на муниципальном уровне',
      'Ответственные исполнители на институциональном уровне',
      'Ожидаемые результаты',
      'Подтверждающий документ',
    ]);
    expect(roadmap.slice(4, 6)).toEqual([
      ['Повышение квалификации педагогических и руководящих работников школ'],
      [
        '3.',
        'Курсы повышения квалификации учителей русского языка',
        'Октябрь-ноябрь 2025 г',
        'Методист МИМС',
        'МБОУ «СОШ №5» МКОУ «Красноборская СОШ» МКОУ «Сосновская СОШ»',
        'Не менее 10 учителей прошли обучение',
        'Удостоверения, справка',
      ],
    ]);
    expect(roadmap.filter((row) => row.length === 1)).toHaveLength(6);
    expect(roadmap.filter((row) => row.length === 7).map((row) => row[0])).toEqual([
      '№ п/п',
      ...Array.from({ length: 11 }, (_, i) => `${i + 1}.`),
    ]);
  });
});

describe('draft распоряжение: nothing typed, and the committee’s additions', () => {
  let own: TempStore;
  beforeAll(async () => {
    own = await storeCopy(inject('demoStore'));
  });
  afterAll(() => own.dispose());

  it('prints every field as a line to fill', async () => {
    const { paragraphs } = await readDocx((await makeDecision(t.store, YEAR, {}, 'docx')).data);
    const start = paragraphs.indexOf('РАСПОРЯЖЕНИЕ');
    expect(paragraphs.slice(start - 2, start + 2)).toEqual([
      BLANK,
      BLANK,
      'РАСПОРЯЖЕНИЕ',
      `от ${BLANK} № ${BLANK}`,
    ]);
    expect(paragraphs).toContain(
      `3. Назначить ответственным за реализацию мер по адресной поддержке и методическому сопровождению школ, включённых в списки, в 2025-2026 учебном году ${BLANK}.`,
    );
    expect(paragraphs).toContain(
      `4. Контроль за исполнением настоящего распоряжения возложить на ${BLANK}.`,
    );
    expect(paragraphs).toContain(`${BLANK} ${BLANK}`);
    // the heading and the four appendices (three lists, the road map)
    expect(paragraphs.filter((p) => p === `от ${BLANK} № ${BLANK}`)).toHaveLength(5);
  });

  it('lists the committee’s additions with their reasons, a new cluster in the methodology’s order', async () => {
    // Заречная ООШ: not suggested by the computed flags for ШПУН; Луговская СОШ: suggested for ШНОР.
    const decisions = [
      {
        schoolId: 'sch470111',
        cluster: 'ШПУН',
        reason: 'доля «2» по математике выросла второй год подряд',
        basis: 'протокол совещания от 01.10.2025 № 7',
      },
      { schoolId: 'sch470112', cluster: 'ШНОР', reason: 'признак ШНОР по методике', basis: null },
    ];
    for (const d of decisions)
      expect(
        await recordListDecision(own.store, { ...d, year: YEAR, action: 'add', user: 'тест' }),
      ).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('.');
    const file = await makeDecision(own.store, YEAR, { deadline: '2025-10-20' }, 'docx');
    const { paragraphs, tables } = await readDocx(file.data);
    expect(tables.slice(0, 4)).toEqual([
      listTable(RISK, 'ШФЗСОР'),
      listTable([`${MKOU} «Луговская средняя общеобразовательная школа»`], 'ШНОР'),
      listTable(
        [
          `${MKOU} «Берёзовская средняя общеобразовательная школа»`,
          `${MKOU} «Заречная основная общеобразовательная школа»`,
          `${MKOU} «Луговская средняя общеобразовательная школа»`,
          `${MKOU} «Озёрная основная общеобразовательная школа»`,
        ],
        'ШПУН',
      ),
      listTable(LEADERS, 'ШЛ'),
    ]);
    expect(after(paragraphs, 'Приложение 2', /^Приложение 3$/)).toEqual([
      'к распоряжению',
      `от ${BLANK} № ${BLANK}`,
      'Список школ с низкими образовательными результатами (ШНОР) на 2025-2026 учебный год',
      ...tables[1]!.flat().filter(Boolean),
      'Основание списка:',
      `Луговская СОШ — включена по расчёту по методике решением комитета от ${today}; причина: признак ШНОР по методике`,
    ]);
    expect(after(paragraphs, 'Приложение 3', /^Приложение 4$/).slice(-3)).toEqual([
      'Основание списка:',
      `${LETTER} (список региона) — 3 ОО`,
      `Заречная ООШ — включена решением комитета от ${today} (протокол совещания от 01.10.2025 № 7); причина: доля «2» по математике выросла второй год подряд`,
    ]);
    expect(paragraphs).toContain(
      '1.2. Список школ с низкими образовательными результатами (ШНОР) — в соответствии с приложением 2;',
    );
    expect(paragraphs).toContain('Срок — до 20 октября 2025 года.');
    expect(paragraphs.find((p) => p.startsWith('В целях'))).toBe(
      'В целях организации в 2025-2026 учебном году адресной поддержки и методического сопровождения школ, ' +
        'выявленных на основании списков региона, решений комитета и расчёта по методике, — всего 9 ОО, из них ' +
        'в списке школ, функционирующих в зоне риска снижения образовательных результатов обучающихся (ШФЗСОР) — 5 ОО; ' +
        'в списке школ с низкими образовательными результатами (ШНОР) — 1 ОО; ' +
        'в списке школ, имеющих признаки учебной неуспешности (ШПУН) — 4 ОО; ' +
        'в списке школ со стабильно высокими образовательными результатами (ШЛ) — 2 ОО:',
    );
  });
});

describe('draft распоряжение as PDF', () => {
  it('prints the heading, the decisions and the appendices on A4, each appendix on its own page', async () => {
    const file = await makeDecision(t.store, YEAR, FIELDS, 'pdf');
    expect(file.fileName).toBe('Распоряжение_списки_2025-26.pdf');
    pdfPagesToPng(file.data, PAGES_DIR, 'decision');
    const pdf = readPdf(file.data);
    expect(pdf.pageSize).toMatch(/^594\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = pdf.pageTexts.map(squash);
    expect(pages[0]).toContain('КОМИТЕТ ОБРАЗОВАНИЯ');
    expect(pages[0]).toContain('РАСПОРЯЖЕНИЕ');
    expect(pages[0]).toContain('от 13.10.2025 № 338');
    // The body fits its first page or two; then one page per appendix.
    const appendixPages = pages.filter((p) => /^Приложение \d к распоряжению/.test(p));
    expect(appendixPages.map((p) => p.slice(0, 12))).toEqual([
      'Приложение 1',
      'Приложение 2',
      'Приложение 3',
      'Приложение 4',
    ]);
    expect(appendixPages[3]).toContain('МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА');
    expect(appendixPages[0]).toContain('Итого: 5 ОО');
    expect(appendixPages[1]).toContain('Итого: 3 ОО');
    expect(appendixPages[2]).toContain('Итого: 2 ОО');
    // pdftotext -layout sets a wrapped name's lines beside the row's other cells
    expect(appendixPages[2]).toContain('«Гимназия № 1»');
    expect(appendixPages[2]).toContain('«Лицей № 2»');
    pages.forEach((page, i) => expect(page).toContain(`Стр. ${i + 1} из ${pdf.pages}`));
  });
});

describe('GET /api/briefings/decision', () => {
  const PASSWORD = 'пароль-для-распоряжения';
  let dir: string;
  const clients = {} as Record<'analyst' | 'school', TestClient>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mko-decision-'));
    const access = testAccess(dir, { network: true });
    const app = createApp({ store: t.store, access });
    await access.users.add({ login: 'analyst', role: 'analyst', password: PASSWORD });
    await access.users.add({
      login: 'school',
      role: 'school',
      school: 'sch470110',
      password: PASSWORD,
    });
    for (const login of ['analyst', 'school'] as const) {
      clients[login] = new TestClient(app);
      expect((await clients[login].login(login, PASSWORD)).status).toBe(200);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('offers the years with a working list to staff, none to a school', async () => {
    const staff = (await (
      await clients.analyst.request('/api/briefings/options')
    ).json()) as BriefingOptions;
    expect(staff.listYears).toEqual([2026, 2025, 2024, 2023, 2022]);
    const school = (await (
      await clients.school.request('/api/briefings/options')
    ).json()) as BriefingOptions;
    expect(school.listYears).toEqual([]);
  });

  it('makes the DOCX with the fields of the query for staff; a school gets 403', async () => {
    const query = new URLSearchParams({
      year: '2026',
      format: 'docx',
      number: '338',
      date: '13.10.2025',
      signerName: 'С.С. Сидорова',
    });
    const response = await clients.analyst.request(`/api/briefings/decision?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Распоряжение_списки_2025-26.docx')}`,
    );
    const { paragraphs } = await readDocx(Buffer.from(await response.arrayBuffer()));
    expect(paragraphs).toContain('от 13.10.2025 № 338');
    expect(paragraphs).toContain(`${BLANK} С.С. Сидорова`);

    const refused = await clients.school.request(`/api/briefings/decision?${query}`);
    expect(refused.status).toBe(403);
  });

  it('refuses a date that is none and a year without a list, in Russian', async () => {
    const bad = await clients.analyst.request(
      '/api/briefings/decision?year=2026&format=docx&date=31.02.2025',
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error:
        'Проект распоряжения не сформирован. Поле «Дата распоряжения»: «31.02.2025» — не дата; ожидалась дата вида 19.10.2025.',
    });
    const none = await clients.analyst.request('/api/briefings/decision?year=2021&format=docx');
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({
      error:
        'На 2020/21 учебный год рабочего списка нет: загрузите списки региона или комитета либо добавьте школы в разделе «Кластеры по годам». Списки есть на: 2021/22, 2022/23, 2023/24, 2024/25, 2025/26.',
    });
  });
});

describe('npm run briefing -- --kind decision', () => {
  let dir: string;
  let dbPath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mko-decision-cli-'));
    dbPath = join(dir, 'demo.duckdb');
    copyFileSync(inject('demoStore'), dbPath);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const briefing = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'cli/briefing.ts', ...args], {
      env: { ...process.env, DB_PATH: dbPath },
      encoding: 'utf8',
    });

  it('writes the draft with the options as its fields', async () => {
    const out = join(dir, 'распоряжение.docx');
    const run = briefing(
      ...['--year', '2025/26', '--kind', 'decision', '--out', out],
      ...['--number', '338', '--date', '13.10.2025', '--control', 'Петрову П.П.'],
      ...['--signer-position', 'Председатель комитета', '--signer-name', 'С.С. Сидорова'],
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^Проект распоряжения записан: ${out} \\(\\d+ КБ, [\\d,]+ с\\)\\n$`),
    );
    const { paragraphs, tables } = await readDocx(readFileSync(out));
    expect(paragraphs).toContain('от 13.10.2025 № 338');
    expect(paragraphs).toContain(
      '4. Контроль за исполнением настоящего распоряжения возложить на Петрову П.П.',
    );
    expect(paragraphs).toContain('Председатель комитета С.С. Сидорова');
    expect(tables.slice(0, 3).map((table) => table.at(-1)![1])).toEqual([
      'Итого: 5 ОО',
      'Итого: 3 ОО',
      'Итого: 2 ОО',
    ]);
  });
});
