/**
 * ВПР «Сравнение отметок с отметками по журналу» (выгрузка ФИС ОКО): per group (РФ → регион
 * → муниципалитет → ОО) a row with the group name, then four rows Понизили / Подтвердили /
 * Повысили / Всего with the number of pupils and their share in %. Counts are stored; the
 * shares are only checked against the counts.
 */
import { findHeader, normaliseHeader, type ColumnSpec } from '../header.ts';
import { EXPECTED, formatDecimal, integerCell, percentCell, textCell } from '../values.ts';
import type { VprJournalRow } from '../datasets.ts';
import type { Sheet } from '../read/table.ts';
import type { Format } from './format.ts';
import { checkDuplicates } from './rows.ts';
import { readRows, type RowReader } from './row-reader.ts';
import { groupClassifier, readExportTitle, type Group, schoolOfGroup } from './fisoko.ts';

/** ФИС ОКО rounds each share to 0.01 %; a share further than this from count / total is suspect. */
const SHARE_TOLERANCE = 0.5;
/** How many rows under the header may hold the first «Понизили» row. */
const DETECT_ROWS = 10;

const columns = [
  { key: 'group', names: ['Группы участников'], required: true },
  { key: 'count', names: ['Кол-во участников'], required: true },
  { key: 'pct', names: ['%'], required: true },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof columns)[number]['key'];
type Kind = 'lower' | 'same' | 'higher' | 'total';

const KINDS: readonly Kind[] = ['lower', 'same', 'higher', 'total'];
const KIND_WORDS: Record<Kind, string> = {
  lower: 'понизили',
  same: 'подтвердили',
  higher: 'повысили',
  total: 'всего',
};
const KIND_TITLES: Record<Kind, string> = {
  lower: '«Понизили»',
  same: '«Подтвердили»',
  higher: '«Повысили»',
  total: '«Всего»',
};
const FOUR_ROWS = KINDS.map((k) => KIND_TITLES[k]).join(', ');

/** The kind of a row by its first word: «Понизили (Отметка < Отметка по журналу) %» → lower. */
function kindOf(caption: string): Kind | undefined {
  const word = /^[а-яё]+/i.exec(normaliseHeader(caption))?.[0];
  return KINDS.find((k) => KIND_WORDS[k] === word);
}

function startsWithLowered(sheet: Sheet, headerRow: number, groupColumn: number): boolean {
  return sheet.rows.slice(headerRow + 1, headerRow + 1 + DETECT_ROWS).some((row) => {
    const cell = row[groupColumn];
    return typeof cell === 'string' && kindOf(cell) === 'lower';
  });
}

interface KindRow {
  row: RowReader<Key>;
  count: number | undefined;
  pct: number | null | undefined;
}

/** A group being read: its name row and the rows under it seen so far. */
interface OpenGroup {
  row: RowReader<Key>;
  caption: string;
  group: Group;
  /** undefined: an unknown school (the error is recorded) */
  schoolId: string | null | undefined;
  kinds: Partial<Record<Kind, KindRow>>;
}

/** The counts of a group as stored. */
interface GroupCounts {
  participants: number;
  nLower: number;
  nSame: number;
  nHigher: number;
}

/**
 * The counts of a finished group once its four rows are there, each with a count, and the first
 * three add up to «Всего»; undefined (with the error recorded) otherwise.
 */
function groupCounts(current: OpenGroup): GroupCounts | undefined {
  const missing = KINDS.filter((k) => !current.kinds[k]);
  if (missing.length > 0) {
    current.row.error(
      current.row.caption('group'),
      current.caption,
      `под строкой группы — строки ${FOUR_ROWS}; нет строк: ${missing.map((k) => KIND_TITLES[k]).join(', ')}`,
    );
    return undefined;
  }
  const [nLower, nSame, nHigher, participants] = KINDS.map((k) => current.kinds[k]!.count);
  if (
    nLower === undefined ||
    nSame === undefined ||
    nHigher === undefined ||
    participants === undefined
  )
    return undefined;
  const sum = nLower + nSame + nHigher;
  if (sum !== participants) {
    const total = current.kinds.total!.row;
    total.error(
      total.caption('count'),
      String(participants),
      `сумма строк «Понизили», «Подтвердили» и «Повысили» (${nLower} + ${nSame} + ${nHigher} = ${sum}) равна строке «Всего»`,
    );
    return undefined;
  }
  return { participants, nLower, nSame, nHigher };
}

