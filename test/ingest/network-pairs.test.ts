/**
 * Network pairs as a register (issue 24, item 2): the seed's 7 pairs of 2023/24 typed into the
 * template, each with its form normalised and its contract's number and date read from the text;
 * number and date columns; a bad date and a school paired with itself refused.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCsv, type CellValue } from '../../data/generator/files.ts';
import { importPaths } from '../../ingest/import.ts';
import { describeProblem } from '../../contract/imports/problems.ts';
import {
  contractDateText,
  contractNumber,
  pairForm,
  parseRuDate,
} from '../../ingest/formats/pair-contract.ts';
import { contentHash, tempStore, type TempStore } from '../helpers/store.ts';
import { SEED_PAIRS_FILE, writeSeedRegistry } from '../helpers/seed-pairs.ts';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeSeedRegistry(t.dir)]);
});
afterEach(() => t.dispose());

const stored = () =>
  t.store.all<Record<string, unknown>>(
    `SELECT year, mentor_school_id AS mentor, mentee_school_id AS mentee, form, contract_number,
            strftime(contract_date, '%Y-%m-%d') AS contract_date, kind, contract
     FROM raw_network_pair ORDER BY contract_date, mentor, mentee`,
  );

describe('the seed’s pairs of 2023/24', () => {
  it('stores all 7 with their forms and contracts', async () => {
    const [report] = await importPaths(t.store, [SEED_PAIRS_FILE]);
    expect(report!.outcome).toBe('loaded');
    expect(report!.problems).toEqual([]);
    const rows = await stored();
    const R = 'ресурсное (донорское)';
    expect(
      rows.map((r) => [r.mentor, r.mentee, r.form, r.contract_number, r.contract_date]),
    ).toEqual([
      ['sch03', 'sch09', R, '5', '2023-10-01'], // Шлиссельбургская СОШ № 1 — Мгинская СОШ
      ['sch06', 'sch07', R, '1', '2023-10-01'], // Лицей г. Отрадное — Отраденская СОШ № 2
      ['sch10', 'sch11', 'паритетное', '49', '2023-10-01'], // Синявинская — Суховская
      ['sch01', 'sch02', R, '01/2023', '2023-10-03'], // Приладожская — Путиловская
      ['sch06', 'sch08', R, '01', '2023-10-06'], // Лицей г. Отрадное — Отраденская СОШ № 3
      ['sch03', 'sch04', R, '01', '2023-10-09'], // Шлиссельбургская СОШ № 1 — Шумская СОШ
      ['sch01', 'sch05', R, '02/2023', '2023-10-10'], // Приладожская — Назиевская
    ]);
    expect(rows.every((r) => r.year === 2024)).toBe(true);
    // the form and the contract as written stay beside the register's values
    expect(rows.find((r) => r.mentee === 'sch11')!.kind).toBe(
      'Паритетное взаимодействие, обмен ресурсами и услугами многосторонний, взаимовыгодный.',
    );
    expect(rows.find((r) => r.mentee === 'sch02')!.contract).toBe(
      'Договор № 01 /2023 от 03.10.2023 года о сетевом взаимодействии и сотрудничестве (рамочный)',
    );
  });
});

let fileNumber = 0;
function csv(rows: CellValue[][]): string {
  const path = join(t.dir, `пары-${++fileNumber}.csv`);
  writeCsv(path, rows);
  return path;
}

const HEADER = ['Учебный год', 'ОО-наставник', 'Подшефная ОО', 'Форма взаимодействия'];

describe('columns of the register', () => {
  it('takes number and date from their own columns over the text, keeps other forms', async () => {
    await importPaths(t.store, [
      csv([
        [...HEADER, 'Договор (соглашение, приказ)', 'Номер договора', 'Дата договора'],
        [
          '2024/25',
          'Приладожская СОШ',
          'Путиловская ООШ',
          'донорское',
          'Приказ № 7 от 01.09.2024',
          '12',
          '02.10.2024',
        ],
        ['2024/25', 'Синявинская СОШ', 'Суховская ООШ', 'паритетное', '', '', ''],
        ['2024/25', 'Лицей г. Отрадное', 'Мгинская СОШ', 'наставничество', '', '', '05.10.2024'],
      ]),
    ]);
    expect(
      (await stored()).map((r) => [r.mentee, r.form, r.contract_number, r.contract_date]),
    ).toEqual([
      ['sch02', 'ресурсное (донорское)', '12', '2024-10-02'],
      ['sch09', 'наставничество', null, '2024-10-05'],
      ['sch11', 'паритетное', null, null],
    ]);
  });

  it('refuses a bad date naming file, row, column, value and what was expected', async () => {
    const before = await contentHash(t.store);
    const [report] = await importPaths(t.store, [
      csv([
        [...HEADER, 'Дата договора'],
        ['2023/24', 'Приладожская СОШ', 'Путиловская ООШ', 'донорское', '31.09.2023'],
        [...HEADER.slice(0, 3).map(() => ''), '', ''],
        ['2023/24', 'Синявинская СОШ', 'Суховская ООШ', 'паритетное', ''],
      ]),
    ]);
    expect(report!.outcome).toBe('rejected');
    const problems = report!.problems.filter((p) => p.severity === 'error');
    expect(problems.map((p) => describeProblem(p))).toEqual([
      `файл «${report!.file}», строка 2, столбец «Дата договора»; значение «31.09.2023»; ожидалось: дата в виде ДД.ММ.ГГГГ, например 03.10.2023`,
    ]);
    expect(await contentHash(t.store)).toBe(before);
  });

  it('refuses a bad date in the contract text and a school paired with itself', async () => {
    const [report] = await importPaths(t.store, [
      csv([
        [...HEADER, 'Договор (соглашение, приказ)'],
        [
          '2023/24',
          'Приладожская СОШ',
          'Путиловская ООШ',
          'донорское',
          'Договор № 3 от 32.10.2023 года',
        ],
        ['2023/24', 'Синявинская СОШ', 'Синявинская СОШ', 'паритетное', ''],
      ]),
    ]);
    expect(report!.outcome).toBe('rejected');
    const texts = report!.problems.map((p) => describeProblem(p)).join('\n');
    expect(texts).toMatch(
      /строка 2, столбец «Договор \(соглашение, приказ\)»; значение «32\.10\.2023»; ожидалось: дата договора после «от» в виде ДД\.ММ\.ГГГГ/,
    );
    expect(texts).toMatch(
      /строка 3, столбец «Подшефная ОО»; значение «sch10»; ожидалось: другая школа/,
    );
  });
});

describe('reading a form and a contract', () => {
  it('normalises the forms the seeds write', () => {
    expect(pairForm('Ресурсное (донорское) взаимодействие, где одна из школ…')).toBe(
      'ресурсное (донорское)',
    );
    expect(pairForm('донорское')).toBe('ресурсное (донорское)');
    expect(pairForm('Паритетное взаимодействие, обмен ресурсами')).toBe('паритетное');
    expect(pairForm('паритетное')).toBe('паритетное');
    expect(pairForm('Сетевое наставничество')).toBe('Сетевое наставничество');
  });

  it('reads the number and the date of a contract', () => {
    const text =
      'Договор № 01 /2023 от 03.10.2023 года о сетевом взаимодействии и сотрудничестве (рамочный)';
    expect(contractNumber(text)).toBe('01/2023');
    expect(contractDateText(text)).toBe('03.10.2023');
    expect(contractNumber('Договор № 49 от 01.10.2023 года…')).toBe('49');
    expect(contractNumber('Соглашение о сотрудничестве')).toBeUndefined();
    expect(parseRuDate('03.10.2023')).toBe('2023-10-03');
    expect(parseRuDate('2023-10-03')).toBe('2023-10-03');
    expect(parseRuDate('29.02.2023')).toBeUndefined();
  });
});

describe('the seed’s own listing typed as a table', () => {
  const FORM_R =
    'Ресурсное (донорское) взаимодействие, где одна из школ, имеет наиболее сильные позиции';
  const FORM_P =
    'Паритетное взаимодействие, обмен ресурсами и услугами многосторонний, взаимовыгодный.';
  async function listing(title: string[], rows: CellValue[][]): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Пары');
    for (const line of title) sheet.addRow([line]);
    sheet.addRow([
      '№ п/п',
      'Группы школ партнеров',
      'Форма взаимодействия',
      'Договор (соглашение, приказ)',
    ]);
    rows.forEach((row) => sheet.addRow(row));
    const path = join(t.dir, `список-${++fileNumber}.xlsx`);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  it('reads «ОО-наставник – ОО» in one cell, the year from the title', async () => {
    const path = await listing(
      ['В 2023-2024 учебном году в районе были сформированы 7 сетевых пар (групп ОО)'],
      [
        [
          1,
          'МКОУ «Приладожская СОШ» - МКОУ «Путиловская ООШ»;',
          FORM_R,
          'Договор № 01 /2023 от 03.10.2023 года о сетевом взаимодействии и сотрудничестве (рамочный);',
        ],
        [
          2,
          'МБОУ «Шлиссельбургская СОШ № 1 с углубленным изучением отдельных предметов» – МКОУ «Шумская СОШ»',
          FORM_R,
          'Договор № 01 от 09.10.2023 года',
        ],
        [
          7,
          '7. МКОУ «Синявинская СОШ» — МКОУ «Суховская ООШ»;',
          FORM_P,
          'Договор № 49 от 01.10.2023 года',
        ],
      ],
    );
    const [report] = await importPaths(t.store, [path]);
    expect(report!.problems).toEqual([]);
    expect(report!.outcome).toBe('loaded');
    expect(
      (await stored()).map((r) => [
        r.year,
        r.mentor,
        r.mentee,
        r.form,
        r.contract_number,
        r.contract_date,
      ]),
    ).toEqual([
      [2024, 'sch10', 'sch11', 'паритетное', '49', '2023-10-01'],
      [2024, 'sch01', 'sch02', 'ресурсное (донорское)', '01/2023', '2023-10-03'],
      [2024, 'sch03', 'sch04', 'ресурсное (донорское)', '01', '2023-10-09'],
    ]);
  });

  it('takes the year given at the import, and refuses a cell that is not two schools', async () => {
    const path = await listing([], [[1, 'МКОУ «Приладожская СОШ»', FORM_R, '']]);
    const [refused] = await importPaths(t.store, [path], { year: '2023/24' });
    expect(refused!.outcome).toBe('rejected');
    expect(refused!.problems.map((p) => describeProblem(p)).join('\n')).toMatch(
      /строка 2, столбец «Группы школ партнеров»; значение «МКОУ «Приладожская СОШ»»; ожидалось: две школы через тире/,
    );
    const noYear = await listing([], [[1, 'Синявинская СОШ - Суховская ООШ', FORM_P, '']]);
    const [withoutYear] = await importPaths(t.store, [noYear]);
    expect(withoutYear!.outcome).toBe('rejected');
    expect(withoutYear!.problems.map((p) => describeProblem(p)).join('\n')).toMatch(
      /не указан учебный год сетевых пар/,
    );
    const [loaded] = await importPaths(t.store, [noYear], { year: '2024/25' });
    expect(loaded!.outcome).toBe('loaded');
    expect((await stored()).map((r) => [r.year, r.mentor, r.mentee, r.form])).toEqual([
      [2025, 'sch10', 'sch11', 'паритетное'],
    ]);
  });
});
