/**
 * The road map (issue 24, item 1): the seed's Приложение 1 typed into XLSX as it stands loads with
 * --year 2023/24 (sections, measures with their terms as written, page-break rows joined, whom each
 * measure serves) and exports back in the same layout with every measure under its section; a new
 * version replaces the imported measures and keeps their statuses; bad files leave the store as it was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportTable, toCsv, toXlsx } from '../../analytics/export.ts';
import { addRoadmapSheet, type RoadmapSheetRow } from '../../analytics/roadmap-workbook.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import type { FileReport } from '../../contract/imports/report.ts';
import { newWorkbook, writeXlsx, type CellValue } from '../../data/generator/files.ts';
import { importPaths } from '../../ingest/import.ts';
import type { ImportOptions } from '../../ingest/import-rows.ts';
import { readXlsx } from '../../ingest/read/xlsx.ts';
import { writeRegistryFile } from '../helpers/fixtures.ts';
import {
  SEED_ROADMAP_FIXTURE,
  SEED_ROADMAP_ROWS,
  SEED_ROADMAP_TITLE,
} from '../helpers/seed-roadmap.ts';
import { contentHash, tempStore, type TempStore } from '../helpers/store.ts';

const school = (id: string, full: string, short: string, alias = ''): CellValue[] => [
  id,
  `Муниципальное общеобразовательное учреждение «${full}»`,
  short,
  alias,
  'СОШ',
  'сельская',
];
/** The seed's district, with the short names its road map uses. */
const REGISTRY: CellValue[][] = [
  school(
    'sch1',
    'Путиловская основная общеобразовательная школа',
    'Путиловская ООШ',
    'МКОУ «ПООШ»',
  ),
  school('sch2', 'Отраденская СОШ № 3', 'Отраденская СОШ № 3', 'МБОУ «ОСШ №3»'),
  school('sch3', 'Шумская СОШ', 'Шумская СОШ'),
  school('sch4', 'Назиевская СОШ', 'Назиевская СОШ'),
  school('sch5', 'Суховская ООШ', 'Суховская ООШ'),
  school('sch6', 'Мгинская СОШ', 'Мгинская СОШ'),
  school('sch7', 'Отраденская СОШ № 2', 'Отраденская СОШ № 2', 'МКОУ «ОСШ №2»'),
  school('sch8', 'Синявинская СОШ', 'Синявинская СОШ'),
  school('sch9', 'Кировская гимназия', 'Кировская гимназия'),
  school('sch10', 'Лицей г. Отрадное', 'Лицей г. Отрадное'),
];

/** The six sections of the seed's road map with the terms of their measures, as written. */
const SEED_TERMS: [string, string[]][] = [
  [
    'Организационное обеспечение',
    ['Август-сентябрь 2023г', '15.09.', '15.08. 15.09.', '01.09. 31.10', '01.07. 30.11.'],
  ],
  [
    'Повышение квалификации',
    [
      'в течение учебного года в соответствии с планом',
      'для педагогов: 11.10 01.11 2023 года; для руководителей 14.11. 01.12. 2023 год',
      'В течение года',
    ],
  ],
  [
    'Информационно-консультативная поддержка',
    [
      'По графику КОиПО',
      '22.08.',
      'В течение года, по запросу',
      '05.10.',
      '10.10.',
      'Ноябрь-декабрь',
      'октябрь – ноябрь 2023 года',
    ],
  ],
  [
    'Распространение лучших практик',
    [
      'Сентябрь 2024',
      '12.10.',
      'Ноябрь 2023',
      'Ноябрь-декабрь 2023',
      'Декабрь 2023',
      'Январь 2023',
      'Март 2023',
    ],
  ],
  [
    'Методические семинары',
    ['Ноябрь 2024', 'декабрь 2024', 'Апрель 2024', 'Май 2024', 'В течение года', 'В течение года'],
  ],
  [
    'Формирование и организация работы партнёрских пар',
    ['Октябрь 2023 г', 'В течение года', 'В течение года', 'декабрь 2023', 'сентябрь 2023'],
  ],
];

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir, REGISTRY)]);
});
afterEach(() => t.dispose());

