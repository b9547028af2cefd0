/**
 * The briefing of one school for one school year: the district briefing's sections told for the
 * school, each figure beside the district's, and the measures that served it with their effect.
 */
import type { Store } from '../analytics/db.ts';
import { runQuery } from '../analytics/queries.ts';
import { fgTargetsSpec } from '../contract/charts/fg-targets.ts';
import { isLeaderCluster } from '../contract/results.ts';
import { CHART_WIDTH, drawChart } from './charts.ts';
import { BriefingBuilder, type Briefing } from './document.ts';
import type { SchoolClusterYear, WorkingListRow } from '../contract/api/cluster-types.ts';
import { AGREEMENT_TEXT, entrySourceText, entryText } from '../contract/working-list.ts';
import type {
  ClusterChange,
  SchoolFlag,
  SchoolTeacherRow,
  MeasuredRow,
  SchoolFocus,
  SchoolShareRow,
} from './rows.ts';
import {
  METHOD_NOTE,
  briefingContext,
  demoWarning,
  fgTargetsMet,
  measuredSection,
  runningHead,
  shareCells,
  shareChangeSentence,
  tasksBySubject,
  significantSummary,
  type BriefingContext,
} from './sections.ts';
import { schoolEffects } from './effects.ts';
import { focusTasksText, focusTeachersText, partnersText, teacherLatestYear } from './support.ts';
import {
  INDICATORS,
  OF_TEACHERS,
  TASKS,
  countRu,
  formatDate,
  formatInt,
  formatPct,
  formatPp,
  listRu,
  schoolYear,
  formatPctN,
  topicLabel,
} from './text.ts';

interface SchoolCard {
  school_id: string;
  full_name: string;
  short_name: string;
  school_type: string;
}

interface SchoolFgRow {
  direction: string;
  grade: number | null;
  participants_count: number;
  low_count: number;
  low_share_pct: number;
  low_met: boolean;
  high_count: number;
  high_share_pct: number;
  high_met: boolean;
  low_target_pct: number;
  high_target_pct: number;
  is_small_n: boolean;
  district_low_share_pct: number | null;
  district_high_share_pct: number | null;
}

interface SchoolTaskRow {
  subject: string;
  grade: number;
  task: string;
  skill: string | null;
  participants_count: number;
  completion_pct: number;
  district_pct: number | null;
  vs_district_pp: number | null;
  is_small_n: boolean;
  insufficient_schools_count: number | null;
  schools_count: number | null;
}

/** How many of a school's weakest tasks the table lists; the text counts them all. */
const TASKS_SHOWN = 20;

export class UnknownSchoolError extends Error {}

export async function schoolBriefing(
  store: Store,
  year: number,
  schoolId: string,
  { forSchool = false }: BriefingAudience = {},
): Promise<Briefing> {
  const [school] = await runQuery<SchoolCard>(store, 'school_card', { school_id: schoolId });
  if (!school) throw new UnknownSchoolError(`Школы с логином «${schoolId}» нет в реестре.`);
  const context = await briefingContext(store, year);
  const doc = new BriefingBuilder();
  doc.paragraph(demoWarning(context));
  doc.paragraph(
    `Справка составлена автоматически по данным хранилища «Мониторинг качества образования»: показатели школы ${school.short_name} рядом с показателями района; каждое число совпадает с панелью мониторинга при тех же фильтрах.`,
    METHOD_NOTE,
  );
  const ids = { year, school_id: schoolId };
  const measured = await runQuery<MeasuredRow>(store, 'briefing_measured', ids);
  measuredSection(doc, context, measured, 'school');
  const shares = await runQuery<SchoolShareRow>(store, 'briefing_changes', ids);
  keyIndicators(doc, context, shares);
  await fgTargets(doc, store, context, schoolId);
  const clusters = await flags(doc, store, context, schoolId);
  significantChanges(doc, shares);
  await deficits(doc, store, context, schoolId);
  await support(doc, store, context, schoolId, clusters, forSchool);
  await schoolEffects(doc, store, context, schoolId, { number: 8, forSchool });

  return {
    fileStem: `Справка_${school.short_name}_${context.yearText.replace('/', '-')}`,
    title: `Аналитическая справка: ${school.full_name}`,
    subtitle: `${context.yearText} учебный год · в сравнении с районом · данные на ${formatDate(context.dataDate)}`,
    runningHead: `${school.short_name} · ${runningHead(context)}`,
    blocks: doc.blocks,
  };
}

export interface BriefingAudience {
  /** made for the school itself (a school user): no other school is named */
  forSchool?: boolean;
}

/** A school's share with its n, starred when n is below the «мало данных» threshold. */
const SMALL_N_NOTE =
  '* — участников меньше порога «мало данных»: доля неустойчива, её изменение редко бывает значимым.';

