/**
 * The ФИС ОКО ВПР reports beyond «Статистика по отметкам»: сравнение с журналом, выполнение
 * заданий, планируемые результаты, индивидуальные результаты. Fixtures are written with the
 * demo's layout writers; the expected values are worked out by hand from the fixture numbers.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  writeIndividualResultsWorkbook,
  writeJournalComparisonWorkbook,
  writePlannedResultsWorkbook,
  writeTaskCompletionWorkbook,
  type IndividualResult,
  type JournalComparisonExport,
  type PlannedResultsExport,
  type TaskCompletionExport,
  type VprReportTitle,
} from '../../data/generator/layouts.ts';
import { importPaths } from '../../ingest/import.ts';
import { type FileReport } from '../../contract/imports/report.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import { vprJournalFormat } from '../../ingest/formats/vpr-journal.ts';
import { vprTasksFormat } from '../../ingest/formats/vpr-tasks.ts';
import { vprPlannedFormat } from '../../ingest/formats/vpr-planned.ts';
import { vprParticipantsFormat } from '../../ingest/formats/vpr-participants.ts';
import { contentHash, tempStore, type TempStore } from '../helpers/store.ts';
import { writeRegistryFile } from '../helpers/fixtures.ts';
import { writeCsv } from '../../data/generator/files.ts';
import { VPR_TEMPLATE_HEADER } from '../../data/generator/write-vpr.ts';

let t: TempStore;
let registry: string;
beforeEach(async () => {
  t = await tempStore();
  registry = await writeRegistryFile(t.dir);
});
afterEach(() => t.dispose());

const TITLE: VprReportTitle = {
  year: 2025,
  grade: 5,
  subject: 'Математика',
  date: '20.04.2025',
  maxScore: 9,
};
const MUNICIPALITY = 'Демонстрационный муниципальный район';
const SOSH1_NAME =
  'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»';
const SOSH1 = `(sch000001) ${SOSH1_NAME}`;
const LESNAYA = '(sch000002) МКОУ «Лесная ООШ»';
const GYM3 = '(sch000003) МБОУ «Гимназия № 3»';
const UNKNOWN = '(sch999999) МБОУ «Гимназия № 8»';

const reportOf = (reports: FileReport[], path: string) =>
  reports.find((r) => path.endsWith(r.file))!;
const errorsOf = (report: FileReport) =>
  report.problems.filter((p) => p.severity === 'error').map((p) => describeProblem(p));
const warningsOf = (report: FileReport) =>
  report.problems.filter((p) => p.severity === 'warning').map((p) => describeProblem(p));

/** Imports the registry and a file that must load without errors; returns the file's report. */
async function load(path: string): Promise<FileReport> {
  const report = reportOf(await importPaths(t.store, [registry, path]), path);
  expect(errorsOf(report)).toEqual([]);
  expect(report.outcome).toBe('loaded');
  return report;
}

/** The rows of every table the ВПР reports write, to prove a rejected file left none. */
async function reportTables(): Promise<unknown[]> {
  const tables = [
    'raw_vpr_journal',
    'raw_vpr_tasks',
    'raw_vpr_planned',
    'raw_vpr_participant',
    'raw_vpr_participant_task',
  ];
  return Promise.all(tables.map((table) => t.store.all(`SELECT * FROM ${table} ORDER BY ALL`)));
}

/** Imports a bad file and checks it is rejected with `messages` and that the store did not change. */
async function expectRejected(path: string, ...messages: RegExp[]): Promise<FileReport> {
  await importPaths(t.store, [registry]);
  const before = await contentHash(t.store);
  const tablesBefore = await reportTables();
  const report = reportOf(await importPaths(t.store, [registry, path]), path);
  expect(report.outcome).toBe('rejected');
  for (const message of messages) expect(errorsOf(report).join('\n')).toMatch(message);
  expect(await contentHash(t.store)).toBe(before);
  expect(await reportTables()).toEqual(tablesBefore);
  return report;
}

/** Changes a written workbook's first sheet, to make a bad file from a good one. */
async function editXlsx(path: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  edit(workbook.worksheets[0]!);
  await workbook.xlsx.writeFile(path);
  return path;
}

// ---- «Сравнение отметок с отметками по журналу» --------------------------------------

/**
 * Rows: 7 header; Вся выборка 8–12, region 13–17, municipality 18–22, СОШ № 1 23–27
 * (Понизили 24, Подтвердили 25, Повысили 26, Всего 27), Лесная ООШ 28–32, Гимназия № 3 33–37.
 */
