/**
 * Import of the sources beyond ВПР marks: ОГЭ/ЕГЭ, grading scales, ФГ, teacher diagnostics,
 * network pairs, official cluster lists, custom tables; --create-schools; limits; dry runs.
 * Every bad input is rejected with a Russian message and leaves the store unchanged.
 */
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCsv, type CellValue } from '../../data/generator/files.ts';
import { importPaths } from '../../ingest/import.ts';
import { type ImportOptions } from '../../ingest/import-rows.ts';
import { type FileReport } from '../../contract/imports/report.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import { headerSignature, saveMapping } from '../../ingest/custom/mapping.ts';
import { checkZipSize } from '../../ingest/read/zip-guard.ts';
import { teacherKey } from '../../ingest/teacher-key.ts';
import { contentHash, storeText, tempStore, type TempStore } from '../helpers/store.ts';
import { VPR_TASK_HEADER, writeRegistryFile } from '../helpers/fixtures.ts';

const SALT = 'тестовый-ключ';
let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir)]);
});
afterEach(() => t.dispose());

let fileNumber = 0;
function csv(rows: CellValue[][], name = `файл-${++fileNumber}.csv`): string {
  const path = join(t.dir, name);
  writeCsv(path, rows);
  return path;
}

const options: ImportOptions = { teacherSalt: SALT };
const importOne = async (path: string, extra: ImportOptions = {}) =>
  (await importPaths(t.store, [path], { ...options, ...extra }))[0]!;
const texts = (report: FileReport, severity: 'error' | 'warning' = 'error') =>
  report.problems
    .filter((p) => p.severity === severity)
    .map((p) => describeProblem(p))
    .join('\n');

async function expectRejected(path: string, ...messages: RegExp[]): Promise<FileReport> {
  const before = await contentHash(t.store);
  const report = await importOne(path);
  expect(report.outcome).toBe('rejected');
  for (const message of messages) expect(texts(report)).toMatch(message);
  expect(await contentHash(t.store)).toBe(before);
  return report;
}

const OGE_HEADER = [
  'Учебный год',
  'Логин ОО',
  'Код участника',
  'ФИО участника',
  'Предмет',
  'Первичный балл',
  'Отметка',
];

