/** Parts that the district and the school briefings share: the measured procedures, the sources, the shares table. */
import { group } from 'd3-array';
import type { Store } from '../analytics/db.ts';
import { currentMethodology } from '../analytics/methodology-store.ts';
import { runQuery } from '../analytics/queries.ts';
import { datasetTitle, type Dataset } from '../ingest/datasets.ts';
import type { BriefingBuilder, TableColumn } from './document.ts';
import type { MeasuredRow, ShareRow, SourceRow } from './rows.ts';
import {
  SCHOOLS,
  countRu,
  formatDate,
  formatInt,
  formatPp,
  gradesRu,
  listRu,
  schoolYear,
  formatPctN,
  topicLabel,
} from './text.ts';

/** What every briefing states about its data: the year, the data date, the methodology. */
export interface BriefingContext {
  year: number;
  /** «2025/26» */
  yearText: string;
  /** the date of the latest import of the year's files, ISO */
  dataDate: string | null;
  methodologyVersion: string;
  isDemo: boolean;
  sources: SourceRow[];
}

export async function briefingContext(store: Store, year: number): Promise<BriefingContext> {
  const sources = await runQuery<SourceRow>(store, 'briefing_sources', { year });
  const methodology = await currentMethodology(store);
  const dates = sources.map((s) => s.imported_on).sort();
  return {
    year,
    yearText: schoolYear(year),
    dataDate: dates.at(-1) ?? null,
    methodologyVersion: methodology.version,
    isDemo: sources.some((s) => s.is_demo),
    sources,
  };
}

export const runningHead = (c: BriefingContext) =>
  `${c.yearText} учебный год · данные на ${formatDate(c.dataDate)} · методика ${c.methodologyVersion}`;

export const demoWarning = (c: BriefingContext) =>
  c.isDemo &&
  'Справка построена на демонстрационных данных: школы и результаты вымышлены, выводы к реальным школам не относятся.';

export const METHOD_NOTE =
  'Доли посчитаны по числу участников, а не как среднее процентов школ; рядом с каждой долей — число участников n. ' +
  'Изменение названо значимым, если оно больше случайного колебания при таком числе участников (z-критерий для двух долей, уровень 95 %).';

const PROCEDURE_UNITS: Record<string, string> = {
  ВПР: 'работ',
  ОГЭ: 'экзаменов',
  ЕГЭ: 'экзаменов',
  ФГ: 'работ',
  'Диагностика педагогов': 'педагогов',
};

/**
 * One phrase per procedure: «ВПР (4, 5, 6, 7 и 8 классы; 10 предметов): 18 школ, работ — 11 269»
 * (for one school without the number of schools).
 */
function measuredPhrase(r: MeasuredRow, scope: 'district' | 'school'): string {
  const details = [
    r.grades?.length ? gradesRu(r.grades) : null,
    r.subjects?.length
      ? r.procedure === 'ФГ'
        ? countRu(r.subjects.length, ['направление', 'направления', 'направлений'])
        : countRu(r.subjects.length, ['предмет', 'предмета', 'предметов'])
      : null,
  ].filter(Boolean);
  const what = details.length ? `${r.procedure} (${details.join('; ')})` : r.procedure;
  const works = `${PROCEDURE_UNITS[r.procedure]} — ${formatInt(r.works_count)}`;
  return scope === 'district'
    ? `${what}: ${countRu(r.schools_count, SCHOOLS)}, ${works}`
    : `${what}: ${works}`;
}

/** Section 1: what was measured and where the figures come from. */
export function measuredSection(
  doc: BriefingBuilder,
  context: BriefingContext,
  measured: MeasuredRow[],
  scope: 'district' | 'school',
) {
  const who = scope === 'district' ? 'школ района' : 'школы';
  doc.heading('1. Что измерялось');
  if (measured.length === 0) {
    doc.paragraph(`За ${context.yearText} учебный год в хранилище нет результатов ${who}.`);
    return;
  }
  doc.paragraph(
    `В ${context.yearText} учебном году в хранилище есть результаты ${who} по ${measured.length} ${measured.length === 1 ? 'процедуре' : 'процедурам'}:`,
  );
  doc.bullets(measured.map((r) => measuredPhrase(r, scope)));
  doc.table({
    caption: `Оценочные процедуры ${context.yearText} учебного года`,
    columns: [
      { title: 'Процедура', width: 20 },
      { title: 'Классы', width: 14 },
      { title: 'Предметы, направления', width: 42 },
      { title: 'Школ', width: 10, numeric: true },
      { title: 'Работ, участников', width: 14, numeric: true },
    ],
    rows: measured.map((r) => [
      r.procedure,
      r.grades?.length ? r.grades.join(', ') : '—',
      r.subjects?.join(', ') ?? '—',
      formatInt(r.schools_count),
      formatInt(r.works_count),
    ]),
  });
  const unknownScale = measured.flatMap((r) => r.unknown_scale_subjects ?? []);
  if (unknownScale.length > 0) doc.paragraph(unknownScaleSentence(context, unknownScale));
  const label = doc.table({
    caption: 'Источники данных',
    columns: [
      { title: 'Набор данных', width: 26 },
      { title: 'Файлов', width: 10, numeric: true },
      { title: 'Файлы', width: 48 },
      { title: 'Загружено', width: 16 },
    ],
    rows: context.sources.map((s) => [
      datasetTitle(s.dataset as Dataset),
      formatInt(s.files_count),
      fileList(s.file_names),
      formatDate(s.imported_on),
    ]),
  });
  doc.paragraph(
    `Данные на ${formatDate(context.dataDate)} — дата последней загрузки файлов за этот год (таблица ${label}).`,
    `Показатели рассчитаны по методике версии «${context.methodologyVersion}».`,
  );
}

