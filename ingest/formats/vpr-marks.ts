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
import { cellField, readRecords, type Field, type RecordLayout } from './fields.ts';
import {
  PARTICIPANTS_COLUMN,
  VPR_TEMPLATE_COLUMNS,
  VPR_SCHOOL_FIELD,
  VPR_SUBJECT_FIELD,
  detectTemplate,
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

type CanonicalKey = (typeof canonicalColumns)[number]['key'];

/** The participants and their marks: counts that add up, with a warning for a small group. */
const marksField: Field<CanonicalKey> = {
  keys: ['participants', 'n2', 'n3', 'n4', 'n5'],
  types: { participants: 'INTEGER', n2: 'INTEGER', n3: 'INTEGER', n4: 'INTEGER', n5: 'INTEGER' },
  read(row) {
    const participants = row.get('participants', integerCell(1), EXPECTED.positiveCount);
    const counts = (['n2', 'n3', 'n4', 'n5'] as const).map((k) =>
      row.get(k, integerCell(0), EXPECTED.count),
    );
    if (participants === undefined || counts.includes(undefined)) return undefined;
    const [n2, n3, n4, n5] = counts as number[];
    const sum = n2! + n3! + n4! + n5!;
    if (sum !== participants) {
      row.error(
        row.caption('participants'),
        String(participants),
        `сумма отметок «2»–«5» (${n2} + ${n3} + ${n4} + ${n5} = ${sum}) равна числу участников`,
      );
      return undefined;
    }
    warnSmallGroup(row, participants);
    return { participants, n2: n2!, n3: n3!, n4: n4!, n5: n5! };
  },
};

/** One field per cell group, in the order the row's problems are reported. */
const canonicalLayout: RecordLayout<CanonicalKey> = {
  columns: canonicalColumns,
  fields: [
    cellField('year', 'year', 'INTEGER', schoolYearCell, EXPECTED.schoolYear),
    VPR_SUBJECT_FIELD,
    marksField,
    VPR_SCHOOL_FIELD,
  ],
  constants: { level: 'school', schoolsCount: 1 },
  unique: {
    keys: ['year', 'schoolId', 'subject', 'grade'],
    title: 'учебный год, ОО, предмет и класс',
  },
};

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
  layout: canonicalLayout,
  parse: (context) => ({
    dataset: 'vpr_marks',
    rows: readRecords(context, canonicalLayout) as unknown as VprMarksRow[],
  }),
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
