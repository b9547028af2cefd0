import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths, importFile } from '../../ingest/import.ts';
import { type FileReport } from '../../contract/imports/report.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import { contentHash, tempStore, type TempStore } from '../helpers/store.ts';
import {
  VPR_ROWS,
  writeFisOkoExport,
  writeRegistryFile,
  writeVprCsv,
} from '../helpers/fixtures.ts';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir)]);
});
afterEach(() => t.dispose());

const errorsOf = (report: FileReport) =>
  report.problems.filter((p) => p.severity === 'error').map((p) => describeProblem(p));

/** Imports a bad file and checks it is rejected with `message` and that the store did not change. */
async function expectRejected(path: string, ...messages: RegExp[]): Promise<FileReport> {
  const before = await contentHash(t.store);
  const [report] = await importPaths(t.store, [path]);
  expect(report!.outcome).toBe('rejected');
  for (const message of messages) expect(errorsOf(report!).join('\n')).toMatch(message);
  expect(await contentHash(t.store)).toBe(before);
  return report!;
}

describe('import of ВПР marks (canonical template)', () => {
  it('loads counts per school and logs the batch', async () => {
    const [report] = await importPaths(t.store, [writeVprCsv(t.dir)]);
    expect(report!.outcome).toBe('loaded');
    expect(report!.rows).toBe(3);
    expect(report!.years).toEqual([2025]);
    // Лесная ООШ has 4 participants: a warning, not an error.
    expect(report!.problems.filter((p) => p.severity === 'warning')).toHaveLength(1);
    const rows = await t.store.all(
      'SELECT school_id, participants, n2 FROM raw_vpr_marks ORDER BY school_id',
    );
    expect(rows).toEqual([
      { school_id: 'sch000001', participants: 10, n2: 5 },
      { school_id: 'sch000002', participants: 4, n2: 1 },
      { school_id: 'sch000003', participants: 90, n2: 9 },
    ]);
    const log = await t.store.all(
      'SELECT file_name, outcome, rows_count FROM import_log WHERE dataset = $d',
      { d: 'vpr_marks' },
    );
    expect(log).toEqual([{ file_name: 'впр.csv', outcome: 'loaded', rows_count: 3 }]);
  });

  it('is idempotent: the same file again changes nothing', async () => {
    const path = writeVprCsv(t.dir);
    await importPaths(t.store, [path]);
    const before = await contentHash(t.store);
    const [again] = await importPaths(t.store, [path]);
    expect(again!.outcome).toBe('unchanged');
    expect(await contentHash(t.store)).toBe(before);
  });

  it('rejects a corrected file for the same year × subject × grade unless replacement is asked for', async () => {
    await importPaths(t.store, [writeVprCsv(t.dir)]);
    const corrected = writeVprCsv(
      t.dir,
      [['2024/25', 'sch000001', 'СОШ № 1', 5, 'Математика', 10, 2, 6, 1, 1]],
      'впр исправленный.csv',
    );
    await expectRejected(corrected, /уже загружены из файла «впр\.csv»/, /--replace/);
    const [replaced] = await importPaths(t.store, [corrected], { replace: true });
    expect(replaced!.outcome).toBe('replaced');
    // Only the school × year × subject × grade the corrected file holds is replaced.
    const rows = await t.store.all(
      'SELECT b.file_name, m.school_id, m.n2 FROM raw_vpr_marks m JOIN import_batch b USING (batch_id) ORDER BY 2',
    );
    expect(rows).toEqual([
      { file_name: 'впр исправленный.csv', school_id: 'sch000001', n2: 2 },
      { file_name: 'впр.csv', school_id: 'sch000002', n2: 1 },
      { file_name: 'впр.csv', school_id: 'sch000003', n2: 9 },
    ]);
    // A batch whose every row was replaced leaves the history.
    const whole = writeVprCsv(
      t.dir,
      [
        ...VPR_ROWS.slice(0, 2),
        ['2024/25', 'sch000002', 'Лесная ООШ', 5, 'Математика', 4, 0, 3, 1, 0],
      ],
      'впр полный.csv',
    );
    const [again] = await importPaths(t.store, [whole], { replace: true });
    expect(again!.outcome).toBe('replaced');
    const batches = await t.store.all('SELECT file_name FROM import_batch WHERE dataset = $d', {
      d: 'vpr_marks',
    });
    expect(batches).toEqual([{ file_name: 'впр полный.csv' }]);
  });

  it('restores an earlier file with --replace after a correction replaced part of it', async () => {
    const original = writeVprCsv(t.dir);
    await importPaths(t.store, [original]);
    const corrected = writeVprCsv(
      t.dir,
      [['2024/25', 'sch000001', 'СОШ № 1', 5, 'Математика', 10, 2, 6, 1, 1]],
      'исправление.csv',
    );
    await importPaths(t.store, [corrected], { replace: true });
    // The original is no longer fully stored, so loading it again is not «unchanged».
    const [again] = await importPaths(t.store, [original], { replace: true });
    expect(again!.outcome).toBe('replaced');
    expect(await t.store.all("SELECT n2 FROM raw_vpr_marks WHERE school_id = 'sch000001'")).toEqual(
      [{ n2: 5 }],
    );
  });

  it('reads windows-1251, decimal-free counts stored as text and a comma separator', async () => {
    const path = join(t.dir, 'cp1251.csv');
    const text =
      'Учебный год,Логин ОО,Наименование ОО,Класс,Предмет,Кол-во участников,«2»,«3»,«4»,«5»\r\n2024-2025,,МБОУ «СОШ №1»,5,математика," 10",5,3,1,1\r\n';
    writeFileSync(path, (await import('iconv-lite')).default.encode(text, 'win1251'));
    const [report] = await importPaths(t.store, [path]);
    expect(errorsOf(report!)).toEqual([]);
    expect(report!.outcome).toBe('loaded');
    expect(await t.store.all('SELECT school_id, subject, year, n2 FROM raw_vpr_marks')).toEqual([
      { school_id: 'sch000001', subject: 'Математика', year: 2025, n2: 5 },
    ]);
  });

  it('matches schools by alias and by normalised full name', async () => {
    const rows = [
      ['2024/25', '', 'Первая школа', 5, 'Математика', 10, 5, 3, 1, 1],
      [
        '2024/25',
        '',
        'Муниципальное бюджетное общеобразовательное учреждение "Гимназия №3"',
        5,
        'Математика',
        90,
        9,
        21,
        40,
        20,
      ],
    ];
    const [report] = await importPaths(t.store, [writeVprCsv(t.dir, rows)]);
    expect(errorsOf(report!)).toEqual([]);
    expect(await t.store.all('SELECT school_id FROM raw_vpr_marks ORDER BY 1')).toEqual([
      { school_id: 'sch000001' },
      { school_id: 'sch000003' },
    ]);
  });

  describe('bad input: a Russian message naming file, row, column, value and expectation; store unchanged', () => {
    it('unknown school, with the closest registry names', async () => {
      const rows = [['2024/25', '', 'Гимназия № 8', 5, 'Математика', 10, 5, 3, 1, 1]];
      await expectRejected(
        writeVprCsv(t.dir, rows),
        /файл «впр\.csv», строка 2, столбец «Наименование ОО»; значение «Гимназия № 8»; ожидалось: школа из реестра ОО; ближайшие по написанию: Гимназия № 3 \(sch000003\)/,
      );
    });

    it('a count that is not a number', async () => {
      const rows = [['2024/25', 'sch000001', 'СОШ № 1', 5, 'Математика', 'десять', 5, 3, 1, 1]];
      await expectRejected(
        writeVprCsv(t.dir, rows),
        /строка 2, столбец «Кол-во участников»; значение «десять»; ожидалось: целое число не меньше 1/,
      );
    });

    it('marks that do not add up to the participants', async () => {
      const rows = [['2024/25', 'sch000001', 'СОШ № 1', 5, 'Математика', 12, 5, 3, 1, 1]];
      await expectRejected(
        writeVprCsv(t.dir, rows),
        /строка 2, столбец «Кол-во участников»; значение «12»; ожидалось: сумма отметок «2»–«5» \(5 \+ 3 \+ 1 \+ 1 = 10\) равна числу участников/,
      );
    });

    it('an unknown subject', async () => {
      const rows = [['2024/25', 'sch000001', 'СОШ № 1', 5, 'Астрология', 10, 5, 3, 1, 1]];
      await expectRejected(
        writeVprCsv(t.dir, rows),
        /столбец «Предмет»; значение «Астрология»; ожидалось: предмет ВПР/,
      );
    });

    it('a grade in which the subject is not written', async () => {
      const rows = [['2024/25', 'sch000001', 'СОШ № 1', 4, 'Химия', 10, 5, 3, 1, 1]];
      await expectRejected(
        writeVprCsv(t.dir, rows),
        /столбец «Класс»; значение «4»; ожидалось: класс, в котором пишут ВПР по предмету «Химия»: 8, 10/,
      );
    });

    it('a bad school year', async () => {
      const rows = [['2024/26', 'sch000001', 'СОШ № 1', 5, 'Математика', 10, 5, 3, 1, 1]];
      await expectRejected(
        writeVprCsv(t.dir, rows),
        /столбец «Учебный год»; значение «2024\/26»; ожидалось: учебный год/,
      );
    });

    it('duplicate rows', async () => {
      await expectRejected(
        writeVprCsv(t.dir, [VPR_ROWS[0]!, VPR_ROWS[0]!]),
        /строка 3; строка повторяет строку 2/,
      );
    });

    it('all problems of a file at once, not only the first', async () => {
      const rows = [
        ['2024/25', 'sch000001', 'СОШ № 1', 5, 'Математика', 'x', 5, 3, 1, 1],
        ['2024/25', 'sch000003', 'Гимназия № 3', 5, 'Математика', 90, -1, 21, 40, 20],
      ];
      const report = await expectRejected(
        writeVprCsv(t.dir, rows),
        /строка 2/,
        /строка 3, столбец «Кол-во «2»»; значение «-1»/,
      );
      expect(errorsOf(report)).toHaveLength(2);
    });

    it('a file whose headers match no format', async () => {
      const path = join(t.dir, 'прочее.csv');
      writeFileSync(path, 'Фамилия;Возраст\nИванов;12\n');
      await expectRejected(
        path,
        /формат файла не распознан.*«ВПР: отметки по ОО \(шаблон\)»: Учебный год, Класс, Предмет, Кол-во участников/,
      );
    });

    it('a file that is not a table at all', async () => {
      const path = join(t.dir, 'битый.xlsx');
      writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
      await expectRejected(path, /файл не читается как таблица XLSX или CSV/);
    });

    it('a file over the size limit', async () => {
      const before = await contentHash(t.store);
      const report = await importFile(t.store, 'большой.csv', readFileSync(writeVprCsv(t.dir)), {
        maxBytes: 100,
      });
      expect(report.outcome).toBe('rejected');
      expect(errorsOf(report).join()).toMatch(/ожидалось: файл не больше 0 МБ/);
      expect(await contentHash(t.store)).toBe(before);
    });
  });
});