/** Warns of each share of a group further than the tolerance from its count / participants. */
function checkShares(current: OpenGroup, participants: number): void {
  for (const k of KINDS) {
    const { row, count, pct } = current.kinds[k]!;
    if (pct === null || pct === undefined || count === undefined) continue;
    const share = (count / participants) * 100;
    if (Math.abs(pct - share) > SHARE_TOLERANCE)
      row.warn(
        row.caption('pct'),
        formatDecimal(pct),
        `доля не сходится с числом участников: ${count} из ${participants} — это ${formatDecimal(share)} % (допуск ±${formatDecimal(SHARE_TOLERANCE)})`,
      );
  }
}

/**
 * Whether a «Понизили» … «Всего» row may join the open group: there is one, and it has no such
 * row yet (the error is recorded otherwise).
 */
function joinsGroup(
  row: RowReader<Key>,
  caption: string,
  kind: Kind,
  open: OpenGroup | undefined,
): open is OpenGroup {
  if (!open) {
    row.error(
      row.caption('group'),
      caption,
      `строка ${KIND_TITLES[kind]} под строкой с названием группы участников (над строками ${FOUR_ROWS})`,
    );
    return false;
  }
  if (open.kinds[kind]) {
    row.error(
      row.caption('group'),
      caption,
      `одна строка ${KIND_TITLES[kind]} в группе «${open.group.name}» (уже есть в строке ${open.kinds[kind].row.number})`,
    );
    return false;
  }
  return true;
}

export const vprJournalFormat: Format = {
  id: 'vpr_journal_fisoko',
  title: 'ВПР: «Сравнение отметок с отметками по журналу» (выгрузка ФИС ОКО)',
  dataset: 'vpr_journal',
  columns,
  notes: [
    'Файл из «Аналитики» ФИС ОКО загружается как есть: над таблицей строки «Всероссийские проверочные работы 2026 (5 класс)» и «Предмет: …», заголовок «Группы участников | Кол-во участников | %».',
    'Под строкой каждой группы («Вся выборка», регион, муниципалитет, школы «(логин) наименование») — строки «Понизили», «Подтвердили», «Повысили» и «Всего». Хранятся количества; сумма первых трёх равна «Всего», проценты только сверяются с количествами (расхождение больше 0,5 — предупреждение). Группы с «Всего» = 0 пропускаются.',
  ],
  detect(sheet) {
    const header = findHeader(sheet, columns);
    return (
      header !== undefined &&
      startsWithLowered(sheet, header.rowIndex, header.columns.get('group')!)
    );
  },
  parse(context) {
    const header = findHeader(context.sheet, columns)!;
    const title = readExportTitle(context, header.rowIndex);
    const rows: VprJournalRow[] = [];
    if (!title) return { dataset: 'vpr_journal', rows };
    const { year, grade, subject } = title;
    const classify = groupClassifier();
    const keys: { row: number; key: string }[] = [];
    let open: OpenGroup | undefined;

    /** Checks a finished group (at its «Всего» row, the next group or the end) and keeps it unless empty. */
    const close = (current: OpenGroup) => {
      const counts = groupCounts(current);
      if (!counts || counts.participants === 0) return;
      checkShares(current, counts.participants);
      if (current.schoolId === undefined) return;
      rows.push({
        year,
        subject: subject.name,
        grade,
        level: current.group.level,
        schoolId: current.schoolId,
        groupName: current.group.name,
        ...counts,
      });
      keys.push({ row: current.row.number, key: current.schoolId ?? current.group.level });
    };

    readRows(context, header, (row) => {
      const caption = row.get('group', textCell, EXPECTED.group);
      if (caption === undefined) return;
      const kind = kindOf(caption);
      if (!kind) {
        if (open) close(open);
        const group = classify(caption);
        const schoolId = schoolOfGroup(row, row.caption('group'), group);
        open = { row, caption, group, schoolId, kinds: {} };
        return;
      }
      if (!joinsGroup(row, caption, kind, open)) return;
      open.kinds[kind] = {
        row,
        count: row.get('count', integerCell(0), EXPECTED.count),
        pct: row.optional('pct', percentCell, EXPECTED.percent),
      };
      if (kind === 'total') {
        close(open);
        open = undefined;
      }
    });
    if (open) close(open);
    checkDuplicates(keys, 'группа участников', context);
    return { dataset: 'vpr_journal', rows };
  },
};