describe('ОГЭ per participant', () => {
  it('stores codes and scores, never the ФИО column, and infers the exam', async () => {
    const report = await importOne(
      csv([
        OGE_HEADER,
        ['2024/25', 'sch000001', '1001', 'Иванов Иван Иванович', 'Математика', 7, 2],
        ['2024/25', 'sch000001', '1002', 'Петрова Анна Сергеевна', 'Математика', 22, 5],
        ['2024/25', 'sch000003', '3001', 'Сидоров Пётр Олегович', 'Русский язык', 'X', 3],
      ]),
    );
    expect(texts(report)).toBe('');
    expect(report.outcome).toBe('loaded');
    expect(texts(report, 'warning')).toMatch(/«ФИО участника».*не загружаются/);
    expect(texts(report, 'warning')).toMatch(/экзамен определён как ОГЭ/);
    const rows = await t.store.all(
      'SELECT exam, subject, school_id, participant_code, primary_score, mark FROM raw_gia_participant ORDER BY participant_code',
    );
    expect(rows).toEqual([
      {
        exam: 'ОГЭ',
        subject: 'Математика',
        school_id: 'sch000001',
        participant_code: '1001',
        primary_score: 7,
        mark: 2,
      },
      {
        exam: 'ОГЭ',
        subject: 'Математика',
        school_id: 'sch000001',
        participant_code: '1002',
        primary_score: 22,
        mark: 5,
      },
      {
        exam: 'ОГЭ',
        subject: 'Русский язык',
        school_id: 'sch000003',
        participant_code: '3001',
        primary_score: null,
        mark: 3,
      },
    ]);
    const text = await storeText(t.store);
    for (const name of ['Иванов', 'Петрова', 'Сидоров']) expect(text).not.toContain(name);
  });

  it('warns when a mark disagrees with the scale (extra conditions may apply)', async () => {
    // Default ОГЭ mathematics scale: «3» from 8, «4» from 15, «5» from 22.
    const report = await importOne(
      csv([OGE_HEADER, ['2024/25', 'sch000001', '1001', '', 'Математика', 16, 3]]),
    );
    expect(report.outcome).toBe('loaded');
    expect(texts(report, 'warning')).toMatch(/первичному баллу 16 соответствует отметка «4»/);
  });

  it('rejects a primary score above the scale maximum', () =>
    expectRejected(
      csv([OGE_HEADER, ['2024/25', 'sch000001', '1001', '', 'Математика', 32, 5]]),
      /строка 2, столбец «Первичный балл»; значение «32»; ожидалось: первичный балл от 0 до 31 \(шкала ОГЭ 2025 г\., «Математика»\)/,
    ));

  it('rejects an unknown subject, a mark outside 2–5, a row with no result and a repeated code', () =>
    expectRejected(
      csv([
        OGE_HEADER,
        ['2024/25', 'sch000001', '1001', '', 'Астрология', 10, 3],
        ['2024/25', 'sch000001', '1002', '', 'Математика', 10, 6],
        ['2024/25', 'sch000001', '1003', '', 'Математика', '', ''],
        ['2024/25', 'sch000001', '1004', '', 'Математика', 10, 3],
        ['2024/25', 'sch000001', '1004', '', 'Математика', 11, 3],
      ]),
      /строка 2, столбец «Предмет»; значение «Астрология»; ожидалось: предмет ГИА/,
      /строка 3, столбец «Отметка»; значение «6»; ожидалось: отметка 2, 3, 4 или 5/,
      /строка 4; ожидалось: первичный балл, тестовый балл или отметка участника/,
      /строка 6; строка повторяет строку 5/,
    ));

  it('uses a loaded grading scale instead of the default', async () => {
    await importOne(
      csv([
        [
          'Процедура',
          'Учебный год',
          'Предмет',
          'Класс',
          'Максимальный первичный балл',
          'Отметка «3» от',
          'Отметка «4» от',
          'Отметка «5» от',
        ],
        ['ОГЭ', '2024/25', 'Математика', 9, 32, 8, 15, 22],
      ]),
    );
    const report = await importOne(
      csv([OGE_HEADER, ['2024/25', 'sch000001', '1001', '', 'Математика', 32, 5]]),
    );
    expect(texts(report)).toBe('');
    expect(report.outcome).toBe('loaded');
  });

  it('rejects a scale whose bounds do not increase', () =>
    expectRejected(
      csv([
        [
          'Процедура',
          'Учебный год',
          'Предмет',
          'Максимальный первичный балл',
          '«3» от',
          '«4» от',
          '«5» от',
        ],
        ['ОГЭ', '2024/25', 'Математика', 31, 15, 8, 22],
      ]),
      /столбец ««3» от»; значение «15 \/ 8 \/ 22»; ожидалось: возрастающие границы не больше максимального балла \(31\)/,
    ));
});

const EGE_HEADER = [
  'Учебный год',
  'Наименование ОО',
  'Предмет',
  'Кол-во участников',
  'Средний тестовый балл',
  'Не преодолели минимальный порог',
  'Набрали 81–99 баллов',
  'Набрали 100 баллов',
];