describe('import of the ФИС ОКО «Статистика по отметкам» export', () => {
  const groups = [
    ['Вся выборка', 38000, 1200000, 12.5, 40.25, 33.75, 13.5],
    ['Демонстрационная область', 400, 15000, 10, 40, 35, 15],
    ['Демонстрационный муниципальный район', 2, 100, 14, 24, 41, 21],
    [
      '(sch000001) Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»',
      1,
      10,
      50,
      30,
      10,
      10,
    ],
    ['(sch000003) МБОУ «Гимназия № 3»', 1, 90, 10, 23.33, 43.33, 23.33],
  ];

  it('takes two schools’ own exports of the same work: the shared benchmark rows do not clash', async () => {
    const [a] = await importPaths(t.store, [
      await writeFisOkoExport(t.dir, { groups: [...groups.slice(0, 3), groups[3]!] }, 'a.xlsx'),
    ]);
    const [b] = await importPaths(t.store, [
      await writeFisOkoExport(t.dir, { groups: [...groups.slice(0, 3), groups[4]!] }, 'b.xlsx'),
    ]);
    expect([a!.outcome, b!.outcome]).toEqual(['loaded', 'loaded']);
    const stored = await t.store.all(
      `SELECT b.file_name, coalesce(m.school_id, m.level) AS who FROM raw_vpr_marks m
       JOIN import_batch b USING (batch_id) ORDER BY who`,
    );
    // The newer file's RF, region and municipality rows replaced the older identical ones.
    expect(stored).toEqual([
      { file_name: 'b.xlsx', who: 'country' },
      { file_name: 'b.xlsx', who: 'municipality' },
      { file_name: 'b.xlsx', who: 'region' },
      { file_name: 'a.xlsx', who: 'sch000001' },
      { file_name: 'b.xlsx', who: 'sch000003' },
    ]);
    expect(
      await t.store.all(
        'SELECT file_name, rows_count FROM import_batch WHERE dataset = $d ORDER BY 1',
        { d: 'vpr_marks' },
      ),
    ).toEqual([
      { file_name: 'a.xlsx', rows_count: 1 },
      { file_name: 'b.xlsx', rows_count: 4 },
    ]);
  });

  it('stores counts = round(% × N / 100) with region and RF rows as benchmarks', async () => {
    const [report] = await importPaths(t.store, [await writeFisOkoExport(t.dir, { groups })]);
    expect(errorsOf(report!)).toEqual([]);
    const rows = await t.store.all(
      'SELECT level, school_id, year, grade, subject, participants, n2, n3, n4, n5 FROM raw_vpr_marks ORDER BY participants DESC',
    );
    expect(rows).toEqual([
      {
        level: 'country',
        school_id: null,
        year: 2025,
        grade: 5,
        subject: 'Математика',
        participants: 1200000,
        n2: 150000,
        n3: 483000,
        n4: 405000,
        n5: 162000,
      },
      {
        level: 'region',
        school_id: null,
        year: 2025,
        grade: 5,
        subject: 'Математика',
        participants: 15000,
        n2: 1500,
        n3: 6000,
        n4: 5250,
        n5: 2250,
      },
      {
        level: 'municipality',
        school_id: null,
        year: 2025,
        grade: 5,
        subject: 'Математика',
        participants: 100,
        n2: 14,
        n3: 24,
        n4: 41,
        n5: 21,
      },
      {
        level: 'school',
        school_id: 'sch000003',
        year: 2025,
        grade: 5,
        subject: 'Математика',
        participants: 90,
        n2: 9,
        n3: 21,
        n4: 39,
        n5: 21,
      },
      {
        level: 'school',
        school_id: 'sch000001',
        year: 2025,
        grade: 5,
        subject: 'Математика',
        participants: 10,
        n2: 5,
        n3: 3,
        n4: 1,
        n5: 1,
      },
    ]);
  });

  it('rejects shares that do not sum to 100 %', async () => {
    const bad = [...groups.slice(0, 3), ['(sch000001) СОШ № 1', 1, 10, 50, 30, 10, 20]];
    await expectRejected(
      await writeFisOkoExport(t.dir, { groups: bad }),
      /лист «Статистика по отметкам», строка 12, столбец «% отметок «2»–«5»»; значение «110,00»; ожидалось: сумма долей отметок 100 %/,
    );
  });

  it('rejects a share outside 0–100', async () => {
    const bad = [['(sch000001) СОШ № 1', 1, 10, 150, 30, 10, 10]];
    await expectRejected(
      await writeFisOkoExport(t.dir, { groups: bad }),
      /строка 9, столбец «% отметки «2»»; значение «150»; ожидалось: число от 0 до 100/,
    );
  });

  it('rejects an export without the title that names year and grade', async () => {
    const path = await writeFisOkoExport(t.dir, { groups, subject: 'Алхимия' });
    await expectRejected(
      path,
      /значение «Алхимия»; ожидалось: строка «Предмет: <название предмета ВПР>»/,
    );
  });

  it('rejects an unknown school login with the closest names', async () => {
    const bad = [['(sch999999) МБОУ «Лесная ООШ»', 1, 10, 50, 30, 10, 10]];
    await expectRejected(
      await writeFisOkoExport(t.dir, { groups: bad }),
      /ближайшие по написанию: Лесная ООШ \(sch000002\)/,
    );
  });
});

