/**
 * The municipal road map as the committee's распоряжение writes it (Приложение 1): title lines
 * naming the school year, the header «№ п/п | Направления деятельности, наименование мероприятия
 * | Дата | Ответственные исполнители на муниципальном уровне | … на институциональном уровне |
 * Ожидаемые результаты | Подтверждающий документ», sections as spanning rows, measures numbered
 * or not, and the rows a page break leaves (a measure's text continued without a number) joined
 * to the measure above.
 */
import { findHeader, normaliseHeader, type ColumnSpec, type HeaderMatch } from '../header.ts';
import { termDeadline } from '../../contract/roadmap.ts';
import type { ParsedRows, RoadmapRow } from '../datasets.ts';
import type { Cell } from '../read/table.ts';
import type { ParseContext } from './context.ts';
import type { Format } from './format.ts';
import { cellText, givenYear, showYear, textLines } from './cluster-lists.ts';
import { schoolYearsIn } from './list-title.ts';
import { isBlankRow } from './rows.ts';
import { fileStatus, STATUS_COLUMNS } from './roadmap-status.ts';
import { servesOf, type MeasureDraft, type TextKey } from './roadmap-serves.ts';

export const ROADMAP_COLUMNS = [
  { key: 'number', names: ['№ п/п', '№ п\\п', '№', 'N п/п', '№ пп'], required: false },
  {
    key: 'title',
    names: [
      'Направления деятельности, наименование мероприятия (краткое содержание)',
      'Направления деятельности Наименование мероприятия (краткое содержание)',
      'Направления деятельности, наименование мероприятия',
      'Направления деятельности Наименование мероприятия',
      'Наименование мероприятия (краткое содержание)',
      'Наименование мероприятия',
      'Мероприятие',
      'Мероприятия',
      'Содержание мероприятия',
    ],
    required: true,
  },
  {
    key: 'term',
    names: ['Дата', 'Срок', 'Сроки', 'Срок исполнения', 'Сроки исполнения', 'Сроки проведения'],
    required: true,
  },
  {
    key: 'municipal',
    names: [
      'Ответственные исполнители на муниципальном уровне',
      'Ответственные на муниципальном уровне',
      'Ответственный на муниципальном уровне',
      'Ответственные исполнители (муниципальный уровень)',
    ],
    required: true,
  },
  {
    key: 'school',
    names: [
      'Ответственные исполнители на институциональном уровне',
      'Ответственные на институциональном уровне',
      'Ответственный на институциональном уровне',
      'Ответственные исполнители на уровне ОО',
      'Ответственные исполнители (институциональный уровень)',
    ],
    required: false,
  },
  {
    key: 'result',
    names: ['Ожидаемые результаты', 'Ожидаемый результат', 'Планируемые результаты'],
    required: false,
  },
  {
    key: 'document',
    names: ['Подтверждающий документ', 'Подтверждающие документы', 'Форма отчетности'],
    required: false,
  },
  ...STATUS_COLUMNS,
] as const satisfies readonly ColumnSpec[];

type Key = (typeof ROADMAP_COLUMNS)[number]['key'];
type Header = HeaderMatch<Key>;
const TEXT_KEYS: readonly TextKey[] = [
  'title',
  'term',
  'municipal',
  'school',
  'result',
  'document',
  'status',
  'statusOn',
  'note',
];

const ROW_NUMBER = /^\d+(\.\d+)*\.?$/;
const startsLowercase = (text: string) => /^[^\p{L}]*\p{Ll}/u.test(text);

const cellAt = (cells: readonly Cell[], header: Header, key: Key) => {
  const column = header.columns.get(key);
  return column === undefined ? '' : cellText(cells[column]);
};

const TITLE_NAMES = new Set(
  ROADMAP_COLUMNS.find((c) => c.key === 'title')!.names.map(normaliseHeader),
);