const importOne = async (path: string, options: ImportOptions = {}) =>
  (await importPaths(t.store, [path], options))[0]!;
const texts = (report: FileReport, severity: 'error' | 'warning' = 'error') =>
  report.problems
    .filter((p) => p.severity === severity)
    .map((p) => describeProblem(p))
    .join('\n');

let fileNumber = 0;
async function roadmapFile(rows: RoadmapSheetRow[], title = SEED_ROADMAP_TITLE): Promise<string> {
  const path = join(t.dir, `дорожная карта ${++fileNumber}.xlsx`);
  const workbook = newWorkbook();
  addRoadmapSheet(workbook, 'Приложение 1', title, rows);
  await writeXlsx(path, workbook);
  return path;
}

interface StoredMeasure {
  section: string;
  position: number;
  title: string;
  term: string | null;
  deadline: string | null;
  serves: string;
  serves_cluster: string | null;
  serves_schools: string[] | null;
  status: string;
  status_on: string | null;
  status_note: string | null;
  batch_id: number | null;
}
const measures = () =>
  t.store.all<StoredMeasure>(
    `SELECT section, position, title, term, strftime(deadline, '%Y-%m-%d') AS deadline, serves,
            serves_cluster, serves_schools, status, strftime(status_on, '%Y-%m-%d') AS status_on,
            status_note, batch_id
     FROM roadmap_measure ORDER BY year, position, measure_id`,
  );

/** Sections → the terms of their measures, sections named by how their heading starts. */
function termsBySection(rows: { section: string; term: string | null }[]): [string, string[]][] {
  const sections: [string, string[]][] = [];
  for (const row of rows) {
    const name = SEED_TERMS.map(([start]) => start).find((s) => row.section.startsWith(s))!;
    if (sections.at(-1)?.[0] !== name) sections.push([name, []]);
    sections.at(-1)![1].push(row.term ?? '');
  }
  return sections;
}