function keyIndicators(doc: BriefingBuilder, context: BriefingContext, shares: SchoolShareRow[]) {
  doc.heading('2. Ключевые показатели и их изменение за год');
  if (shares.length === 0) {
    doc.paragraph(`За ${context.yearText} учебный год ключевых долей школы нет.`);
    return;
  }
  const worseThanDistrict = shares.filter(
    (r) =>
      r.district_pct != null &&
      (r.higher_is_better ? r.pct < r.district_pct : r.pct > r.district_pct),
  );
  const table = doc.table({
    caption: `Ключевые показатели школы: ${context.yearText} учебный год, предыдущий год и район`,
    columns: [
      { title: 'Показатель', width: 18 },
      { title: 'Предмет, направление', width: 19 },
      { title: 'Прошлый год', width: 16, numeric: true },
      { title: 'Этот год', width: 17, numeric: true },
      { title: 'Изменение', width: 14, numeric: true },
      { title: 'Район, этот год', width: 16, numeric: true },
    ],
    rows: shares.map((r) => {
      const cells = shareCells(r);
      if (r.is_small_n) cells[3] = `${cells[3]} *`;
      return [...cells, formatPctN(r.district_pct, r.district_n)];
    }),
    note: SMALL_N_NOTE,
  });
  doc.paragraph(
    significantSummary(shares, 'школы'),
    `Хуже районного значения ${formatInt(worseThanDistrict.length)} из ${countRu(shares.length, ['показателя', 'показателей', 'показателей'])} (таблица ${table}).`,
  );
}

async function fgTargets(
  doc: BriefingBuilder,
  store: Store,
  context: BriefingContext,
  schoolId: string,
) {
  doc.heading('3. Функциональная грамотность: целевые показатели');
  const rows = await runQuery<SchoolFgRow>(store, 'briefing_school_fg', {
    year: context.year,
    school_id: schoolId,
  });
  const pooled = rows.filter((r) => r.grade == null);
  if (pooled.length === 0) {
    doc.paragraph(`За ${context.yearText} учебный год результатов ФГ школы нет.`);
    return;
  }
  const { low_target_pct, high_target_pct } = pooled[0]!;
  const unmet = (kind: 'low' | 'high') =>
    pooled.filter((r) => !(kind === 'low' ? r.low_met : r.high_met)).map((r) => r.direction);
  doc.paragraph(
    `Цели: недостаточный и низкий уровни — не более ${formatPct(low_target_pct)}, высокий — не менее ${formatPct(high_target_pct)}.`,
    fgTargetsMet(
      pooled.length,
      pooled.length - unmet('low').length,
      pooled.length - unmet('high').length,
    ),
    unmet('low').length
      ? `Не выполнена по недостаточному и низкому уровням: ${listRu(unmet('low'))}.`
      : '',
    unmet('high').length ? `Не выполнена по высокому уровню: ${listRu(unmet('high'))}.` : '',
  );
  doc.table({
    caption: `ФГ школы по направлениям и классам, ${context.yearText} учебный год, рядом с районом`,
    columns: [
      { title: 'Направление', width: 25 },
      { title: 'Класс', width: 8 },
      { title: 'Недостаточный и низкий, школа', width: 18, numeric: true },
      { title: 'Район', width: 10, numeric: true },
      { title: 'Высокий, школа', width: 17, numeric: true },
      { title: 'Район', width: 10, numeric: true },
      { title: 'Цели (низкий / высокий)', width: 12 },
    ],
    rows: rows.map((r) => [
      r.direction,
      r.grade == null ? 'все' : String(r.grade),
      `${formatPctN(r.low_share_pct, r.participants_count)}${r.is_small_n ? ' *' : ''}`,
      formatPct(r.district_low_share_pct),
      formatPct(r.high_share_pct),
      formatPct(r.district_high_share_pct),
      `${r.low_met ? 'да' : 'нет'} / ${r.high_met ? 'да' : 'нет'}`,
    ]),
    note: `Цели: «да» — выполнена, «нет» — не выполнена. ${SMALL_N_NOTE}`,
  });
  const chart = drawChart(fgTargetsSpec(pooled, { low_target_pct, high_target_pct }, CHART_WIDTH));
  doc.chart({
    caption: `ФГ школы по направлениям, все классы вместе, ${context.yearText} учебный год`,
    ...chart,
    note: `n — число участников школы. Пунктир — цель района. Данные на ${formatDate(context.dataDate)}.`,
  });
}

/** The school's clusters: on the working list of the year, and by the calculation. */
interface SchoolClusters {
  listed: string[];
  computed: string[];
}

/**
 * Section 4: the school on the working list of the year (where each entry came from and the
 * calculation's cross-check), who it left since last year, then the computed flags with the
 * reasons and what would clear each — the calculation's suggestion where the list lacks them.
 */