const JOURNAL_GROUPS: JournalComparisonExport['groups'] = [
  { name: 'Вся выборка', lowered: 100, confirmed: 700, raised: 200 },
  { name: 'Демонстрационная область', lowered: 30, confirmed: 150, raised: 20 },
  { name: MUNICIPALITY, lowered: 5, confirmed: 20, raised: 5 },
  { name: SOSH1, lowered: 2, confirmed: 6, raised: 2 },
  { name: LESNAYA, lowered: 0, confirmed: 4, raised: 0 },
  { name: GYM3, lowered: 3, confirmed: 10, raised: 3 },
];

async function writeJournal(
  groups: JournalComparisonExport['groups'] = JOURNAL_GROUPS,
  title: Partial<VprReportTitle> = {},
): Promise<string> {
  const path = join(t.dir, 'журнал.xlsx');
  await writeJournalComparisonWorkbook(path, { ...TITLE, ...title, groups });
  return path;
}

describe('ФИС ОКО «Сравнение отметок с отметками по журналу»', () => {
  it('stores the counts per group, with the benchmark groups under school_id NULL', async () => {
    const report = await load(await writeJournal());
    expect(report.format).toBe(vprJournalFormat.title);
    expect(report.rows).toBe(6);
    expect(report.years).toEqual([2025]);
    expect(warningsOf(report)).toEqual([]);
    const rows = await t.store.all(
      `SELECT year, subject, grade, level, school_id, group_name, participants, n_lower, n_same, n_higher
       FROM raw_vpr_journal ORDER BY participants DESC`,
    );
    const common = { year: 2025, subject: 'Математика', grade: 5 };
    expect(rows).toEqual([
      {
        ...common,
        level: 'country',
        school_id: null,
        group_name: 'Вся выборка',
        participants: 1000,
        n_lower: 100,
        n_same: 700,
        n_higher: 200,
      },
      {
        ...common,
        level: 'region',
        school_id: null,
        group_name: 'Демонстрационная область',
        participants: 200,
        n_lower: 30,
        n_same: 150,
        n_higher: 20,
      },
      {
        ...common,
        level: 'municipality',
        school_id: null,
        group_name: MUNICIPALITY,
        participants: 30,
        n_lower: 5,
        n_same: 20,
        n_higher: 5,
      },
      {
        ...common,
        level: 'school',
        school_id: 'sch000003',
        group_name: 'МБОУ «Гимназия № 3»',
        participants: 16,
        n_lower: 3,
        n_same: 10,
        n_higher: 3,
      },
      {
        ...common,
        level: 'school',
        school_id: 'sch000001',
        group_name: SOSH1_NAME,
        participants: 10,
        n_lower: 2,
        n_same: 6,
        n_higher: 2,
      },
      {
        ...common,
        level: 'school',
        school_id: 'sch000002',
        group_name: 'МКОУ «Лесная ООШ»',
        participants: 4,
        n_lower: 0,
        n_same: 4,
        n_higher: 0,
      },
    ]);
  });

  it('skips a group with no pupils («Всего» = 0)', async () => {
    const groups = [JOURNAL_GROUPS[0]!, { name: LESNAYA, lowered: 0, confirmed: 0, raised: 0 }];
    const report = await load(await writeJournal(groups));
    expect(report.rows).toBe(1);
    expect(await t.store.all('SELECT level FROM raw_vpr_journal')).toEqual([{ level: 'country' }]);
  });

  it('warns, but loads, when a % does not agree with count / total', async () => {
    const path = await editXlsx(await writeJournal(), (s) => (s.getCell('C24').value = 30));
    const report = await load(path);
    expect(warningsOf(report)).toEqual([
      'файл «журнал.xlsx», лист «Сравнение отметок», строка 24, столбец «%»; значение «30,00»; доля не сходится с числом участников: 2 из 10 — это 20,00 % (допуск ±0,50)',
    ]);
  });

  describe('bad input: a Russian message naming file, row, column, value and expectation; store unchanged', () => {
    it('a count that is not a non-negative integer', async () => {
      const path = await editXlsx(await writeJournal(), (s) => {
        s.getCell('B24').value = 'два';
        s.getCell('B30').value = -1;
      });
      await expectRejected(
        path,
        /файл «журнал\.xlsx», лист «Сравнение отметок», строка 24, столбец «Кол-во участников»; значение «два»; ожидалось: целое неотрицательное число/,
        /строка 30, столбец «Кол-во участников»; значение «-1»; ожидалось: целое неотрицательное число/,
      );
    });

    it('«Понизили» + «Подтвердили» + «Повысили» ≠ «Всего»', async () => {
      const path = await editXlsx(await writeJournal(), (s) => (s.getCell('B27').value = 11));
      await expectRejected(
        path,
        /строка 27, столбец «Кол-во участников»; значение «11»; ожидалось: сумма строк «Понизили», «Подтвердили» и «Повысили» \(2 \+ 6 \+ 2 = 10\) равна строке «Всего»/,
      );
    });

    it('a % outside 0–100', async () => {
      const path = await editXlsx(await writeJournal(), (s) => (s.getCell('C24').value = 120));
      await expectRejected(
        path,
        /строка 24, столбец «%»; значение «120»; ожидалось: число от 0 до 100/,
      );
    });

    it('a «Понизили» row before any group row', async () => {
      const path = await editXlsx(await writeJournal(), (s) => (s.getCell('A8').value = null));
      await expectRejected(
        path,
        /строка 9, столбец «Группы участников»; значение «Понизили \(Отметка < Отметка по журналу\) %»; ожидалось: строка «Понизили» под строкой с названием группы участников/,
      );
    });

    it('a group without all four rows', async () => {
      // Row 31 is «Повысили» of Лесная ООШ.
      const path = await editXlsx(await writeJournal(), (s) => s.spliceRows(31, 1));
      await expectRejected(
        path,
        /строка 28, столбец «Группы участников»; значение «\(sch000002\) МКОУ «Лесная ООШ»»; ожидалось: под строкой группы — строки «Понизили», «Подтвердили», «Повысили», «Всего»; нет строк: «Повысили»/,
      );
    });

    it('an unknown school, with the closest registry names', async () => {
      const groups = [...JOURNAL_GROUPS.slice(0, 5), { ...JOURNAL_GROUPS[5]!, name: UNKNOWN }];
      await expectRejected(
        await writeJournal(groups),
        /строка 33, столбец «Группы участников»; значение «\(sch999999\) МБОУ «Гимназия № 8»»; ожидалось: школа из реестра ОО; ближайшие по написанию: Гимназия № 3 \(sch000003\)/,
      );
    });

    it('the same group twice', async () => {
      await expectRejected(
        await writeJournal([...JOURNAL_GROUPS, JOURNAL_GROUPS[3]!]),
        /строка 38; строка повторяет строку 23 \(группа участников\)/,
      );
    });

    it('no title row with the year and grade', async () => {
      const path = await editXlsx(await writeJournal(), (s) => (s.getCell('A1').value = 'Отчёт'));
      await expectRejected(
        path,
        /лист «Сравнение отметок», строка 1; значение «\(не найдено\)»; ожидалось: строка заголовка вида «Всероссийские проверочные работы 2025 \(5 класс\)» над таблицей/,
      );
    });
  });
});