/** The header again (a new page repeats it), whole or its title, or the numbers «1 2 3 … 7». */
function isRepeatedHeader(cells: readonly Cell[], header: Header): boolean {
  const texts = cells.map(cellText).filter(Boolean);
  if (texts.length > 1 && texts.every((text, i) => text === String(i + 1))) return true;
  const title = cellText(cells[header.columns.get('title')!]);
  return TITLE_NAMES.has(normaliseHeader(title));
}

/**
 * A section heading: one text in the row, merged across it (a merged row repeats the text in
 * every cell) or written in the table's first column, or in the title column as a heading (not a
 * sentence going on in lower case). A text alone in another column is a measure's continuation.
 */
function sectionText(cells: readonly Cell[], header: Header): string | undefined {
  const number = header.columns.get('number');
  const numberText = number === undefined ? '' : cellText(cells[number]);
  const numbered = ROW_NUMBER.test(numberText);
  const filled = cells
    .map((cell, column) => ({ column, text: cellText(cell) }))
    .filter((c) => c.text && !(numbered && c.column === number));
  const texts = new Set(filled.map((c) => c.text));
  if (texts.size !== 1) return undefined;
  const text = filled[0]!.text;
  if (filled.length === 1) {
    const { column } = filled[0]!;
    const first = Math.min(...header.columns.values());
    const asHeading = column === header.columns.get('title') && !numbered && !startsLowercase(text);
    if (column !== first && !asHeading) return undefined;
  }
  return numbered ? `${numberText} ${text}` : text;
}

/** A continued measure: no number of its own, its title cell empty or going on in lower case. */
function continues(cells: readonly Cell[], header: Header): boolean {
  if (ROW_NUMBER.test(cellAt(cells, header, 'number'))) return false;
  const title = cellAt(cells, header, 'title');
  return title === '' || startsLowercase(title);
}

function joinContinuation(
  context: ParseContext,
  draft: MeasureDraft,
  cells: readonly Cell[],
  header: Header,
  row: number,
) {
  for (const key of TEXT_KEYS) {
    const text = cellAt(cells, header, key);
    if (text) draft.texts[key] = draft.texts[key] ? `${draft.texts[key]} ${text}` : text;
  }
  context.problems.add({
    severity: 'warning',
    file: context.file.name,
    sheet: context.sheet.name,
    row,
    message: `строка без номера продолжает текст мероприятия строки ${draft.row} (разрыв страницы): строки ${draft.row} и ${row} объединены в одно мероприятие`,
  });
}

/** The measures of the table in document order, each with its section; sections without measures warned. */
export function measureDrafts(context: ParseContext, header: Header): MeasureDraft[] {
  const { sheet } = context;
  const drafts: MeasureDraft[] = [];
  let section = { text: '', row: 0, measures: 0 };
  const closeSection = () => {
    if (section.row > 0 && section.measures === 0) emptySection(context, section.row, section.text);
  };
  for (let index = header.rowIndex + 1; index < sheet.rows.length; index++) {
    const cells = sheet.rows[index] ?? [];
    if (isBlankRow(sheet, index)) continue;
    if (isRepeatedHeader(cells, header)) {
      skippedHeader(context, index + 1);
      continue;
    }
    const heading = sectionText(cells, header);
    const last = drafts.at(-1);
    if (heading !== undefined) {
      closeSection();
      section = { text: heading, row: index + 1, measures: 0 };
    } else if (last && section.measures > 0 && continues(cells, header))
      joinContinuation(context, last, cells, header, index + 1);
    else {
      const texts: MeasureDraft['texts'] = {};
      for (const key of TEXT_KEYS) texts[key] = cellAt(cells, header, key) || undefined;
      const number = cellAt(cells, header, 'number') || null;
      drafts.push({ row: index + 1, section: section.text, number, texts });
      section.measures++;
    }
  }
  closeSection();
  return drafts;
}