async function flags(
  doc: BriefingBuilder,
  store: Store,
  context: BriefingContext,
  schoolId: string,
): Promise<SchoolClusters> {
  doc.heading('4. Кластеры: рабочий список и расчёт по методике');
  const ids = { year: context.year, school_id: schoolId };
  const list = await runQuery<WorkingListRow>(store, 'school_working_list', ids);
  const listed = list.filter((r) => r.in_list);
  const lastYear = (
    await runQuery<SchoolClusterYear>(store, 'school_cluster_years', { school_id: schoolId })
  ).filter((r) => r.year === context.year - 1);
  const left = lastYear.filter((r) => !listed.some((l) => l.cluster === r.cluster));
  doc.paragraph(
    listed.length
      ? `В рабочем списке кластеров ${context.yearText} учебного года школа есть: ${listRu(listed.map((r) => r.cluster))}.`
      : `В рабочем списке кластеров ${context.yearText} учебного года школы нет.`,
    left.length
      ? `С прошлого года школа вышла из списка ${listRu(left.map((r) => r.cluster))}.`
      : '',
  );
  if (listed.length)
    doc.bullets(listed.map((r) => `${entryText(r)} — ${AGREEMENT_TEXT[r.agreement]}.`));
  await computedFlags(doc, store, context, schoolId, listed);
  return {
    listed: listed.map((r) => r.cluster),
    computed: list.filter((r) => r.computed).map((r) => r.cluster),
  };
}

/** The flags the methodology's rules set for the school, each beside the working list. */
async function computedFlags(
  doc: BriefingBuilder,
  store: Store,
  context: BriefingContext,
  schoolId: string,
  listed: WorkingListRow[],
) {
  const all = await runQuery<SchoolFlag>(store, 'risk_flags', {
    year: context.year,
    school_id: schoolId,
    cluster: null,
  });
  const changes = (
    await runQuery<ClusterChange>(store, 'cluster_changes', { year: context.year, list_max: null })
  ).filter((r) => r.school_id === schoolId);
  const triggered = all.filter((f) => f.triggered);
  doc.paragraph(
    triggered.length
      ? `По расчёту по методике в ${context.yearText} учебном году школа попадает в ${triggered.length === 1 ? 'кластер' : 'кластеры'} ${listRu(triggered.map((f) => f.cluster))}.`
      : `По расчёту по методике в ${context.yearText} учебном году школа не попадает ни в один кластер.`,
  );
  for (const f of triggered) {
    const change = changes.find((c) => c.cluster === f.cluster)?.change;
    const entry = listed.find((l) => l.cluster === f.cluster);
    doc.heading(`${f.cluster} — ${f.cluster_title}`, 2);
    doc.paragraph(
      isLeaderCluster(f.cluster) ? 'Это кластер школ-лидеров, а не риска.' : '',
      change === 'новый'
        ? 'По расчёту школа попала в кластер впервые в этом году.'
        : 'По расчёту школа в кластере с прошлого года.',
      entry
        ? `В рабочем списке школа тоже есть (${entrySourceText(entry)}).`
        : 'В рабочем списке школы нет: это предложение расчёта, решение о включении за комитетом.',
    );
    doc.paragraph(`Основание: ${f.explanation}`);
    if (f.clears_when) doc.paragraph(`Чтобы выйти из кластера: ${f.clears_when}`);
  }
}

function significantChanges(doc: BriefingBuilder, shares: SchoolShareRow[]) {
  doc.heading('5. Значимые изменения результатов школы');
  const significant = shares.filter((r) => r.change_significant);
  if (significant.length === 0) {
    doc.paragraph('Значимых изменений ключевых долей школы за год нет.');
    return;
  }
  for (const direction of ['улучшение', 'ухудшение'] as const) {
    const rows = significant.filter((r) => r.direction === direction);
    doc.paragraph(
      rows.length
        ? `Значимо ${direction === 'улучшение' ? 'улучшились' : 'ухудшились'} ${countRu(rows.length, INDICATORS)}:`
        : `Значимых ${direction === 'улучшение' ? 'улучшений' : 'ухудшений'} нет.`,
    );
    doc.bullets(rows.map(shareChangeSentence));
  }
}