// ---- «Выполнение заданий» ------------------------------------------------------------

const TASKS: TaskCompletionExport['tasks'] = [
  { code: '1', maxScore: 1, level: 'Б' },
  { code: '2', maxScore: 2, level: 'Б' },
  { code: '3К1', maxScore: 2, level: 'П' },
];

/** Rows: 7 header, 8 levels, then 9 RF, 10 region, 11 municipality, 12 СОШ № 1, 13 Лесная, 14 Гимназия. */
const TASK_GROUPS: TaskCompletionExport['groups'] = [
  { name: 'Вся выборка', schools: 38000, participants: 1200000, percents: [70.5, 55.25, 30.1] },
  { name: 'Демонстрационная область', schools: 400, participants: 15000, percents: [68, 50, 28.5] },
  { name: MUNICIPALITY, schools: 3, participants: 30, percents: [60, 45, 25] },
  { name: SOSH1, schools: 1, participants: 10, percents: [50, 40, 20] },
  { name: LESNAYA, schools: 1, participants: 0, percents: [0, 0, 0] },
  { name: GYM3, schools: 1, participants: 20, percents: [65, 47.5, 27.5] },
];

async function writeTasks(
  groups: TaskCompletionExport['groups'] = TASK_GROUPS,
  tasks: TaskCompletionExport['tasks'] = TASKS,
  title: Partial<VprReportTitle> = {},
): Promise<string> {
  const path = join(t.dir, 'задания.xlsx');
  await writeTaskCompletionWorkbook(path, { ...TITLE, ...title, tasks, groups });
  return path;
}