function skippedHeader(context: ParseContext, row: number): void {
  context.problems.add({
    severity: 'warning',
    file: context.file.name,
    sheet: context.sheet.name,
    row,
    message:
      'строка повторяет шапку таблицы или нумерует её столбцы (так бывает на новой странице): пропущена',
  });
}

function emptySection(context: ParseContext, row: number, text: string): void {
  context.problems.add({
    severity: 'warning',
    file: context.file.name,
    sheet: context.sheet.name,
    row,
    value: text,
    message:
      'строка прочитана как заголовок раздела, но под ней нет ни одного мероприятия: раздел не загружен',
  });
}

/** The school year of the road map: given at the import, else the one its title lines name. */
function roadmapYear(context: ParseContext, header: Header): number | undefined {
  const given = givenYear(context);
  const title = textLines(context.sheet, 0, header.rowIndex).join(' ');
  const years = schoolYearsIn(title);
  const at = { file: context.file.name, sheet: context.sheet.name, row: header.rowIndex + 1 };
  if (given !== undefined) {
    if (years.length > 0 && !years.includes(given))
      context.problems.add({
        severity: 'warning',
        ...at,
        message: `в заголовке дорожной карты назван ${years.map(showYear).join(', ')} учебный год, а при загрузке указан ${showYear(given)}: дорожная карта загружается за ${showYear(given)}`,
      });
    return given;
  }
  if (years.length === 1) return years[0];
  if (context.given?.year !== undefined) return undefined;
  context.problems.add({
    severity: 'error',
    ...at,
    message: `не указан учебный год дорожной карты: ${years.length > 1 ? `в заголовке названо несколько учебных годов (${years.map(showYear).join(', ')})` : 'в заголовке над таблицей учебный год не назван'}. Укажите год при загрузке: в командной строке — npm run import -- <файл> --year 2023/24, на странице «Загрузка данных» — в поле «Учебный год списка»; или допишите год в заголовок («в 2023-2024 уч. году»)`,
  });
  return undefined;
}

/** A deadline outside the school year is kept as written, with a warning. */
function checkDeadline(
  context: ParseContext,
  header: Header,
  draft: MeasureDraft,
  deadline: string,
  year: number,
) {
  if (deadline >= `${year - 1}-09-01` && deadline <= `${year}-08-31`) return;
  const headerCells = context.sheet.rows[header.rowIndex] ?? [];
  context.problems.add({
    severity: 'warning',
    file: context.file.name,
    sheet: context.sheet.name,
    row: draft.row,
    column: cellText(headerCells[header.columns.get('term')!]),
    value: draft.texts.term,
    message: `срок ${deadline.split('-').reverse().join('.')} вне ${showYear(year)} учебного года (01.09.${year - 1}–31.08.${year}): срок загружен как написан, проверьте год`,
  });
}

function measureRow(
  context: ParseContext,
  header: Header,
  draft: MeasureDraft,
  year: number,
  position: number,
): RoadmapRow | undefined {
  const { texts } = draft;
  if (!texts.title) {
    const headerCells = context.sheet.rows[header.rowIndex] ?? [];
    context.problems.add({
      severity: 'error',
      file: context.file.name,
      sheet: context.sheet.name,
      row: draft.row,
      column: cellText(headerCells[header.columns.get('title')!]),
      value: '(пусто)',
      expected: `наименование мероприятия${draft.number ? ` № ${draft.number}` : ''}: у строки есть ${texts.term ? `срок «${texts.term}»` : 'номер или другие столбцы'}, но нет мероприятия`,
    });
    return undefined;
  }
  const caption = (key: Key) =>
    cellText((context.sheet.rows[header.rowIndex] ?? [])[header.columns.get(key)!]);
  const given = fileStatus(context, draft, caption);
  if (given === null) return undefined;
  const deadline = texts.term ? termDeadline(texts.term, year) : null;
  if (deadline) checkDeadline(context, header, draft, deadline, year);
  return {
    year,
    section: draft.section,
    position,
    number: draft.number,
    title: texts.title,
    term: texts.term ?? null,
    deadline,
    responsibleMunicipal: texts.municipal ?? null,
    responsibleSchool: texts.school ?? null,
    expectedResult: texts.result ?? null,
    confirmingDocument: texts.document ?? null,
    ...servesOf(context, draft),
    ...(given && { given }),
    sourceRow: draft.row,
  };
}