describe('ВПР task results (canonical template)', () => {
  it('stores one row per school × task, as the ФИС ОКО report is stored', async () => {
    const report = await importOne(
      csv([
        VPR_TASK_HEADER,
        ['2025/26', 'sch000001', 5, 'Математика', '1', 1, 'Б', 40, '72,5'],
        ['2025/26', 'sch000001', 5, 'Математика', '9.1', 2, 'п', 40, 31],
        ['2025/26', 'sch000003', 5, 'Математика', '1', 1, '', 12, 58.33],
      ]),
    );
    expect(texts(report)).toBe('');
    expect(report).toMatchObject({
      outcome: 'loaded',
      format: 'ВПР: выполнение заданий по ОО (шаблон)',
      rows: 3,
    });
    const rows = await t.store.all(
      `SELECT year, subject, grade, school_id, level, participants, task, max_score, difficulty, completion_pct
       FROM raw_vpr_tasks ORDER BY school_id, task`,
    );
    expect(rows).toEqual([
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        school_id: 'sch000001',
        level: 'school',
        participants: 40,
        task: '1',
        max_score: 1,
        difficulty: 'Б',
        completion_pct: 72.5,
      },
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        school_id: 'sch000001',
        level: 'school',
        participants: 40,
        task: '9.1',
        max_score: 2,
        difficulty: 'П',
        completion_pct: 31,
      },
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        school_id: 'sch000003',
        level: 'school',
        participants: 12,
        task: '1',
        max_score: 1,
        difficulty: null,
        completion_pct: 58.33,
      },
    ]);
  });

  it('rejects bad cells and repeated tasks, naming the row, column, value and what was expected', async () => {
    await expectRejected(
      csv([
        VPR_TASK_HEADER,
        ['2025/26', 'sch000001', 5, 'Математика', '1', 0, 'Б', 40, 50],
        ['2025/26', 'sch000001', 5, 'Математика', '2', 1, 'С', 40, 50],
        ['2025/26', 'sch000001', 5, 'Математика', '3', 1, 'Б', 40, 101],
        ['2025/26', 'sch000001', 5, 'Математика', '', 1, 'Б', 40, 50],
        ['2025/26', 'sch000001', 5, 'Математика', '4', 1, 'Б', 0, 50],
        ['2025/26', 'sch000001', 5, 'Математика', '5', 1, 'Б', 40, 50],
        ['2025/26', 'sch000001', 5, 'Математика', '5', 1, 'Б', 40, 60],
      ]),
      /строка 2, столбец «Макс\. балл»; значение «0»; ожидалось: целое число не меньше 1/,
      /строка 3, столбец «Уровень сложности»; значение «С»; ожидалось: Б, П или В \(или пусто\)/,
      /строка 4, столбец «Выполнение, %»; значение «101»; ожидалось: число от 0 до 100/,
      /строка 5, столбец «Задание»; значение «\(пусто\)»; ожидалось: непустой текст/,
      /строка 6, столбец «Кол-во участников»; значение «0»; ожидалось: целое число не меньше 1/,
      /строка 8; строка повторяет строку 7 \(учебный год, ОО, предмет, класс и задание\)/,
    );
  });
});

describe('ЕГЭ per school', () => {
  it('stores the aggregates as given, matching schools by name', async () => {
    const report = await importOne(
      csv([EGE_HEADER, ['2025', 'МБОУ «Гимназия №3»', 'Русский язык', 41, '74,5', 0, 12, 1]]),
    );
    expect(texts(report)).toBe('');
    expect(
      await t.store.all(
        'SELECT exam, school_id, participants, mean_score, n_81_99, n_100 FROM raw_gia_school',
      ),
    ).toEqual([
      {
        exam: 'ЕГЭ',
        school_id: 'sch000003',
        participants: 41,
        mean_score: 74.5,
        n_81_99: 12,
        n_100: 1,
      },
    ]);
  });

  it('rejects groups larger than the participants and a mean above 100', () =>
    expectRejected(
      csv([
        EGE_HEADER,
        ['2025', 'Гимназия № 3', 'Русский язык', 10, 70, 3, 8, 1],
        ['2025', 'Гимназия № 3', 'Обществознание', 10, 170, 0, 0, 0],
      ]),
      /строка 2, столбец «Кол-во участников»; значение «10»; ожидалось: не меньше суммы групп по баллам \(12\)/,
      /строка 3, столбец «Средний тестовый балл»; значение «170»; ожидалось: балл от 0 до 100/,
    ));
});

const FG_HEADER = ['Учебный год', 'Логин ОО', 'Направление', 'Класс', 'Кол-во участников'];

