/**
 * ВПР «Статистика по отметкам» in two layouts: our canonical template (counts of marks per
 * school) and the ФИС ОКО export (percentages of marks per group row: РФ → регион →
 * муниципалитет → ОО). Both are stored as counts; ФИС ОКО percentages become
 * round(% × N / 100), and the region and RF rows are kept as benchmarks.
 */
import { findHeader, normaliseHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, formatDecimal, integerCell, percentCell, schoolYearCell } from '../values.ts';
import { textCell } from '../values.ts';
import type { VprMarksRow } from '../datasets.ts';
import type { Cell } from '../read/table.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows } from './row-reader.ts';
import {
  PARTICIPANTS_COLUMN,
  VPR_TEMPLATE_COLUMNS,
  detectTemplate,
  readVprSubject,
  warnSmallGroup,
} from './vpr-subject.ts';
import { groupClassifier, readExportTitle, schoolOfGroup } from './fisoko.ts';

/** ФИС ОКО rounds each share to 0.01 %, so the four shares may miss 100 by a little. */
const SHARE_SUM_TOLERANCE = 0.5;

const markNames = (mark: number) => [
  `Кол-во «${mark}»`,
  `«${mark}»`,
  `${mark}`,
  `Отметка «${mark}»`,
  `Кол-во отметок «${mark}»`,
  `Количество «${mark}»`,
];

const canonicalColumns = [
  ...VPR_TEMPLATE_COLUMNS,
  PARTICIPANTS_COLUMN,
  { key: 'n2', names: markNames(2), required: true },
  { key: 'n3', names: markNames(3), required: true },
  { key: 'n4', names: markNames(4), required: true },
  { key: 'n5', names: markNames(5), required: true },
] as const satisfies readonly ColumnSpec[];

export const vprMarksCanonicalFormat: Format = {
  id: 'vpr_marks_canonical',
  title: 'ВПР: отметки по ОО (шаблон)',
  dataset: 'vpr_marks',
  columns: canonicalColumns,
  notes: [
    'Одна строка — одна школа по одному предмету в одном классе; в столбцах отметок — количества участников, не проценты. Сумма отметок равна числу участников.',
    'Класс должен быть из тех, в которых по предмету пишут ВПР.',
  ],
  example: ['2025/26', 'sch470101', 'Гимназия № 1', 5, 'Математика', 52, 3, 15, 20, 14],
  detect: detectTemplate(canonicalColumns),
  parse(context) {
    const header = findHeader(context.sheet, canonicalColumns)!;
    const rows: VprMarksRow[] = [];
    const keys: { row: number; key: string }[] = [];
    readRows(context, header, (row) => {
      const year = row.get('year', schoolYearCell, EXPECTED.schoolYear);
      const vpr = readVprSubject(row);
      const participants = row.get('participants', integerCell(1), EXPECTED.positiveCount);
      const [n2, n3, n4, n5] = (['n2', 'n3', 'n4', 'n5'] as const).map((k) =>
        row.get(k, integerCell(0), EXPECTED.count),
      );
      const schoolId = row.school('login', 'name');
      if (
        year === undefined ||
        !vpr ||
        participants === undefined ||
        schoolId === undefined ||
        n2 === undefined ||
        n3 === undefined ||
        n4 === undefined ||
        n5 === undefined
      )
        return;
      if (n2 + n3 + n4 + n5 !== participants) {
        row.error(
          row.caption('participants'),
          String(participants),
          `сумма отметок «2»–«5» (${n2} + ${n3} + ${n4} + ${n5} = ${n2 + n3 + n4 + n5}) равна числу участников`,
        );
        return;
      }
      const { subject, grade } = vpr;
      warnSmallGroup(row, participants, `${subject.name}, ${grade} кл.`);
      rows.push({
        year,
        subject: subject.name,
        grade,
        level: 'school',
        schoolId,
        groupName: row.text('name') ?? row.text('login') ?? schoolId,
        schoolsCount: 1,
        participants,
        n2,
        n3,
        n4,
        n5,
      });
      keys.push({ row: row.number, key: `${year}|${schoolId}|${subject.name}|${grade}` });
    });
    checkDuplicates(keys, 'учебный год, ОО, предмет и класс', context);
    return { dataset: 'vpr_marks', rows };
  },
};

