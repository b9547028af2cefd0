import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPECTED,
  isMissing,
  parseSchoolYear,
  schoolYearCell,
  setToday,
  toNumber,
} from '../../ingest/values.ts';
import { csvToRows, detectSeparator } from '../../ingest/read/csv.ts';
import { decodeText } from '../../ingest/read/decode.ts';
import { normaliseSchoolName, splitLoginCell } from '../../ingest/schools.ts';
import iconv from 'iconv-lite';

describe('cell values', () => {
  it('reads decimal commas, spaces between thousands and numbers stored as text', () => {
    expect(toNumber('12,5')).toBe(12.5);
    expect(toNumber('1 234')).toBe(1234);
    expect(toNumber('1\u00a0234,75')).toBe(1234.75);
    expect(toNumber(' 7 ')).toBe(7);
    expect(toNumber('12,5 %')).toBe(12.5);
    expect(toNumber('двенадцать')).toBeNaN();
  });

  it('treats X, Х, - and «отсутствовал» as missing', () => {
    for (const cell of ['X', 'Х', '-', 'отсутствовал', null]) expect(isMissing(cell)).toBe(true);
    expect(isMissing('0')).toBe(false);
  });

  it('understands every way of writing a school year', () => {
    for (const text of ['2025', '2024/25', '2024/2025', '2024-2025', '2024–2025', '2024/25 уч. г.'])
      expect(parseSchoolYear(text)).toBe(2025);
    expect(parseSchoolYear(2025)).toBe(2025);
    expect(parseSchoolYear('2024/26')).toBeUndefined();
    expect(parseSchoolYear('весна')).toBeUndefined();
  });
});

describe('school years on a fixed day (15 June 2026)', () => {
  beforeAll(() => setToday(new Date('2026-06-15T12:00:00Z')));
  afterAll(() => setToday());

  it('accepts school years up to the one after the current, not later and not before 2014/15', () => {
    expect(schoolYearCell.safeParse('2026/27').success).toBe(true);
    expect(schoolYearCell.safeParse('2027/28').success).toBe(false);
    expect(schoolYearCell.safeParse('2014/15').success).toBe(true);
    expect(schoolYearCell.safeParse('2013/14').success).toBe(false);
    expect(EXPECTED.schoolYear).toContain('с 2014/15 по 2026/27');
  });

  it('reads the day when it checks, not when it was loaded', () => {
    setToday(new Date('2031-01-10T12:00:00Z'));
    expect(schoolYearCell.safeParse('2031/32').success).toBe(true);
    setToday(new Date('2026-06-15T12:00:00Z'));
    expect(schoolYearCell.safeParse('2031/32').success).toBe(false);
  });
});

describe('CSV reading', () => {
  it('detects the separator and keeps quoted separators', () => {
    expect(detectSeparator('a;b;c\n1;2;3')).toBe(';');
    expect(detectSeparator('a,b\n"1,5",2')).toBe(',');
    expect(detectSeparator('a\tb\n1\t2')).toBe('\t');
    // A title line above the table, with a comma, does not decide it.
    expect(
      detectSeparator('Список школ, кластер ШНСУ\n№;Школа;Кластер\n1.;А;ШНСУ\n2.;Б;ШНСУ'),
    ).toBe(';');
    expect(csvToRows('a;b\n"x; ""y""";\n')).toEqual([
      ['a', 'b'],
      ['x; "y"', null],
    ]);
  });

  it('detects UTF-8 with and without BOM, and windows-1251', () => {
    expect(decodeText(Buffer.from('\ufeffПредмет', 'utf8'))).toEqual({
      text: 'Предмет',
      encoding: 'utf-8',
    });
    expect(decodeText(Buffer.from('Предмет', 'utf8'))).toEqual({
      text: 'Предмет',
      encoding: 'utf-8',
    });
    expect(decodeText(iconv.encode('Предмет;Класс', 'win1251'))).toEqual({
      text: 'Предмет;Класс',
      encoding: 'windows-1251',
    });
  });
});

describe('school names', () => {
  it('fold ownership prefixes, long forms, quotes and №', () => {
    const short = normaliseSchoolName('МБОУ «СОШ №3»');
    expect(
      normaliseSchoolName(
        'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа № 3"',
      ),
    ).toBe(short);
    expect(normaliseSchoolName('СОШ № 3')).toBe(short);
    expect(normaliseSchoolName('МКОУ «Берёзовская СОШ»')).toBe(
      normaliseSchoolName('Березовская СОШ'),
    );
    expect(normaliseSchoolName('СОШ № 3')).not.toBe(normaliseSchoolName('СОШ № 13'));
  });

  it('split the ФИС ОКО «(login) name» cell', () => {
    expect(splitLoginCell('(sch470101) МБОУ «Гимназия № 1»')).toEqual({
      login: 'sch470101',
      name: 'МБОУ «Гимназия № 1»',
    });
    expect(splitLoginCell('Демонстрационная область')).toEqual({
      name: 'Демонстрационная область',
    });
  });
});