describe('ФГ', () => {
  it('maps a four-level scale to the canonical levels and keeps the raw labels', async () => {
    const report = await importOne(
      csv([
        [...FG_HEADER, 'Пониженный', 'Базовый', 'Повышенный', 'Высокий'],
        ['2025/26', 'sch000001', 'читательская', 9, 20, 3, 10, 5, 2],
      ]),
    );
    expect(texts(report)).toBe('');
    expect(
      await t.store.all(
        'SELECT direction, level_raw, level, pupils FROM raw_fg_levels ORDER BY pupils',
      ),
    ).toEqual([
      { direction: 'Читательская грамотность', level_raw: 'Высокий', level: 'высокий', pupils: 2 },
      {
        direction: 'Читательская грамотность',
        level_raw: 'Пониженный',
        level: 'низкий',
        pupils: 3,
      },
      {
        direction: 'Читательская грамотность',
        level_raw: 'Повышенный',
        level: 'повышенный',
        pupils: 5,
      },
      { direction: 'Читательская грамотность', level_raw: 'Базовый', level: 'средний', pupils: 10 },
    ]);
  });

  it('rejects counts that do not add up and an unknown direction', () =>
    expectRejected(
      csv([
        [...FG_HEADER, 'Недостаточный', 'Низкий', 'Средний', 'Повышенный', 'Высокий'],
        ['2025/26', 'sch000001', 'Читательская грамотность', 9, 21, 1, 2, 10, 5, 2],
        ['2025/26', 'sch000001', 'Кулинарная грамотность', 9, 20, 1, 2, 10, 5, 2],
      ]),
      /строка 2, столбец «Кол-во участников»; значение «21»; ожидалось: сумма по уровням \(20\) равна числу участников/,
      /строка 3, столбец «Направление»; значение «Кулинарная грамотность»; ожидалось: направление ФГ/,
    ));

  it('reads per-participant results: the level from the % score when no level is given', async () => {
    const header = [
      'Учебный год',
      'Логин ОО',
      'Код участника',
      'Направление',
      'Класс',
      'Результат, %',
      'Уровень',
    ];
    const report = await importOne(
      csv([
        header,
        ['2025/26', 'sch000002', 'a1', 'МГ', 6, 62, ''],
        ['2025/26', 'sch000002', 'a2', 'МГ', 6, '', 'ниже базового'],
      ]),
    );
    expect(texts(report)).toBe('');
    expect(
      await t.store.all(
        'SELECT participant_code, score_pct, level_raw, level FROM raw_fg_participant ORDER BY 1',
      ),
    ).toEqual([
      { participant_code: 'a1', score_pct: 62, level_raw: null, level: 'повышенный' },
      {
        participant_code: 'a2',
        score_pct: null,
        level_raw: 'ниже базового',
        level: 'недостаточный',
      },
    ]);
    await expectRejected(
      csv([header, ['2025/26', 'sch000002', 'a3', 'МГ', 6, '', 'отличный']]),
      /столбец «Уровень»; значение «отличный»; ожидалось: уровень: недостаточный/,
    );
  });
});

const TEACHER_HEADER = [
  'Учебный год',
  'Логин ОО',
  'ФИО педагога',
  'Предмет',
  'Область компетенций',
  'Результат, %',
  'Уровень затруднений',
];

describe('teacher diagnostics', () => {
  it('keeps a salted key instead of the name, the same across years', async () => {
    const report = await importOne(
      csv([
        TEACHER_HEADER,
        [
          '2024/25',
          'sch000001',
          'Кузнецова Ольга Ивановна',
          'Математика',
          'Методическая',
          48,
          'высокий уровень затруднений',
        ],
        ['2025/26', 'sch000001', 'Кузнецова  Ольга Ивановна', 'Математика', 'Методическая', 72, ''],
      ]),
    );
    expect(texts(report)).toBe('');
    const rows = await t.store.all<{
      teacher_key: string;
      level: string;
      level_raw: string | null;
    }>('SELECT teacher_key, level, level_raw FROM raw_teacher_diag ORDER BY year');
    const key = teacherKey(SALT, 'sch000001', 'Кузнецова Ольга Ивановна');
    expect(rows).toEqual([
      { teacher_key: key, level: 'высокий', level_raw: 'высокий уровень затруднений' },
      // No level given: 72 % is «низкий» by the default bounds (70–85 %).
      { teacher_key: key, level: 'низкий', level_raw: null },
    ]);
    expect(teacherKey('другой ключ', 'sch000001', 'Кузнецова Ольга Ивановна')).not.toBe(key);
    expect(await storeText(t.store)).not.toContain('Кузнецова');
  });

  it('rejects a row with neither score nor level and an unknown level', () =>
    expectRejected(
      csv([
        TEACHER_HEADER,
        ['2025/26', 'sch000001', 'Педагог 1', 'Математика', 'Предметная', '', ''],
        ['2025/26', 'sch000001', 'Педагог 2', 'Математика', 'Предметная', 50, 'ужасный'],
      ]),
      /строка 2; ожидалось: результат в процентах или уровень затруднений/,
      /строка 3, столбец «Уровень затруднений»; значение «ужасный»/,
    ));
});