describe('the seed road map', () => {
  it('loads with --year 2023/24: six sections, 33 measures, terms as written, page breaks joined', async () => {
    const report = await importOne(SEED_ROADMAP_FIXTURE, { year: '2023/24' });
    expect(texts(report)).toBe('');
    expect(report.outcome).toBe('loaded');
    expect(report.dataset).toBe('roadmap');
    expect(report.rows).toBe(33);
    expect(report.years).toEqual([2024]);
    expect(report.summary).toBe('загружено мероприятий: 33 в разделах: 6');
    const stored = await measures();
    expect(termsBySection(stored)).toEqual(SEED_TERMS);
    expect(stored.map((m) => m.position)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
    // 14 rows the page breaks left, each joined to the measure above with a warning naming both.
    const joined = report.problems.filter((p) => /объединены в одно мероприятие/.test(p.message!));
    expect(joined).toHaveLength(14);
    expect(describeProblem(joined[0]!, false)).toBe(
      'лист «Приложение 1», строка 10; строка без номера продолжает текст мероприятия строки 9 (разрыв страницы): строки 9 и 10 объединены в одно мероприятие',
    );
    expect(stored[0]!.title).toBe(
      'Мониторинг эффективности принятых мер (повторного измерения показателей) в общеобразовательных организациях, включенных в реализацию регионального проекта «Повышение качества образования в школах с низким результатом обучения и в школах, функционирующих в неблагоприятных социальных условиях», с целью выявления проблемных областей для дальнейшей проработки',
    );
    // The row holding only «МБОУ «Шлиссельбургска я СОШ № 1»» continues «Творческая лаборатория».
    expect(stored[20]!.title).toBe(
      'Творческая лаборатория «Эффективно работаем на ИКОП «Сферум» на базе центра «Точка роста».',
    );
  });

  it('reads deadlines from the terms and warns of those outside the school year', async () => {
    const report = await importOne(SEED_ROADMAP_FIXTURE, { year: '2023/24' });
    const stored = await measures();
    const deadline = (term: string) => stored.find((m) => m.term === term)!.deadline;
    expect(deadline('Август-сентябрь 2023г')).toBe('2023-09-30');
    expect(deadline('15.08. 15.09.')).toBe('2023-09-15');
    expect(deadline('Ноябрь-декабрь')).toBe('2023-12-31');
    expect(deadline('По графику КОиПО')).toBeNull();
    expect(deadline('Январь 2023')).toBe('2023-01-31');
    const outside = report.problems.filter((p) => /вне 2023\/24 учебного года/.test(p.message!));
    expect(outside.map((p) => p.value)).toEqual([
      'Сентябрь 2024',
      'Январь 2023',
      'Март 2023',
      'Ноябрь 2024',
      'декабрь 2024',
    ]);
    expect(describeProblem(outside[1]!, false)).toBe(
      'лист «Приложение 1», строка 41, столбец «Дата»; значение «Январь 2023»; срок 31.01.2023 вне 2023/24 учебного года (01.09.2023–31.08.2024): срок загружен как написан, проверьте год',
    );
  });

  it('names whom each measure serves: registry schools, one cluster, or the whole list', async () => {
    const report = await importOne(SEED_ROADMAP_FIXTURE, { year: '2023/24' });
    const stored = await measures();
    const serves = (start: string) => {
      const m = stored.find((s) => s.title.startsWith(start))!;
      return [m.serves, m.serves_cluster, m.serves_schools];
    };
    // «Руководители школьных команд МКОУ «Шумская СОШ» МБОУ «ОСШ №3» …» across a page break.
    expect(serves('Консультации на платформе')).toEqual([
      'schools',
      null,
      ['sch3', 'sch2', 'sch1', 'sch4', 'sch5', 'sch6', 'sch7', 'sch8', 'sch9', 'sch10'],
    ]);
    expect(serves('Установочное совещание по сетевому')).toEqual([
      'schools',
      null,
      ['sch3', 'sch2', 'sch1', 'sch4', 'sch7', 'sch6', 'sch8'],
    ]);
    expect(texts(report, 'warning')).toContain(
      'в реестре ОО нет школ «МКОУ «Суховская СОШ»», «МКОУ «Приладожская СОШ»», «МБОУ «Шлиссельбургская СОШ №1»»: мероприятие отнесено к найденным школам',
    );
    expect(serves('Сопровождение ШФСОР')).toEqual(['cluster', 'ШФЗСОР', null]);
    expect(serves('Организация и сопровождение участия')).toEqual(['cluster', 'ШЛ', null]);
    // ШФСОР, ШЛ and ШФЗР together: more than one cluster, so the whole list.
    expect(serves('Подготовка муниципальной дорожной карты')).toEqual(['list', null, null]);
    expect(serves('Педагогическая студия')).toEqual(['list', null, null]);
    // Positions 4, 5, 9, 10, 13, 14 and 29 (12 names its schools).
    expect(stored.filter((m) => m.serves === 'cluster').map((m) => m.position)).toEqual([
      4, 5, 9, 10, 13, 14, 29,
    ]);
  });

  it('exports back in the same layout: every measure under its section, statuses on the right', async () => {
    await importOne(SEED_ROADMAP_FIXTURE, { year: '2023/24' });
    await t.store.run(
      `UPDATE roadmap_measure SET status = 'выполнено', status_on = DATE '2023-09-15',
         status_note = 'проведено' WHERE term = '15.09.'`,
    );
    const table = await exportTable(t.store, 'roadmap', { year: 2024 });
    const path = join(t.dir, 'выгрузка.xlsx');
    const bytes = await toXlsx(table, 'roadmap');
    const [sheet] = await readXlsx(bytes);
    expect(sheet!.name).toBe('Дорожная карта 2023-24');
    expect(sheet!.rows[1]![0]).toBe('на 2023-2024 учебный год');
    const header = sheet!.rows[3]!;
    expect(header).toEqual([
      '№ п/п',
      'Направления деятельности, наименование мероприятия (краткое содержание)',
      'Дата',
      'Ответственные исполнители на муниципальном уровне',
      'Ответственные исполнители на институциональном уровне',
      'Ожидаемые результаты',
      'Подтверждающий документ',
      'Статус',
      'Дата статуса',
      'Отметка',
    ]);
    const done = sheet!.rows.find((r) => r[2] === '15.09.')!;
    expect(done.slice(7)).toEqual(['выполнено', '15.09.2023', 'проведено']);
    // Read back: sections → measure titles and terms, as stored.
    const sections: [string, [string, string][]][] = [];
    for (const row of sheet!.rows.slice(4)) {
      const cells = row.filter((c) => c !== null);
      if (new Set(cells).size === 1 && cells.length === 10) sections.push([String(cells[0]), []]);
      else sections.at(-1)![1].push([String(row[1]), String(row[2])]);
    }
    const stored = await measures();
    const expected: [string, [string, string][]][] = [];
    for (const m of stored) {
      if (expected.at(-1)?.[0] !== m.section) expected.push([m.section, []]);
      expected.at(-1)![1].push([m.title, m.term ?? '']);
    }
    expect(sections).toEqual(expected);
    expect(
      termsBySection(sections.flatMap(([s, ms]) => ms.map(([, term]) => ({ section: s, term })))),
    ).toEqual(SEED_TERMS);
    // The exported file loads again as the same road map: its title names the year.
    writeFileSync(path, bytes);
    const again = await importOne(path);
    expect(texts(again)).toBe('');
    expect(again.outcome).toBe('replaced');
    // The file's «Статус» columns give every measure its status: the marked one stays done.
    expect(again.summary).toBe(
      'загружено мероприятий: 33 в разделах: 6; прежняя редакция заменена (мероприятий в ней: 33); статус, его дата и отметка перенесены у совпавших по разделу и названию: 0; статус указан в файле: 33',
    );
    const reloaded = await measures();
    expect(
      reloaded
        .filter((m) => m.status !== 'запланировано')
        .map((m) => [m.term, m.status, m.status_on, m.status_note]),
    ).toEqual([['15.09.', 'выполнено', '2023-09-15', 'проведено']]);
    expect(termsBySection(await measures())).toEqual(SEED_TERMS);
  });

  it('CSV is a flat table with the section as a column', async () => {
    await importOne(SEED_ROADMAP_FIXTURE, { year: '2023/24' });
    const csv = toCsv(await exportTable(t.store, 'roadmap', { year: 2024 })).split('\r\n');
    expect(csv[0]).toBe(
      '\ufeffУчебный год;Раздел (направление деятельности);№ п/п;Наименование мероприятия;Дата (как в дорожной карте);Срок (последняя названная дата);Ответственные исполнители на муниципальном уровне;Ответственные исполнители на институциональном уровне;Ожидаемые результаты;Подтверждающий документ;Кому адресовано;Статус;Дата статуса;Отметка',
    );
    expect(csv[2]).toMatch(
      /^2023\/24;Организационное обеспечение .*;;Совещание на платформе ИКОП «Сферум» специалистов КО и МИМС, отвечающих за данное направление работы\.;15\.09\.;15\.09\.2023;/,
    );
    const school = await exportTable(t.store, 'roadmap', { school: 'sch5' });
    // A school's own export names only itself among the schools a measure serves.
    expect(school.rows.map((r) => r[10])).toEqual(['школы: Суховская ООШ']);
  });
});

describe('a new version of the road map', () => {
  const rows: RoadmapSheetRow[] = [
    { section: 'Организационное обеспечение' },
    [
      '1.',
      'Совещание руководителей ШФЗСОР',
      '15.09.',
      'МИМС',
      'Руководители ОО',
      'План',
      'Протокол',
    ],
    ['2.', 'Подготовка дорожной карты', 'Октябрь 2023 г', 'КО', null, null, 'Распоряжение'],
    { section: 'Методические семинары' },
    [
      '3.',
      'Семинар «Школьный климат»',
      'Май 2024',
      'МИМС',
      'Проектные команды ОО',
      null,
      'Справка',
    ],
  ];

  it('replaces the imported measures, keeps statuses of the same section and title, and page measures', async () => {
    expect((await importOne(await roadmapFile(rows), { year: '2023/24' })).outcome).toBe('loaded');
    await t.store.run(
      `UPDATE roadmap_measure SET status = 'выполнено', status_on = DATE '2023-09-15',
         status_note = 'протокол № 1' WHERE title = 'Совещание руководителей ШФЗСОР'`,
    );
    await t.store.run(
      `UPDATE roadmap_measure SET status = 'перенесено', status_on = DATE '2023-10-20'
       WHERE title = 'Подготовка дорожной карты'`,
    );
    await t.store.run(
      `INSERT INTO roadmap_measure (year, section, position, title, updated_by, updated_at)
       VALUES (2024, 'Методические семинары', 10, 'Семинар, добавленный на странице', 'методист', now()::TIMESTAMP)`,
    );
    const second: RoadmapSheetRow[] = [
      { section: 'Организационное  обеспечение' },
      [
        '1.',
        'Совещание руководителей  ШФЗСОР.',
        '20.09.',
        'МИМС',
        'Руководители ОО',
        'План',
        'Протокол',
      ],
      ['2.', 'Подготовка муниципальной дорожной карты', 'Октябрь 2023 г', 'КО', null, null, null],
      { section: 'Методические семинары' },
      ['3.', 'Семинар «Школьный климат»', 'Май 2024', 'МИМС', null, null, 'Справка'],
    ];
    const report = await importOne(await roadmapFile(second), { year: '2023/24' });
    expect(texts(report)).toBe('');
    expect(report.outcome).toBe('replaced');
    expect(report.summary).toBe(
      'загружено мероприятий: 3 в разделах: 2; прежняя редакция заменена (мероприятий в ней: 3); статус, его дата и отметка перенесены у совпавших по разделу и названию: 1; мероприятия, добавленные на странице, сохранены: 1',
    );
    const stored = await measures();
    expect(stored.map((m) => [m.title, m.term, m.status, m.status_on, m.status_note])).toEqual([
      // Spaces are folded as the file is read; the title matched the first version's anyway.
      ['Совещание руководителей ШФЗСОР.', '20.09.', 'выполнено', '2023-09-15', 'протокол № 1'],
      ['Подготовка муниципальной дорожной карты', 'Октябрь 2023 г', 'запланировано', null, null],
      ['Семинар «Школьный климат»', 'Май 2024', 'запланировано', null, null],
      ['Семинар, добавленный на странице', null, 'запланировано', null, null],
    ]);
    expect(stored[0]!.section).toBe('Организационное обеспечение');
    // The first version's batch left the history with its measures.
    const batches = await t.store.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM import_batch WHERE dataset = 'roadmap'`,
    );
    expect(batches).toEqual([{ n: 1 }]);
    // The same file again changes nothing.
    expect(
      (await importOne(join(t.dir, `дорожная карта ${fileNumber}.xlsx`), { year: '2023/24' }))
        .outcome,
    ).toBe('unchanged');
  });
});

describe('a road map the reader refuses, leaving the store as it was', () => {
  const untitled = [SEED_ROADMAP_TITLE[3]!];

  it('without a year: neither given nor in the title', async () => {
    const before = await contentHash(t.store);
    const report = await importOne(await roadmapFile(SEED_ROADMAP_ROWS, untitled));
    expect(report.outcome).toBe('rejected');
    expect(texts(report)).toBe(
      `файл «дорожная карта ${fileNumber}.xlsx», лист «Приложение 1», строка 3; не указан учебный год дорожной карты: в заголовке над таблицей учебный год не назван. Укажите год при загрузке: в командной строке — npm run import -- <файл> --year 2023/24, на странице «Загрузка данных» — в поле «Учебный год списка»; или допишите год в заголовок («в 2023-2024 уч. году»)`,
    );
    expect(await contentHash(t.store)).toBe(before);
  });

  it('takes the year from the title when none is given', async () => {
    const report = await importOne(SEED_ROADMAP_FIXTURE);
    expect(report.outcome).toBe('loaded');
    expect(report.years).toEqual([2024]);
  });

  it('a year that does not read', async () => {
    const report = await importOne(SEED_ROADMAP_FIXTURE, { year: '2023/2025' });
    expect(report.outcome).toBe('rejected');
    expect(texts(report)).toContain('учебный год, указанный при загрузке, не распознан');
  });

  it('a measure without a title', async () => {
    const before = await contentHash(t.store);
    const rows: RoadmapSheetRow[] = [
      { section: 'Организационное обеспечение' },
      ['1.', 'Совещание', '15.09.', 'МИМС', null, null, null],
      ['2.', null, 'Октябрь 2023 г', 'КО', null, null, null],
    ];
    const report = await importOne(await roadmapFile(rows), { year: '2023/24' });
    expect(report.outcome).toBe('rejected');
    expect(texts(report)).toBe(
      `файл «дорожная карта ${fileNumber}.xlsx», лист «Приложение 1», строка 10, столбец «Направления деятельности, наименование мероприятия (краткое содержание)»; значение «(пусто)»; ожидалось: наименование мероприятия № 2.: у строки есть срок «Октябрь 2023 г», но нет мероприятия`,
    );
    expect(await contentHash(t.store)).toBe(before);
  });

  it('a status that is not one of the four, and a status date that does not read', async () => {
    const before = await contentHash(t.store);
    const path = join(t.dir, 'статусы.xlsx');
    const workbook = newWorkbook();
    addRoadmapSheet(
      workbook,
      'Приложение 1',
      SEED_ROADMAP_TITLE,
      [
        { section: 'Организационное обеспечение' },
        ['1.', 'Совещание', '15.09.', 'МИМС', null, null, null, 'сделано', null, null],
        ['2.', 'Семинар', 'Май 2024', 'МИМС', null, null, null, 'Выполнено', '31.05.24', null],
        [
          '3.',
          'Круглый стол',
          'Май 2024',
          'МИМС',
          null,
          null,
          null,
          'Выполнено',
          '30.05.2024',
          'ок',
        ],
      ],
      true,
    );
    await writeXlsx(path, workbook);
    const report = await importOne(path, { year: '2023/24' });
    expect(report.outcome).toBe('rejected');
    expect(texts(report).split('\n')).toEqual([
      'файл «статусы.xlsx», лист «Приложение 1», строка 9, столбец «Статус»; значение «сделано»; ожидалось: статус: запланировано, выполнено, перенесено, не выполнено',
      'файл «статусы.xlsx», лист «Приложение 1», строка 10, столбец «Дата статуса»; значение «31.05.24»; ожидалось: дата ДД.ММ.ГГГГ, например 15.03.2025',
    ]);
    expect(await contentHash(t.store)).toBe(before);
  });

  it('no measures under the header', async () => {
    const before = await contentHash(t.store);
    const report = await importOne(
      await roadmapFile([{ section: 'Организационное обеспечение' }]),
      {
        year: '2023/24',
      },
    );
    expect(report.outcome).toBe('rejected');
    expect(texts(report)).toContain(
      'под шапкой дорожной карты нет ни одного мероприятия: ожидались строки разделов и мероприятий',
    );
    expect(texts(report, 'warning')).toContain(
      'строка 8; значение «Организационное обеспечение»; строка прочитана как заголовок раздела, но под ней нет ни одного мероприятия',
    );
    expect(await contentHash(t.store)).toBe(before);
  });
});

describe('rows a page break leaves', () => {
  it('skips, with a warning, the header a new page repeats and the row numbering the columns', async () => {
    const rows: RoadmapSheetRow[] = [
      [1, 2, 3, 4, 5, 6, 7],
      { section: 'Организационное обеспечение' },
      ['1.', 'Совещание', '15.09.', 'МИМС', null, null, null],
      [
        '№ п/п',
        'Направления деятельности Наименование мероприятия (краткое содержание)',
        'Дата',
        null,
        null,
        null,
        null,
      ],
      ['2.', 'Семинар', 'Май 2024', 'МИМС', null, null, null],
    ];
    const report = await importOne(await roadmapFile(rows), { year: '2023/24' });
    expect(report.outcome).toBe('loaded');
    expect(report.problems.map((p) => [p.row, p.message])).toEqual([
      [
        8,
        'строка повторяет шапку таблицы или нумерует её столбцы (так бывает на новой странице): пропущена',
      ],
      [
        11,
        'строка повторяет шапку таблицы или нумерует её столбцы (так бывает на новой странице): пропущена',
      ],
    ]);
    expect((await measures()).map((m) => [m.section, m.title])).toEqual([
      ['Организационное обеспечение', 'Совещание'],
      ['Организационное обеспечение', 'Семинар'],
    ]);
  });
});