describe('ФИС ОКО «Выполнение заданий»', () => {
  it('stores one row per group × task with the level of each task; empty groups are skipped', async () => {
    const report = await load(await writeTasks());
    expect(report.format).toBe(vprTasksFormat.title);
    // 5 groups with pupils × 3 tasks; Лесная ООШ (0 participants) is left out.
    expect(report.rows).toBe(15);
    const rows = await t.store.all(
      `SELECT level, school_id, participants, max_score, difficulty, completion_pct
       FROM raw_vpr_tasks WHERE task = '3К1' ORDER BY participants DESC`,
    );
    const task = { max_score: 2, difficulty: 'П' };
    expect(rows).toEqual([
      { level: 'country', school_id: null, participants: 1200000, ...task, completion_pct: 30.1 },
      { level: 'region', school_id: null, participants: 15000, ...task, completion_pct: 28.5 },
      { level: 'municipality', school_id: null, participants: 30, ...task, completion_pct: 25 },
      { level: 'school', school_id: 'sch000003', participants: 20, ...task, completion_pct: 27.5 },
      { level: 'school', school_id: 'sch000001', participants: 10, ...task, completion_pct: 20 },
    ]);
    expect(
      await t.store.all(
        `SELECT task, max_score, difficulty, completion_pct, group_name FROM raw_vpr_tasks
         WHERE school_id = 'sch000001' ORDER BY task`,
      ),
    ).toEqual([
      { task: '1', max_score: 1, difficulty: 'Б', completion_pct: 50, group_name: SOSH1_NAME },
      { task: '2', max_score: 2, difficulty: 'Б', completion_pct: 40, group_name: SOSH1_NAME },
      { task: '3К1', max_score: 2, difficulty: 'П', completion_pct: 20, group_name: SOSH1_NAME },
    ]);
  });

  describe('bad input: a Russian message naming file, row, column, value and expectation; store unchanged', () => {
    it('a % outside 0–100', async () => {
      const path = await editXlsx(await writeTasks(), (s) => (s.getCell('E12').value = 120));
      await expectRejected(
        path,
        /файл «задания\.xlsx», лист «Выполнение заданий», строка 12, столбец «2 \(2б\)»; значение «120»; ожидалось: число от 0 до 100/,
      );
    });

    it('a participant count that is not a number', async () => {
      const path = await editXlsx(await writeTasks(), (s) => (s.getCell('C12').value = 'десять'));
      await expectRejected(
        path,
        /строка 12, столбец «Кол-во участников»; значение «десять»; ожидалось: целое неотрицательное число/,
      );
    });

    it('an unknown school, with the closest registry names', async () => {
      const groups = [
        ...TASK_GROUPS.slice(0, 3),
        { ...TASK_GROUPS[3]!, name: '(sch999999) Лесная школа' },
      ];
      await expectRejected(
        await writeTasks(groups),
        /строка 12, столбец «Группы участников»; значение «\(sch999999\) Лесная школа»; ожидалось: школа из реестра ОО; ближайшие по написанию: Лесная ООШ \(sch000002\)/,
      );
    });

    it('the same group twice', async () => {
      await expectRejected(
        await writeTasks([...TASK_GROUPS, TASK_GROUPS[5]!]),
        /строка 15; строка повторяет строку 14 \(группа участников\)/,
      );
    });

    it('the same task in two columns', async () => {
      const tasks = [TASKS[0]!, TASKS[1]!, { ...TASKS[0]! }];
      await expectRejected(
        await writeTasks(TASK_GROUPS.slice(0, 1), tasks),
        /строка 7, столбец «1 \(1б\)»; значение «1»; ожидалось: каждое задание в одном столбце; задание 1 уже есть в столбце «1 \(1б\)»/,
      );
    });

    it('a subject that is not a ВПР subject', async () => {
      await expectRejected(
        await writeTasks(TASK_GROUPS, TASKS, { subject: 'Алхимия' }),
        /строка 1; значение «Алхимия»; ожидалось: строка «Предмет: <название предмета ВПР>» над таблицей/,
      );
    });
  });
});

// ---- «Достижение планируемых результатов» --------------------------------------------

/** Task codes as a hand-made file may spell them: `9,1` is 9.1, `3 K1` (Latin K) is 3К1. */
const PLANNED_TASKS: PlannedResultsExport['tasks'] = [
  {
    code: '1',
    maxScore: 1,
    level: 'Б',
    skill: 'Оперировать на базовом уровне понятием «натуральное число»',
  },
  {
    code: '9,1',
    maxScore: 2,
    level: 'П',
    skill: 'Решать текстовые задачи на покупки; находить процент от числа',
  },
  {
    code: '3 K1',
    maxScore: 2,
    level: 'Б',
    skill: 'Выполнять простейшие построения на клетчатой бумаге',
  },
];

/**
 * Rows: 7 header, 8 group names, 9 participant counts, 10–12 tasks. Columns: A №, B skill,
 * C level, D max, E RF, F region, G municipality, H СОШ № 1, I Гимназия № 3.
 */