describe('network pairs and official cluster lists', () => {
  it('stores pairs and lists, schools given as «(login) name» or a name', async () => {
    await importOne(
      csv([
        ['Учебный год', 'ОО-наставник', 'Подшефная ОО', 'Форма взаимодействия'],
        ['2025/26', '(sch000003) Гимназия № 3', 'Лесная ООШ', 'наставничество'],
      ]),
    );
    await importOne(
      csv([
        ['Учебный год', 'Наименование ОО', 'Кластер'],
        ['2025/26', 'Лесная ООШ', 'ШНОР'],
        ['2025/26', 'Первая школа', 'ШНОР'],
      ]),
    );
    expect(
      await t.store.all('SELECT mentor_school_id, mentee_school_id, kind FROM raw_network_pair'),
    ).toEqual([
      { mentor_school_id: 'sch000003', mentee_school_id: 'sch000002', kind: 'наставничество' },
    ]);
    expect(
      await t.store.all('SELECT school_id, cluster FROM raw_official_cluster ORDER BY 1'),
    ).toEqual([
      { school_id: 'sch000001', cluster: 'ШНОР' },
      { school_id: 'sch000002', cluster: 'ШНОР' },
    ]);
  });

  it('rejects a school paired with itself and an unknown school, naming the closest', () =>
    expectRejected(
      csv([
        ['Учебный год', 'ОО-наставник', 'Подшефная ОО'],
        ['2025/26', 'Гимназия № 3', 'Гимназия № 3'],
        ['2025/26', 'Гимназия № 4', 'Лесная ООШ'],
      ]),
      /строка 2, столбец «Подшефная ОО»; значение «sch000003»; ожидалось: другая школа/,
      /строка 3, столбец «ОО-наставник»; значение «Гимназия № 4»; ожидалось: школа из реестра ОО; ближайшие по написанию: Гимназия № 3 \(sch000003\)/,
    ));
});

describe('school cells', () => {
  it('a lone cell may hold the login', async () => {
    const report = await importOne(
      csv([
        ['Учебный год', 'Наименование ОО', 'Кластер'],
        ['2025/26', 'SCH000002', 'ШНОР'],
      ]),
    );
    expect(texts(report)).toBe('');
    expect(await t.store.all('SELECT school_id FROM raw_official_cluster')).toEqual([
      { school_id: 'sch000002' },
    ]);
  });

  it('a name two registry schools share matches neither', async () => {
    await importOne(
      await writeRegistryFile(
        t.dir,
        [['sch000004', 'МКОУ «Лесная ООШ»', 'Лесная ООШ', '', 'ООШ', 'сельская']],
        'вторая лесная.xlsx',
      ),
    );
    await expectRejected(
      csv([
        ['Учебный год', 'Наименование ОО', 'Кластер'],
        ['2025/26', 'Лесная ООШ', 'ШНОР'],
      ]),
      /значение «Лесная ООШ»; ожидалось: логин ФИС ОКО: так названы несколько школ реестра \(Лесная ООШ \(sch000002\); Лесная ООШ \(sch000004\)\)$/m,
    );
  });

  it('a ВПР table without its «Класс» column is not taken for ОГЭ results', async () => {
    const report = await importOne(
      csv([
        [
          'Учебный год',
          'Логин ОО',
          'Предмет',
          'Кол-во участников',
          'Кол-во «2»',
          'Кол-во «3»',
          'Кол-во «4»',
          'Кол-во «5»',
        ],
        ['2025/26', 'sch000001', 'Математика', 10, 1, 2, 3, 4],
      ]),
    );
    expect(report.outcome).toBe('rejected');
    expect(report.unrecognised).toBe(true);
  });
});

describe('creating registry entries from a file', () => {
  const rows = [
    ['Учебный год', 'Наименование ОО', 'Кластер'],
    ['2025/26', 'Новая школа', 'ШЛ'],
  ];

  it('is an error without --create-schools and an explicit step with it', async () => {
    await expectRejected(
      csv(rows),
      /значение «Новая школа»; ожидалось: школа из реестра ОО.*--create-schools/,
    );
    const checked = await importOne(csv(rows), { createSchools: true, dryRun: true });
    expect(checked.outcome).toBe('checked');
    expect(texts(checked, 'warning')).toMatch(/школы нет в реестре: будет добавлена/);
    const report = await importOne(csv(rows), { createSchools: true });
    expect(report.outcome).toBe('loaded');
    const [school] = await t.store.all<{ school_id: string; school_type: string }>(
      "SELECT school_id, school_type FROM school WHERE short_name = 'Новая школа'",
    );
    expect(school!.school_type).toBe('не указан');
    expect(await t.store.all('SELECT school_id FROM raw_official_cluster')).toEqual([
      { school_id: school!.school_id },
    ]);
  });
});