// ---- ФИС ОКО export -------------------------------------------------------------------

const exportColumns = [
  { key: 'group', names: ['Группы участников'], required: true },
  { key: 'schoolsCount', names: ['Кол-во ОО'], required: true },
  { key: 'participants', names: ['Кол-во участников'], required: true },
] as const satisfies readonly ColumnSpec[];

/** Column index of each mark 2..5 in the sub-header row under «Распределение … в %». */
function markColumns(row: readonly Cell[]): number[] | undefined {
  const indexes = [2, 3, 4, 5].map((mark) =>
    row.findIndex((cell) => cell !== null && normaliseHeader(String(cell)) === String(mark)),
  );
  return indexes.every((i) => i >= 0) ? indexes : undefined;
}

export const vprMarksExportFormat: Format = {
  id: 'vpr_marks_fisoko',
  title: 'ВПР: «Статистика по отметкам» (выгрузка ФИС ОКО)',
  dataset: 'vpr_marks',
  columns: exportColumns,
  notes: [
    'Файл из «Аналитики» ФИС ОКО загружается как есть: над таблицей строки «Всероссийские проверочные работы 2026 (5 класс)» и «Предмет: …», под заголовком «Распределение групп баллов в %» — столбцы 2, 3, 4, 5 (объединённые ячейки допустимы).',
    'Строки идут от «Вся выборка» (РФ) к региону, муниципалитету и школам «(логин) наименование». Хранятся количества round(% × N / 100); строки региона и РФ — ориентиры для сравнения.',
  ],
  detect(sheet) {
    const header = findHeader(sheet, exportColumns);
    return header !== undefined && markColumns(sheet.rows[header.rowIndex + 1] ?? []) !== undefined;
  },
  parse(context) {
    const header = findHeader(context.sheet, exportColumns)!;
    const marks = markColumns(context.sheet.rows[header.rowIndex + 1] ?? [])!;
    const title = readExportTitle(context, header.rowIndex);
    const rows: VprMarksRow[] = [];
    if (!title) return { dataset: 'vpr_marks', rows };
    const { year, grade, subject } = title;
    const classify = groupClassifier();
    const keys: { row: number; key: string }[] = [];
    readRows(
      context,
      header,
      (row) => {
        const caption = row.get('group', textCell, EXPECTED.group);
        const participants = row.get('participants', integerCell(0), EXPECTED.count);
        const schoolsCount = row.get('schoolsCount', integerCell(0), EXPECTED.count);
        const shares = marks.map((column, i) =>
          row.at(column, `% отметки «${i + 2}»`, percentCell, EXPECTED.percent),
        );
        if (caption === undefined) return;
        // Every group is classified, even an empty one, so the region keeps its place.
        const group = classify(caption);
        if (participants === undefined || schoolsCount === undefined) return;
        if (shares.some((s) => s === undefined) || participants === 0) return;
        const sum = (shares as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - 100) > SHARE_SUM_TOLERANCE) {
          row.error(
            '% отметок «2»–«5»',
            formatDecimal(sum),
            `сумма долей отметок 100 % (допуск ±${formatDecimal(SHARE_SUM_TOLERANCE)})`,
          );
          return;
        }
        const [n2, n3, n4, n5] = (shares as number[]).map((share) =>
          Math.round((share * participants) / 100),
        ) as [number, number, number, number];
        const schoolId = schoolOfGroup(row, row.caption('group'), group);
        if (schoolId === undefined) return;
        if (group.level === 'school') warnSmallGroup(row, participants, group.name);
        rows.push({
          year,
          subject: subject.name,
          grade,
          level: group.level,
          schoolId,
          groupName: group.name,
          schoolsCount,
          participants,
          n2,
          n3,
          n4,
          n5,
        });
        keys.push({ row: row.number, key: schoolId ?? group.level });
      },
      header.rowIndex + 2,
    );
    checkDuplicates(keys, 'группа участников', context);
    return { dataset: 'vpr_marks', rows };
  },
};
