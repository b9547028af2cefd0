/**
 * Exports of the models as tables for Excel: one row per school, district or benchmark
 * group, its level named, n on every row, Russian column captions that stay the same
 * between versions (documented in docs/exports.md from this file). SQL in exports/*.sql.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Store } from './db.ts';
import { roundTo } from '../contract/format.ts';
import { addRoadmapSheets } from './roadmap-export.ts';

export const EXPORTS = {
  indicators: {
    title: 'Показатели ВПР, ОГЭ и ЕГЭ по школам, району, региону и РФ',
    columns: [
      'procedure',
      'year',
      'subject',
      'grade',
      'level',
      'school_id',
      'short_name',
      'participants_count',
      'n2',
      'n3',
      'n4',
      'n5',
      'uspevaemost_pct',
      'kachestvo_pct',
      'dolya2_pct',
      'dolya5_pct',
      'avg_mark',
      'sou_pct',
      'avg_test_score',
      'below_min_pct',
      'high_band_pct',
      'score_100_count',
      'is_small_n',
    ],
  },
  'fg-targets': {
    title: 'Цели функциональной грамотности по направлениям, классам и школам',
    columns: [
      'year',
      'direction',
      'grade',
      'level',
      'school_id',
      'short_name',
      'participants_count',
      'low_count',
      'low_share_pct',
      'low_target_pct',
      'low_met',
      'low_gap_pp',
      'low_excess_pupils',
      'low_gap_contribution_pupils',
      'low_gap_contribution_pct',
      'high_count',
      'high_share_pct',
      'high_target_pct',
      'high_met',
      'high_gap_pp',
      'enrolled_count',
      'coverage_pct',
      'is_small_n',
    ],
  },
  deficits: {
    title: 'Выполнение заданий ВПР (проверяемых умений) против района, региона и РФ',
    columns: [
      'year',
      'subject',
      'grade',
      'task',
      'difficulty',
      'max_score',
      'skill',
      'level',
      'school_id',
      'short_name',
      'participants_count',
      'completion_pct',
      'status',
      'district_pct',
      'region_pct',
      'country_pct',
      'vs_district_pp',
      'vs_region_pp',
      'schools_count',
      'insufficient_schools_count',
      'is_small_n',
    ],
  },
  trends: {
    title: 'Динамика ключевых долей по годам: интервалы, изменение и его значимость',
    columns: [
      'title',
      'topic',
      'grade',
      'level',
      'school_id',
      'short_name',
      'year',
      'n',
      'count',
      'pct',
      'ci_low_pct',
      'ci_high_pct',
      'prev_year',
      'change_pp',
      'change_significant',
      'direction_5y',
      'higher_is_better',
      'is_small_n',
    ],
  },
  'teacher-deficits': {
    title: 'Доля педагогов с высоким и критическим уровнем затруднений',
    columns: [
      'year',
      'area',
      'level',
      'school_id',
      'short_name',
      'teachers_count',
      'deficit_count',
      'deficit_pct',
      'previous_year',
      'change_pp',
      'is_small_n',
    ],
  },
  flags: {
    title: 'Признаки кластеров риска, рассчитанные по правилам методики, с обоснованием',
    columns: [
      'year',
      'cluster',
      'school_id',
      'short_name',
      'triggered',
      'rule_id',
      'rule_version',
      'rule_is_default',
      'methodology_version',
      'explanation',
      'clears_when',
      'evidence',
    ],
  },
  lists: {
    title: 'Рабочие списки кластеров по учебным годам: источник, основание, дата',
    columns: [
      'year',
      'school_id',
      'short_name',
      'full_name',
      'cluster',
      'source',
      'basis',
      'listed_on',
      'reason',
    ],
  },
  'cluster-history': {
    title: 'Кластеры по годам: число школ, вошли, вышли, доля вышедших',
    columns: [
      'cluster',
      'year',
      'schools',
      'prev_year',
      'prev_schools',
      'entered',
      'left_count',
      'stayed',
      'exit_pct',
    ],
  },
  effects: {
    title: 'Результативность мер: школы рабочего списка до и после года поддержки, исход',
    columns: [
      'year',
      'base_year',
      'cluster',
      'school_id',
      'short_name',
      'source',
      'indicator',
      'base_count',
      'base_n',
      'base_pct',
      'measured_count',
      'measured_n',
      'measured_pct',
      'change_pp',
      'change_significant',
      'verdict',
      'later_years',
      'mentors',
      'outcome',
      'outcome_basis',
      'next_clusters',
    ],
  },
  'pair-effects': {
    title: 'Сетевые пары: подшефные школы до и после начала пары и школы без пары',
    columns: [
      'year',
      'base_year',
      'school_id',
      'short_name',
      'mentors',
      'cluster',
      'indicator',
      'base_count',
      'base_n',
      'base_pct',
      'measured_count',
      'measured_n',
      'measured_pct',
      'change_pp',
      'change_significant',
      'verdict',
      'peer_schools',
      'peer_before_pct',
      'peer_after_pct',
      'peer_change_pp',
      'peer_verdict',
      'difference_pp',
    ],
  },
  pairs: {
    title: 'Сетевые пары по учебным годам: наставник, подшефная школа, форма, договор',
    columns: [
      'year',
      'mentor_school_id',
      'mentor_name',
      'mentee_school_id',
      'mentee_name',
      'mentee_clusters',
      'form',
      'kind',
      'contract',
      'contract_number',
      'contract_date',
      'began',
      'years_running',
    ],
  },
  roadmap: {
    title: 'Дорожная карта: мероприятия по разделам, сроки, ответственные, кому адресованы, статус',
    columns: [
      'year',
      'section',
      'measure_no',
      'measure',
      'term',
      'deadline',
      'responsible_municipal',
      'responsible_school',
      'expected_result',
      'confirming_document',
      'serves',
      'measure_status',
      'status_on',
      'status_note',
    ],
  },
} as const satisfies Record<string, { title: string; columns: readonly string[] }>;

export type ExportName = keyof typeof EXPORTS;

export const CAPTIONS: Record<string, string> = {
  procedure: 'Процедура',
  year: 'Учебный год',
  subject: 'Предмет',
  grade: 'Класс',
  level: 'Уровень',
  school_id: 'Логин ОО',
  short_name: 'ОО',
  participants_count: 'Участников (n)',
  n2: 'Кол-во «2»',
  n3: 'Кол-во «3»',
  n4: 'Кол-во «4»',
  n5: 'Кол-во «5»',
  uspevaemost_pct: 'Успеваемость, %',
  kachestvo_pct: 'Качество знаний, %',
  dolya2_pct: 'Доля «2», %',
  dolya5_pct: 'Доля «5», %',
  avg_mark: 'Средняя отметка',
  sou_pct: 'СОУ, %',
  avg_test_score: 'Средний тестовый балл',
  below_min_pct: 'Ниже минимального балла, %',
  high_band_pct: 'Высокобалльники, %',
  score_100_count: 'Стобалльники',
  is_small_n: 'Мало данных',
  direction: 'Направление',
  low_count: 'Недостаточный и низкий уровни (чел.)',
  low_share_pct: 'Доля недостаточного и низкого, %',
  low_target_pct: 'Цель по низким: не больше, %',
  low_met: 'Цель по низким выполнена',
  low_gap_pp: 'Отклонение от цели по низким, п.п.',
  low_excess_pupils: 'Обучающихся сверх цели по низким',
  low_gap_contribution_pupils: 'Вклад в отставание района, обучающихся',
  low_gap_contribution_pct: 'Вклад в отставание района, %',
  high_count: 'Высокий уровень (чел.)',
  high_share_pct: 'Доля высокого, %',
  high_target_pct: 'Цель по высоким: не меньше, %',
  high_met: 'Цель по высоким выполнена',
  high_gap_pp: 'Отставание от цели по высоким, п.п.',
  enrolled_count: 'Обучающихся по реестру',
  coverage_pct: 'Охват, %',
  task: 'Задание',
  difficulty: 'Уровень сложности',
  max_score: 'Макс. балл',
  skill: 'Проверяемое умение',
  completion_pct: 'Выполнение, %',
  status: 'Оценка выполнения',
  district_pct: 'Район, %',
  region_pct: 'Регион, %',
  country_pct: 'РФ, %',
  vs_district_pp: 'Разница с районом, п.п.',
  vs_region_pp: 'Разница с регионом, п.п.',
  schools_count: 'Школ с данными',
  insufficient_schools_count: 'Школ с недостаточным выполнением',
  title: 'Показатель',
  topic: 'Предмет или направление',
  n: 'Численность (n)',
  count: 'Число случаев',
  pct: 'Значение, %',
  ci_low_pct: '95-процентный интервал: от, %',
  ci_high_pct: '95-процентный интервал: до, %',
  prev_year: 'Прошлый год',
  change_pp: 'Изменение, п.п.',
  change_significant: 'Изменение значимо',
  direction_5y: 'Направление за 3–5 лет',
  higher_is_better: 'Рост — улучшение',
  area: 'Область компетенций',
  teachers_count: 'Педагогов (n)',
  deficit_count: 'С высоким и критическим уровнем затруднений',
  deficit_pct: 'Доля с высоким и критическим уровнем, %',
  previous_year: 'Прошлая диагностика',
  cluster: 'Кластер',
  triggered: 'Признак установлен',
  evidence: 'Показатели обоснования (JSON: показатель, год, значение, n, порог, база сравнения)',
  rule_id: 'Правило',
  rule_version: 'Версия правила',
  rule_is_default: 'Правило по умолчанию',
  methodology_version: 'Версия методики',
  explanation: 'Обоснование',
  clears_when: 'Условие снятия',
  full_name: 'Полное наименование ОО',
  source: 'Источник',
  basis: 'Основание',
  listed_on: 'Дата включения',
  reason: 'Причина',
  schools: 'Школ в списке',
  prev_schools: 'Школ в списке прошлого года',
  entered: 'Вошли',
  left_count: 'Вышли',
  stayed: 'Остались',
  exit_pct: 'Доля вышедших, %',
  base_year: 'Год до поддержки (базовый)',
  indicator: 'Ключевой показатель',
  base_count: 'До: случаев',
  base_n: 'До: участников (n)',
  base_pct: 'До, %',
  measured_count: 'После: случаев',
  measured_n: 'После: участников (n)',
  measured_pct: 'После, %',
  verdict: 'Итог изменения',
  later_years: 'Следующие годы',
  mentors: 'ОО-наставник',
  outcome: 'Исход',
  outcome_basis: 'Исход определён по',
  next_clusters: 'Кластеры на следующий год',
  peer_schools: 'Школ без пары для сравнения',
  peer_before_pct: 'Школы без пары: до, %',
  peer_after_pct: 'Школы без пары: после, %',
  peer_change_pp: 'Школы без пары: изменение, п.п.',
  peer_verdict: 'Школы без пары: итог изменения',
  difference_pp: 'Разница изменений, п.п.',
  mentor_school_id: 'Логин ОО-наставника',
  mentor_name: 'ОО-наставник',
  mentee_school_id: 'Логин подшефной ОО',
  mentee_name: 'Подшефная ОО',
  mentee_clusters: 'Кластер подшефной в рабочем списке',
  form: 'Форма взаимодействия',
  kind: 'Форма взаимодействия (как в файле)',
  contract: 'Договор (соглашение, приказ)',
  contract_number: 'Номер договора',
  contract_date: 'Дата договора',
  began: 'Пара с учебного года',
  years_running: 'Лет без перерыва',
  section: 'Раздел (направление деятельности)',
  measure_no: '№ п/п',
  measure: 'Наименование мероприятия',
  term: 'Дата (как в дорожной карте)',
  deadline: 'Срок (последняя названная дата)',
  responsible_municipal: 'Ответственные исполнители на муниципальном уровне',
  responsible_school: 'Ответственные исполнители на институциональном уровне',
  expected_result: 'Ожидаемые результаты',
  confirming_document: 'Подтверждающий документ',
  serves: 'Кому адресовано',
  measure_status: 'Статус',
  status_on: 'Дата статуса',
  status_note: 'Отметка',
};

const LEVELS: Record<string, string> = {
  school: 'школа',
  district: 'район',
  region: 'регион',
  country: 'РФ',
};
const YEAR_COLUMNS = new Set(['year', 'prev_year', 'previous_year', 'base_year', 'began']);

export type ExportValue = string | number | null;
export interface ExportTable {
  columns: string[];
  captions: string[];
  rows: ExportValue[][];
}

const sqlOf = (name: ExportName) =>
  readFileSync(new URL(`./exports/${name}.sql`, import.meta.url), 'utf8');

/** A cell as a methodologist reads it: school years, Russian levels, да/нет, two decimals. */
function present(column: string, value: unknown): ExportValue {
  if (value === null || value === undefined) return null;
  if (YEAR_COLUMNS.has(column) && typeof value === 'number')
    return `${value - 1}/${String(value).slice(2)}`;
  if (column === 'level') return LEVELS[String(value)] ?? String(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'number') return Number.isInteger(value) ? value : roundTo(value, 2);
  return String(value);
}