/** Why ЕГЭ subjects have no share below the minimum: not 0 %, unknown. */
export const unknownScaleSentence = (context: BriefingContext, subjects: readonly string[]) =>
  `ЕГЭ (${subjects.join(', ')}): шкала перевода баллов за ${context.yearText} учебный год неизвестна, поэтому доля не преодолевших минимальный балл не рассчитана (шкала неизвестна, а не 0 %); её даст загрузка «Шкал перевода баллов» за этот год.`;

/** The first two file names and how many more. */
function fileList(names: string[]): string {
  const shown = names.slice(0, 2).join('; ');
  const more = names.length - 2;
  return more > 0 ? `${shown}; и ещё ${countRu(more, ['файл', 'файла', 'файлов'])}` : shown;
}

export const SHARE_COLUMNS: TableColumn[] = [
  { title: 'Показатель', width: 22 },
  { title: 'Предмет, направление', width: 24 },
  { title: 'Прошлый год', width: 17, numeric: true },
  { title: 'Этот год', width: 17, numeric: true },
  { title: 'Изменение', width: 20, numeric: true },
];

/** A share row as table cells: the shares with their n and the change, «значимо» when it is. */
export const shareCells = (r: ShareRow) => [
  r.title,
  topicLabel(r.topic, r.grade),
  r.prev_pct == null ? '—' : formatPctN(r.prev_pct, r.prev_n),
  formatPctN(r.pct, r.n),
  r.change_pp == null
    ? '—'
    : `${formatPp(r.change_pp)}${r.change_significant ? `, значимо (${r.direction})` : ''}`,
];

/** «ВПР: доля «2», Математика, 5 кл.: 12,3 % (n = 456) → 8,1 % (n = 470), −4,2 п.п.» */
export const shareChangeSentence = (r: ShareRow) =>
  `${r.title}, ${topicLabel(r.topic, r.grade)}: ${formatPctN(r.prev_pct, r.prev_n)} → ${formatPctN(r.pct, r.n)}, ${formatPp(r.change_pp)}`;

/** «Математика — 12, Русский язык — 9 и …»: tasks counted per subject, the most first. */
export const tasksBySubject = (tasks: readonly { subject: string }[]) =>
  listRu(
    [...group(tasks, (t) => t.subject)]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([subject, list]) => `${subject} — ${formatInt(list.length)}`),
  );

/** «цель … выполнена в 4 из 6 направлений, по высокому уровню — в 3 из 6» */
export const fgTargetsMet = (directions: number, lowMet: number, highMet: number) =>
  `По всем классам вместе цель по недостаточному и низкому уровням выполнена в ${formatInt(lowMet)} из ${countRu(directions, ['направления', 'направлений', 'направлений'])}, по высокому уровню — в ${formatInt(highMet)} из ${formatInt(directions)}.`;

/** «5 показателей значимо улучшились (…), 3 — ухудшились (…)» as sentences. */
export function significantSummary(rows: ShareRow[], subject: string): string {
  const withPrev = rows.filter((r) => r.change_pp != null);
  const better = withPrev.filter((r) => r.change_significant && r.direction === 'улучшение');
  const worse = withPrev.filter((r) => r.change_significant && r.direction === 'ухудшение');
  if (withPrev.length === 0)
    return `Для ${subject} нет показателей, которые можно сравнить с прошлым годом.`;
  return (
    `Из ${countRu(withPrev.length, ['показателя', 'показателей', 'показателей'])} ${subject}, которые можно сравнить с прошлым годом, ` +
    `значимо улучшились ${formatInt(better.length)}, значимо ухудшились ${formatInt(worse.length)}; ` +
    `остальные изменились в пределах случайного колебания.`
  );
}