export function parseRoadmap(context: ParseContext): ParsedRows {
  const header = findHeader(context.sheet, ROADMAP_COLUMNS)!;
  const year = roadmapYear(context, header);
  const drafts = measureDrafts(context, header);
  if (drafts.length === 0)
    context.problems.add({
      severity: 'error',
      file: context.file.name,
      sheet: context.sheet.name,
      row: header.rowIndex + 1,
      message:
        'под шапкой дорожной карты нет ни одного мероприятия: ожидались строки разделов и мероприятий под строкой «№ п/п | Направления деятельности, наименование мероприятия | Дата | …»',
    });
  if (year === undefined) return { dataset: 'roadmap', rows: [] };
  const rows: RoadmapRow[] = [];
  for (const draft of drafts) {
    const row = measureRow(context, header, draft, year, rows.length + 1);
    if (row) rows.push(row);
  }
  return { dataset: 'roadmap', rows };
}

export const roadmapFormat: Format = {
  id: 'roadmap',
  title: 'Муниципальная дорожная карта (приложение к распоряжению)',
  dataset: 'roadmap',
  columns: ROADMAP_COLUMNS,
  notes: [
    'Дорожная карта, как её пишут в приложении к распоряжению: строки заголовка («МУНИЦИПАЛЬНАЯ ДОРОЖНАЯ КАРТА … в 2023-2024 уч. году»), шапка «№ п/п | Направления деятельности, наименование мероприятия (краткое содержание) | Дата | Ответственные исполнители на муниципальном уровне | Ответственные исполнители на институциональном уровне | Ожидаемые результаты | Подтверждающий документ».',
    'Раздел (направление) — строка с одним текстом (объединённые ячейки или одна ячейка вне столбца мероприятий); мероприятия под ним относятся к нему. Номер «№ п/п» хранится как написан, порядок — как в документе.',
    'Строка без номера, у которой мероприятие пусто или продолжается со строчной буквы (так её оставляет разрыв страницы), присоединяется к мероприятию выше с предупреждением, называющим обе строки.',
    'Срок хранится как написан («15.08. – 15.09.», «Октябрь 2023 г», «в течение года»), а из него — последняя названная дата: число без года относится к учебному году (сентябрь–декабрь — первый календарный год, январь–август — второй), месяц — к его последнему дню, «в течение года» — к 31 августа. Срок вне учебного года загружается с предупреждением.',
    'Кому адресовано мероприятие: школы реестра, названные в столбце ответственных на институциональном уровне («МКОУ «Шумская СОШ» МБОУ «ОСШ №3» …»); иначе один кластер, названный в мероприятии (ШФСОР, ШФЗР, ШЛ… по таблице названий методики); иначе весь рабочий список.',
    'Учебный год: --year 2023/24 в командной строке, поле «Учебный год списка» на странице загрузки или строки заголовка. Без года файл не загружается.',
    'Справа могут быть столбцы «Статус» (запланировано, выполнено, перенесено, не выполнено), «Дата статуса» (ДД.ММ.ГГГГ) и «Отметка», как их пишет выгрузка дорожной карты: выгруженный, отмеченный и загруженный снова файл сохраняет отметки.',
    'Повторная загрузка за тот же год — новая редакция: загруженные ранее мероприятия года заменяются; у мероприятия с тем же разделом и названием сохраняются статус, его дата и отметка; мероприятия, добавленные на странице, остаются. Статус, указанный в файле, заменяет прежний.',
  ],
  detect: (sheet) => findHeader(sheet, ROADMAP_COLUMNS) !== undefined,
  parse: parseRoadmap,
};