const PLANNED_GROUPS: PlannedResultsExport['groups'] = [
  { name: 'Вся выборка', participants: 1200000, percents: [70.5, 55.25, 30.1] },
  { name: 'Демонстрационная область', participants: 15000, percents: [68, 50, 28.5] },
  { name: MUNICIPALITY, participants: 30, percents: [60, 45, 25] },
  { name: SOSH1, participants: 10, percents: [50, 40, 20] },
  { name: GYM3, participants: 20, percents: [65, 47.5, 27.5] },
];

async function writePlanned(
  groups: PlannedResultsExport['groups'] = PLANNED_GROUPS,
  tasks: PlannedResultsExport['tasks'] = PLANNED_TASKS,
  title: Partial<VprReportTitle> = {},
): Promise<string> {
  const path = join(t.dir, 'планируемые.xlsx');
  await writePlannedResultsWorkbook(path, { ...TITLE, ...title, tasks, groups });
  return path;
}

describe('ФИС ОКО «Достижение планируемых результатов»', () => {
  it('stores one row per task × group with the skill, level, max score and participants', async () => {
    const report = await load(await writePlanned());
    expect(report.format).toBe(vprPlannedFormat.title);
    expect(report.rows).toBe(15);
    expect(
      await t.store.all(
        `SELECT task, skill, max_score, difficulty, completion_pct FROM raw_vpr_planned
         WHERE level = 'country' ORDER BY task`,
      ),
    ).toEqual([
      {
        task: '1',
        skill: 'Оперировать на базовом уровне понятием «натуральное число»',
        max_score: 1,
        difficulty: 'Б',
        completion_pct: 70.5,
      },
      {
        task: '3К1',
        skill: 'Выполнять простейшие построения на клетчатой бумаге',
        max_score: 2,
        difficulty: 'Б',
        completion_pct: 30.1,
      },
      {
        task: '9.1',
        skill: 'Решать текстовые задачи на покупки; находить процент от числа',
        max_score: 2,
        difficulty: 'П',
        completion_pct: 55.25,
      },
    ]);
    expect(
      await t.store.all(
        `SELECT level, school_id, group_name, participants, completion_pct FROM raw_vpr_planned
         WHERE task = '9.1' ORDER BY participants DESC`,
      ),
    ).toEqual([
      {
        level: 'country',
        school_id: null,
        group_name: 'Вся выборка',
        participants: 1200000,
        completion_pct: 55.25,
      },
      {
        level: 'region',
        school_id: null,
        group_name: 'Демонстрационная область',
        participants: 15000,
        completion_pct: 50,
      },
      {
        level: 'municipality',
        school_id: null,
        group_name: MUNICIPALITY,
        participants: 30,
        completion_pct: 45,
      },
      {
        level: 'school',
        school_id: 'sch000003',
        group_name: 'МБОУ «Гимназия № 3»',
        participants: 20,
        completion_pct: 47.5,
      },
      {
        level: 'school',
        school_id: 'sch000001',
        group_name: SOSH1_NAME,
        participants: 10,
        completion_pct: 40,
      },
    ]);
  });

  it('reads a file without the participant count row: participants NULL', async () => {
    const path = await editXlsx(await writePlanned(), (s) => s.spliceRows(9, 1));
    const report = await load(path);
    expect(report.rows).toBe(15);
    expect(
      await t.store.all(
        `SELECT school_id, participants, completion_pct FROM raw_vpr_planned
         WHERE task = '1' AND level = 'school' ORDER BY school_id`,
      ),
    ).toEqual([
      { school_id: 'sch000001', participants: null, completion_pct: 50 },
      { school_id: 'sch000003', participants: null, completion_pct: 65 },
    ]);
  });

  describe('bad input: a Russian message naming file, row, column, value and expectation; store unchanged', () => {
    it('a % outside 0–100', async () => {
      const path = await editXlsx(await writePlanned(), (s) => (s.getCell('H10').value = 101));
      await expectRejected(
        path,
        /файл «планируемые\.xlsx», лист «Достижение план\. результатов», строка 10, столбец «Средний % выполнения, \(sch000001\) [^;]*школа № 1»»; значение «101»; ожидалось: число от 0 до 100/,
      );
    });

    it('a max score below 1 and a level other than Б, П, В', async () => {
      const path = await editXlsx(await writePlanned(), (s) => {
        s.getCell('D11').value = 0;
        s.getCell('C10').value = 'С';
      });
      await expectRejected(
        path,
        /строка 11, столбец «Макс балл»; значение «0»; ожидалось: максимальный балл задания — целое число не меньше 1/,
        /строка 10, столбец «Уровень»; значение «С»; ожидалось: уровень сложности задания: Б, П или В/,
      );
    });

    it('a task number that is not a task number, and an empty skill', async () => {
      const path = await editXlsx(await writePlanned(), (s) => {
        s.getCell('A10').value = 'первое';
        s.getCell('B11').value = null;
      });
      await expectRejected(
        path,
        /строка 10, столбец «№ задания»; значение «первое»; ожидалось: номер задания, например 1, 9\.1 или 1К2/,
        /строка 11, столбец «Блоки ПООП [^»]*»; значение «\(пусто\)»; ожидалось: непустой текст/,
      );
    });

    it('a participant count that is not a number', async () => {
      const path = await editXlsx(
        await writePlanned(),
        (s) => (s.getCell('I9').value = 'двадцать'),
      );
      await expectRejected(
        path,
        /строка 9, столбец «Кол-во участников, \(sch000003\) МБОУ «Гимназия № 3»»; значение «двадцать»; ожидалось: целое неотрицательное число/,
      );
    });

    it('an unknown school in the group row, with the closest registry names', async () => {
      const groups = [...PLANNED_GROUPS.slice(0, 4), { ...PLANNED_GROUPS[4]!, name: UNKNOWN }];
      await expectRejected(
        await writePlanned(groups),
        /строка 8, столбец «Средний % выполнения»; значение «\(sch999999\) МБОУ «Гимназия № 8»»; ожидалось: школа из реестра ОО; ближайшие по написанию: Гимназия № 3 \(sch000003\)/,
      );
    });

    it('the same group in two columns', async () => {
      await expectRejected(
        await writePlanned([...PLANNED_GROUPS, { ...PLANNED_GROUPS[4]! }]),
        /строка 8, столбец «Средний % выполнения»; значение «\(sch000003\) МБОУ «Гимназия № 3»»; ожидалось: каждая группа участников в одном столбце/,
      );
    });

    it('the same task twice', async () => {
      const tasks = [...PLANNED_TASKS, { ...PLANNED_TASKS[0]!, skill: 'Другое умение' }];
      await expectRejected(
        await writePlanned(
          PLANNED_GROUPS.map((g) => ({ ...g, percents: [...g.percents, 50] })),
          tasks,
        ),
        /строка 13; строка повторяет строку 10 \(номер задания\)/,
      );
    });

    it('no title row with the year and grade', async () => {
      const path = await editXlsx(await writePlanned(), (s) => (s.getCell('A1').value = null));
      await expectRejected(
        path,
        /строка 1; значение «\(не найдено\)»; ожидалось: строка заголовка вида «Всероссийские проверочные работы 2025 \(5 класс\)» над таблицей/,
      );
    });
  });
});