describe('import of the school registry', () => {
  it('rejects a row without a type and a duplicate login', async () => {
    const rows = [
      ['sch000010', 'Школа десять', 'Школа 10', '', 'интернат', 'городская'],
      ['sch000011', 'Школа одиннадцать', 'Школа 11', '', 'СОШ', 'село'],
      ['sch000011', 'Школа одиннадцать', 'Школа 11', '', 'СОШ', 'сельская'],
    ];
    await expectRejected(
      await writeRegistryFile(t.dir, rows, 'реестр плохой.xlsx'),
      /лист «Реестр ОО», строка 2, столбец «Тип ОО»; значение «интернат»; ожидалось: один из типов/,
      /строка 3, столбец «Местность»; значение «село»/,
      /строка 4; строка повторяет строку 3 \(Логин ФИС ОКО\)/,
    );
  });

  it('stores the enrolment by grade for its school year, and rejects a count that is not one', async () => {
    const enrolled = (login: string, ...grades: (number | string | null)[]) => [
      login,
      `Школа ${login}`,
      `Школа ${login}`,
      '',
      'ООШ',
      'сельская',
      '2025/26',
      ...grades,
    ];
    const [report] = await importPaths(t.store, [
      await writeRegistryFile(
        t.dir,
        [enrolled('sch000020', 12, 11, 9, 10, 8, 7, 9, 6, 5)],
        'контингент.xlsx',
      ),
    ]);
    expect(report!.outcome).toBe('loaded');
    expect(
      await t.store.all(
        "SELECT year, grade, pupils FROM school_enrolment WHERE school_id = 'sch000020' AND grade >= 8 ORDER BY grade",
      ),
    ).toEqual([
      { year: 2026, grade: 8, pupils: 6 },
      { year: 2026, grade: 9, pupils: 5 },
    ]);
    await expectRejected(
      await writeRegistryFile(
        t.dir,
        [enrolled('sch000021', 12, 'много')],
        'контингент плохой.xlsx',
      ),
      /строка 2, столбец «Обучающихся 2 кл\.»; значение «много»; ожидалось: целое неотрицательное число/,
    );
  });
});