export async function exportTable(
  store: Store,
  name: ExportName,
  filter: { year?: number; school?: string } = {},
): Promise<ExportTable> {
  const result = await store.table<Record<string, unknown>>(sqlOf(name), {
    year: filter.year ?? null,
    school: filter.school ?? null,
  });
  const columns: string[] = [...EXPORTS[name].columns];
  if (result.columns.join() !== columns.join())
    throw new Error(
      `Выгрузка «${name}»: столбцы SQL (${result.columns}) не совпадают с описанием (${columns})`,
    );
  const rows = result.rows;
  return {
    columns,
    captions: columns.map((c) => CAPTIONS[c] ?? c),
    rows: rows.map((row) => columns.map((c) => present(c, row[c]))),
  };
}

/** CSV as Russian Excel opens it: UTF-8 with BOM, `;`, decimal comma. */
/**
 * A text that a spreadsheet would take for a formula (OWASP «CSV injection»: it starts with =, +,
 * -, @, a tab or a carriage return) gets a leading apostrophe, so Excel shows it as text. Numbers
 * are written as numbers: a negative share is not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const csvText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

export function toCsv(table: Pick<ExportTable, 'captions' | 'rows'>): string {
  const cell = (value: ExportValue) => {
    if (value === null) return '';
    const text = typeof value === 'number' ? String(value).replace('.', ',') : csvText(value);
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.captions, ...table.rows].map((row) => row.map(cell).join(';'));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** An export as XLSX: the road map in its document's layout, every other export as a table. */
export async function toXlsx(
  table: Pick<ExportTable, 'captions' | 'rows'> & Partial<Pick<ExportTable, 'columns'>>,
  sheetName: string,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Мониторинг качества образования';
  // The «roadmap» export (its own columns, not a page's table of the same name) keeps its layout.
  const { columns } = table;
  if (sheetName === 'roadmap' && columns?.join() === EXPORTS.roadmap.columns.join()) {
    addRoadmapSheets(workbook, { ...table, columns });
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  sheet.addRow(table.captions).font = { bold: true };
  table.rows.forEach((row) => sheet.addRow(row));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach(
    (column, i) => (column.width = Math.min(40, Math.max(10, table.captions[i]!.length + 2))),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The exports section of docs/exports.md: every export with its columns. */
export function exportsMarkdown(): string {
  return Object.entries(EXPORTS)
    .map(([name, e]) =>
      [
        `#### \`${name}\` — ${e.title}`,
        '',
        e.columns.map((c) => `«${CAPTIONS[c]}»`).join(', ') + '.',
      ].join('\n'),
    )
    .join('\n\n');
}