// ---- «Индивидуальные результаты» -----------------------------------------------------

const PUPIL_TASKS: TaskCompletionExport['tasks'] = [
  { code: '1К1', maxScore: 4, level: 'Б' },
  { code: '2', maxScore: 2, level: 'Б' },
  { code: '3', maxScore: 3, level: 'П' },
];

const pupil = (
  login: string,
  schoolName: string,
  code: string,
  className: string,
  variant: number,
  scores: IndividualResult['scores'],
  primaryScore: number,
  mark: number,
  journalMark: number | null,
): IndividualResult => ({
  login,
  municipality: MUNICIPALITY,
  schoolName,
  code,
  className,
  variant,
  scores,
  primaryScore,
  mark,
  journalMark,
});

/**
 * Rows: 1–4 title, 6 levels, 7 header, pupils from row 8. Columns: A ОО, B Муниципалитет,
 * C Название ОО, D Код участника, E Класс, F Вариант, G 1К1 (4б), H 2 (2б), I 3 (3б),
 * J Первичный балл, K Отметка, L Отметка по журналу. The same code in two schools is allowed.
 */
const PUPILS: IndividualResult[] = [
  pupil('sch000001', 'МБОУ «СОШ № 1»', '10001', '5А', 1, [4, 2, 3], 9, 5, 5),
  pupil('sch000001', 'МБОУ «СОШ № 1»', '10002', '5А', 2, [2, 'X', 1], 3, 2, 3),
  pupil('sch000003', 'МБОУ «Гимназия № 3»', '10001', '5Б', 1, [3, 1, 'X'], 4, 3, null),
  pupil('sch000002', 'МКОУ «Лесная ООШ»', '20001', '5', 2, [0, 0, 0], 0, 2, 3),
];