describe('custom per-school tables', () => {
  const header = ['Школа', 'Период', 'Охват допобразованием, %', 'Число призёров олимпиад'];

  it('are read with the saved mapping; every way of writing a year is understood', async () => {
    const path = csv([
      ['Показатели района'],
      header,
      ['СОШ № 1', '2023/24', '81,5', 3],
      ['Гимназия № 3', '2024', 90, 12],
      ['Лесная ООШ', '2023-2024', 40, 'X'],
      ['СОШ № 1', '2024/2025', '83', 4],
    ]);
    const unknown = await importOne(path);
    expect(unknown.unrecognised).toBe(true);
    expect(texts(unknown)).toMatch(/задайте сопоставление столбцов/);
    await saveMapping(
      t.store,
      {
        signature: headerSignature(header),
        setName: 'Показатели района',
        schoolColumn: 'Школа',
        yearColumn: 'Период',
        indicators: [
          { column: 'Охват допобразованием, %', name: 'Охват дополнительным образованием, %' },
          { column: 'Число призёров олимпиад', name: 'Призёры олимпиад' },
        ],
      },
      'тест',
    );
    const report = await importOne(path);
    expect(texts(report)).toBe('');
    expect(report.outcome).toBe('loaded');
    const rows = await t.store.all(
      "SELECT year, school_id, value FROM raw_custom_indicator WHERE indicator = 'Призёры олимпиад' ORDER BY school_id, year",
    );
    expect(rows).toEqual([
      { year: 2024, school_id: 'sch000001', value: 3 },
      { year: 2025, school_id: 'sch000001', value: 4 },
      { year: 2024, school_id: 'sch000002', value: null },
      { year: 2024, school_id: 'sch000003', value: 12 },
    ]);
    expect((await importOne(path)).outcome).toBe('unchanged');
    await expectRejected(
      csv([header, ['СОШ № 1', '2025/26', 'много', 3]]),
      /столбец «Охват допобразованием, %»; значение «много»; ожидалось: число/,
    );
  });
});

describe('limits and dry runs', () => {
  it('rejects a file with more rows than allowed', async () => {
    const report = await importOne(
      csv([
        ['Учебный год', 'Наименование ОО', 'Кластер'],
        ...Array(20).fill(['2025/26', 'СОШ № 1', 'ШЛ']),
      ]),
      { maxRows: 10 },
    );
    expect(report.outcome).toBe('rejected');
    expect(texts(report)).toMatch(/значение «21 строк»; ожидалось: не больше 10 строк в файле/);
  });

  it('refuses an archive that would unpack beyond the limit (zip bomb)', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', '0'.repeat(5_000_000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(100_000);
    expect(() => checkZipSize(bytes, 1_000_000)).toThrow(
      /после распаковки файл занял бы больше 1 МБ/,
    );
    expect(() => checkZipSize(bytes, 10_000_000)).not.toThrow();
    // An archive that lies about its sizes is measured by what it really unpacks to.
    const lying = bytes.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true);
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 100, true);
    }
    expect(() => checkZipSize(lying, 1_000_000)).toThrow(/больше 1 МБ/);
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const path = csv([
      ['Учебный год', 'Наименование ОО', 'Кластер'],
      ['2025/26', 'СОШ № 1', 'ШЛ'],
    ]);
    const before = await contentHash(t.store);
    const checked = await importOne(path, { dryRun: true });
    expect(checked).toMatchObject({ outcome: 'checked', planned: 'loaded', rows: 1 });
    expect(await contentHash(t.store)).toBe(before);
    await importOne(path);
    const fixed = csv([
      ['Учебный год', 'Наименование ОО', 'Кластер'],
      ['2025/26', 'Гимназия № 3', 'ШЛ'],
    ]);
    const conflict = await importOne(fixed, { dryRun: true });
    expect(conflict.outcome).toBe('rejected');
    expect(conflict.conflicts).toEqual([path.split('/').pop()]);
    expect((await importOne(fixed, { dryRun: true, replace: true })).planned).toBe('replaced');
  });
});