async function deficits(
  doc: BriefingBuilder,
  store: Store,
  context: BriefingContext,
  schoolId: string,
) {
  doc.heading('6. Дефициты');
  doc.heading('Задания ВПР', 2);
  const tasks = await runQuery<SchoolTaskRow>(store, 'briefing_school_tasks', {
    year: context.year,
    school_id: schoolId,
  });
  if (tasks.length === 0) {
    doc.paragraph(
      `В ${context.yearText} учебном году заданий ВПР, выполненных школой недостаточно, нет (или нет результатов по заданиям).`,
    );
  } else {
    const shared = tasks.filter((t) => (t.insufficient_schools_count ?? 0) >= 2);
    const shown = tasks.slice(0, TASKS_SHOWN);
    const table = doc.table({
      caption: `Задания ВПР с наибольшим отставанием школы от района, ${context.yearText} учебный год`,
      columns: [
        { title: 'Предмет, класс', width: 17 },
        { title: 'Задание', width: 9 },
        { title: 'Проверяемое умение', width: 38 },
        { title: 'Школа', width: 14, numeric: true },
        { title: 'Район', width: 10, numeric: true },
        { title: 'Школ с таким дефицитом', width: 12, numeric: true },
      ],
      rows: shown.map((t) => [
        topicLabel(t.subject, t.grade),
        t.task,
        t.skill ?? '—',
        `${formatPctN(t.completion_pct, t.participants_count)}${t.is_small_n ? ' *' : ''}`,
        formatPct(t.district_pct),
        t.schools_count == null
          ? '—'
          : `${formatInt(t.insufficient_schools_count)} из ${formatInt(t.schools_count)}`,
      ]),
      note: SMALL_N_NOTE,
    });
    doc.paragraph(
      `Ниже порога ФИОКО школа выполнила ${countRu(tasks.length, TASKS)} ВПР: ${tasksBySubject(tasks)}.`,
      `${formatInt(shared.length)} из них недостаточно выполнены и в других школах района — это общий дефицит, его удобно разбирать вместе с ними.`,
      tasks.length > shown.length
        ? `В таблице ${table} — ${formatInt(shown.length)} заданий с наибольшим отставанием от района; полный список — на странице «Дефициты» панели мониторинга.`
        : '',
    );
  }
  doc.heading('Затруднения педагогов', 2);
  const teacherYear = await teacherLatestYear(store, context.year);
  const rows = (
    await runQuery<SchoolTeacherRow>(store, 'school_teachers', { school_id: schoolId })
  ).filter((r) => r.year === teacherYear);
  if (teacherYear == null || rows.length === 0) {
    doc.paragraph('Результатов диагностики педагогов школы за этот или прошлые годы нет.');
    return;
  }
  const any = rows.find((r) => r.area == null);
  const areas = rows.filter((r) => r.area != null).sort((a, b) => b.deficit_pct - a.deficit_pct);
  doc.paragraph(
    `По диагностике ${schoolYear(teacherYear)} учебного года высокий или критический уровень затруднений хотя бы в одной области у ${any ? `${formatInt(any.deficit_count)} из ${countRu(any.teachers_count, OF_TEACHERS)} школы (${formatPct(any.deficit_pct)}; по району — ${formatPct(any.district_deficit_pct)})` : '—'}.`,
  );
  doc.table({
    caption: `Педагоги школы с высоким и критическим уровнем затруднений, диагностика ${schoolYear(teacherYear)} учебного года`,
    columns: [
      { title: 'Область компетенций', width: 34 },
      { title: 'Школа', width: 24, numeric: true },
      { title: 'Район', width: 18, numeric: true },
      { title: 'Изменение в школе', width: 24, numeric: true },
    ],
    rows: areas.map((r) => [
      r.area!,
      `${formatInt(r.deficit_count)} из ${formatInt(r.teachers_count)} (${formatPct(r.deficit_pct)})`,
      formatPct(r.district_deficit_pct),
      formatPp(r.change_pp),
    ]),
  });
}

async function support(
  doc: BriefingBuilder,
  store: Store,
  context: BriefingContext,
  schoolId: string,
  clusters: SchoolClusters,
  forSchool: boolean,
) {
  doc.heading('7. Предлагаемый фокус поддержки');
  const [focus] = await runQuery<SchoolFocus>(store, 'briefing_school_focus', {
    year: context.year,
    school_id: schoolId,
  });
  const risk = clusters.listed.filter((c) => !isLeaderCluster(c));
  const suggested = clusters.computed.filter(
    (c) => !isLeaderCluster(c) && !clusters.listed.includes(c),
  );
  doc.paragraph(
    risk.length
      ? `Школа в рабочем списке ${risk.length === 1 ? 'кластера' : 'кластеров'} риска ${listRu(risk)}: ей нужна адресная поддержка.`
      : 'Школы нет в рабочем списке кластеров риска; дефициты ниже — для внутришкольного плана.',
    suggested.length
      ? `Расчёт по методике предлагает ${suggested.length === 1 ? 'кластер' : 'кластеры'} ${listRu(suggested)}; решение о включении в список за комитетом.`
      : '',
  );
  doc.bullets([
    // A school's own copy names no other school, its network partner included.
    ...(forSchool ? [] : [`Сетевой партнёр: ${partnersText(focus!)}.`]),
    `Задания ВПР с наибольшим отставанием от района: ${focusTasksText(focus!)}.`,
    `Педагоги с затруднениями: ${focusTeachersText(focus!)}.`,
  ]);
}