async function writePupils(pupils: IndividualResult[] = PUPILS): Promise<string> {
  const path = join(t.dir, 'индивидуальные.xlsx');
  await writeIndividualResultsWorkbook(path, {
    ...TITLE,
    year: 2026,
    date: '20.04.2026',
    tasks: PUPIL_TASKS,
    pupils,
  });
  return path;
}

describe('ФИС ОКО «Индивидуальные результаты»', () => {
  it('a corrected file replaces the pupils and their task scores of the same schools', async () => {
    await load(await writePupils());
    const corrected = PUPILS.slice(0, 2).map((p) => ({ ...p, scores: [1, 1, 1], primaryScore: 3 }));
    const [report] = await importPaths(t.store, [await writePupils(corrected)], { replace: true });
    expect(report!.outcome).toBe('replaced');
    // СОШ № 1 now has the corrected pupils only; the other schools keep theirs.
    expect(
      await t.store.all(
        `SELECT school_id, count(*)::INTEGER AS tasks, sum(score)::INTEGER AS points
         FROM raw_vpr_participant_task GROUP BY school_id ORDER BY school_id`,
      ),
    ).toEqual([
      { school_id: 'sch000001', tasks: 6, points: 6 },
      { school_id: 'sch000002', tasks: 3, points: 0 },
      { school_id: 'sch000003', tasks: 3, points: 4 },
    ]);
  });

  it('gives the school its mark counts from the pupils, unless «Статистика по отметкам» does', async () => {
    await load(await writePupils());
    const counts = () =>
      t.store.all(
        `SELECT level, school_id, participants_count AS n, n2, n3, n5 FROM ind_vpr
         WHERE year = 2026 AND subject = 'Математика' AND grade = 5 ORDER BY level, school_id`,
      );
    // By hand from PUPILS: СОШ № 1 marks 5 and 2; Гимназия № 3 mark 3; Лесная ООШ mark 2.
    expect(await counts()).toEqual([
      { level: 'district', school_id: null, n: 4, n2: 2, n3: 1, n5: 1 },
      { level: 'school', school_id: 'sch000001', n: 2, n2: 1, n3: 0, n5: 1 },
      { level: 'school', school_id: 'sch000002', n: 1, n2: 1, n3: 0, n5: 0 },
      { level: 'school', school_id: 'sch000003', n: 1, n2: 0, n3: 1, n5: 0 },
    ]);
    const marks = join(t.dir, 'отметки.csv');
    writeCsv(marks, [
      VPR_TEMPLATE_HEADER,
      ['2025/26', 'sch000001', 'СОШ № 1', 5, 'Математика', 10, 1, 3, 3, 3],
    ]);
    await load(marks);
    expect((await counts())[0]).toEqual({
      level: 'district',
      school_id: null,
      n: 12,
      n2: 2,
      n3: 4,
      n5: 3,
    });
  });

  it('stores each pupil with the task scores; «X» becomes NULL', async () => {
    const report = await load(await writePupils());
    expect(report.format).toBe(vprParticipantsFormat.title);
    expect(report.rows).toBe(4);
    expect(report.years).toEqual([2026]);
    expect(
      await t.store.all(
        `SELECT year, subject, grade, school_id, participant_code, class_name, variant, primary_score, mark, journal_mark
         FROM raw_vpr_participant ORDER BY school_id, participant_code`,
      ),
    ).toEqual([
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        school_id: 'sch000001',
        participant_code: '10001',
        class_name: '5А',
        variant: '1',
        primary_score: 9,
        mark: 5,
        journal_mark: 5,
      },
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        school_id: 'sch000001',
        participant_code: '10002',
        class_name: '5А',
        variant: '2',
        primary_score: 3,
        mark: 2,
        journal_mark: 3,
      },
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        school_id: 'sch000002',
        participant_code: '20001',
        class_name: '5',
        variant: '2',
        primary_score: 0,
        mark: 2,
        journal_mark: 3,
      },
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        school_id: 'sch000003',
        participant_code: '10001',
        class_name: '5Б',
        variant: '1',
        primary_score: 4,
        mark: 3,
        journal_mark: null,
      },
    ]);
    expect(
      await t.store.all(
        `SELECT task, max_score, difficulty, score FROM raw_vpr_participant_task
         WHERE school_id = 'sch000001' AND participant_code = '10002' ORDER BY task`,
      ),
    ).toEqual([
      { task: '1К1', max_score: 4, difficulty: 'Б', score: 2 },
      { task: '2', max_score: 2, difficulty: 'Б', score: null },
      { task: '3', max_score: 3, difficulty: 'П', score: 1 },
    ]);
    expect(
      await t.store.all(
        'SELECT count(*)::INTEGER AS n, count(score)::INTEGER AS scored FROM raw_vpr_participant_task',
      ),
    ).toEqual([{ n: 12, scored: 10 }]);
  });

  it('never reads a ФИО column and says so', async () => {
    const path = await editXlsx(await writePupils(), (s) => {
      s.getCell('M7').value = 'ФИО участника';
      for (let row = 8; row <= 11; row++) s.getCell(`M${row}`).value = `Иванов Иван ${row}`;
    });
    const report = await load(path);
    expect(warningsOf(report)).toEqual([
      'файл «индивидуальные.xlsx», лист «Индивидуальные результаты», столбец «ФИО участника»; столбцы с ФИО не загружаются: персональные данные в хранилище не попадают',
    ]);
    const stored = JSON.stringify([
      await t.store.all('SELECT * FROM raw_vpr_participant'),
      await t.store.all('SELECT * FROM raw_vpr_participant_task'),
    ]);
    expect(stored).not.toMatch(/Иванов/);
  });

  describe('bad input: a Russian message naming file, row, column, value and expectation; store unchanged', () => {
    it('a task score above the task maximum', async () => {
      const path = await editXlsx(await writePupils(), (s) => (s.getCell('G8').value = 5));
      const report = await expectRejected(
        path,
        /файл «индивидуальные\.xlsx», лист «Индивидуальные результаты», строка 8, столбец «1К1 \(4б\)»; значение «5»; ожидалось: балл не больше максимального за задание 1К1: 4/,
      );
      expect(errorsOf(report)).toHaveLength(1);
    });

    it('a task score that is not a number', async () => {
      const path = await editXlsx(await writePupils(), (s) => (s.getCell('H8').value = 'два'));
      await expectRejected(
        path,
        /строка 8, столбец «2 \(2б\)»; значение «два»; ожидалось: целое число баллов не меньше 0 или «X» \(задание не выполнялось\)/,
      );
    });

    it('a primary score that is not the sum of the task scores', async () => {
      const path = await editXlsx(await writePupils(), (s) => (s.getCell('J9').value = 4));
      await expectRejected(
        path,
        /строка 9, столбец «Первичный балл»; значение «4»; ожидалось: сумма баллов за задания \(3; «X» — 0 баллов\) равна первичному баллу/,
      );
    });

    it('a primary score above the maximum of the title', async () => {
      const path = await editXlsx(await writePupils(), (s) => (s.getCell('J8').value = 10));
      await expectRejected(
        path,
        /строка 8, столбец «Первичный балл»; значение «10»; ожидалось: целое число баллов от 0 до 9 \(максимальный первичный балл\)/,
      );
    });

    it('a mark and a journal mark outside 2–5', async () => {
      const path = await editXlsx(await writePupils(), (s) => {
        s.getCell('K8').value = 6;
        s.getCell('L9').value = 1;
      });
      await expectRejected(
        path,
        /строка 8, столбец «Отметка»; значение «6»; ожидалось: отметка 2, 3, 4 или 5/,
        /строка 9, столбец «Отметка по журналу»; значение «1»; ожидалось: отметка 2, 3, 4 или 5 или пустая ячейка/,
      );
    });

    it('a pupil without a code', async () => {
      const path = await editXlsx(await writePupils(), (s) => (s.getCell('D8').value = null));
      await expectRejected(
        path,
        /строка 8, столбец «Код участника»; значение «\(пусто\)»; ожидалось: непустой текст/,
      );
    });

    it('the same participant code twice in one school', async () => {
      const pupils = [PUPILS[0]!, { ...PUPILS[1]!, code: '10001' }, ...PUPILS.slice(2)];
      await expectRejected(
        await writePupils(pupils),
        /строка 9; строка повторяет строку 8 \(ОО и код участника\)/,
      );
    });

    it('an unknown school login, with the closest registry names', async () => {
      const pupils = [
        ...PUPILS.slice(0, 2),
        { ...PUPILS[2]!, login: 'sch999999', schoolName: 'МБОУ «Гимназия № 8»' },
      ];
      await expectRejected(
        await writePupils(pupils),
        /строка 10, столбец «ОО»; значение «\(sch999999\) МБОУ «Гимназия № 8»»; ожидалось: школа из реестра ОО; ближайшие по написанию: Гимназия № 3 \(sch000003\)/,
      );
    });

    it('no title row with the year and grade', async () => {
      const path = await editXlsx(await writePupils(), (s) => (s.getCell('A1').value = 'Ф1'));
      await expectRejected(
        path,
        /лист «Индивидуальные результаты», строка 1; значение «\(не найдено\)»; ожидалось: строка заголовка вида/,
      );
    });
  });
});
