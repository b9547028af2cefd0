/**
 * The district briefing (аналитическая справка) for one school year: seven sections of
 * template sentences over the figures of the named queries — the same figures the dashboard
 * shows for the same year.
 */
import { districtEffects } from './effects.ts';
import type { Store } from '../analytics/db.ts';
import { runQuery } from '../analytics/queries.ts';
import type { FgDistrictRow, FgSchoolRow } from '../contract/api/fg-types.ts';
import { fgTargetsSpec } from '../contract/charts/fg-targets.ts';
import { formatPupils } from '../contract/charts/fg-contributions.ts';
import { isLeaderCluster } from '../contract/results.ts';
import { group } from 'd3-array';
import { changesSpec, type SchoolChanges } from './changes-chart.ts';
import { CHART_WIDTH, drawChart } from './charts.ts';
import { BriefingBuilder, type Briefing } from './document.ts';
import type {
  ClusterChange,
  MeasuredRow,
  RecurringTaskRow,
  SchoolFocus,
  SchoolShareRow,
  ShareRow,
  TeacherDeficitRow,
} from './rows.ts';
import {
  METHOD_NOTE,
  SHARE_COLUMNS,
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
import {
  SCHOOLS,
  TASKS,
  OF_SCHOOLS,
  OF_TEACHERS,
  countRu,
  formatDate,
  formatInt,
  formatPct,
  formatPp,
  capitalize,
  listRu,
  pluralRu,
  schoolYear,
  formatPctN,
  topicLabel,
} from './text.ts';
import { FOCUS_COLUMNS, focusCells, teacherLatestYear } from './support.ts';
import type { WorkingListRow } from '../contract/api/cluster-types.ts';
import {
  AGREEMENT_TEXT,
  SOURCE_TEXT,
  entryShortText,
  entrySourceText,
} from '../contract/working-list.ts';

/** `today` (ISO date) decides which road-map measures are overdue. */
export async function districtBriefing(
  store: Store,
  year: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<Briefing> {
  const context = await briefingContext(store, year);
  const doc = new BriefingBuilder();
  doc.paragraph(demoWarning(context));
  doc.paragraph(
    `Справка составлена автоматически по данным хранилища «Мониторинг качества образования»; каждое число взято из таблиц справки и совпадает с панелью мониторинга при тех же фильтрах.`,
    METHOD_NOTE,
  );

  const measured = await runQuery<MeasuredRow>(store, 'briefing_measured', {
    year,
    school_id: null,
  });
  measuredSection(doc, context, measured, 'district');
  const shares = await runQuery<ShareRow>(store, 'briefing_district_shares', { year });
  keyIndicators(doc, context, shares);
  await fgTargets(doc, store, context);
  const changes = await runQuery<ClusterChange>(store, 'cluster_changes', { year, list_max: null });
  const workingList = await runQuery<WorkingListRow>(store, 'working_list', { year });
  clusters(doc, context, changes, workingList);
  await schoolChanges(doc, store, context);
  await recurringDeficits(doc, store, context);
  await supportFocus(doc, store, context, workingList);
  await districtEffects(doc, store, context, 8, today);

  doc.heading('Приложение. Все ключевые показатели района');
  doc.table({
    caption: `Ключевые показатели района: ${context.yearText} учебный год и предыдущий год`,
    columns: SHARE_COLUMNS,
    rows: shares.map(shareCells),
  });

  return {
    fileStem: `Справка_район_${context.yearText.replace('/', '-')}`,
    title: `Аналитическая справка о результатах оценочных процедур в ${context.yearText} учебном году`,
    subtitle: `Муниципальный район, все школы · данные на ${formatDate(context.dataDate)}`,
    runningHead: runningHead(context),
    blocks: doc.blocks,
  };
}

/** Section 2: the key shares of the district beside last year, the significant changes named. */
function keyIndicators(doc: BriefingBuilder, context: BriefingContext, shares: ShareRow[]) {
  doc.heading('2. Ключевые показатели и их изменение за год');
  const significant = shares.filter((r) => r.change_significant);
  doc.paragraph(
    significantSummary(shares, 'района'),
    'Полный перечень показателей с долями прошлого и этого года — в приложении.',
  );
  for (const direction of ['улучшение', 'ухудшение'] as const) {
    const rows = significant.filter((r) => r.direction === direction);
    if (rows.length === 0) continue;
    doc.paragraph(direction === 'улучшение' ? 'Значимо улучшились:' : 'Значимо ухудшились:');
    doc.bullets(rows.map(shareChangeSentence));
  }
  if (significant.length > 0)
    doc.table({
      caption: `Значимые изменения показателей района за ${context.yearText} учебный год`,
      columns: SHARE_COLUMNS,
      rows: significant.map(shareCells),
    });
}

/** Section 3: ФГ targets per direction, and the schools that add most to each gap. */
async function fgTargets(doc: BriefingBuilder, store: Store, context: BriefingContext) {
  doc.heading('3. Функциональная грамотность: целевые показатели');
  const rows = await runQuery<FgDistrictRow>(store, 'fg_district', { year: context.year });
  const pooled = rows.filter((r) => r.grade === null);
  if (pooled.length === 0) {
    doc.paragraph(`За ${context.yearText} учебный год результатов ФГ нет.`);
    return;
  }
  const { low_target_pct, high_target_pct } = pooled[0]!;
  const lowMet = pooled.filter((r) => r.low_met).length;
  const highMet = pooled.filter((r) => r.high_met).length;
  doc.paragraph(
    `Цели района: доля обучающихся с недостаточным и низким уровнями — не более ${formatPct(low_target_pct)}, с высоким уровнем — не менее ${formatPct(high_target_pct)}.`,
    fgTargetsMet(pooled.length, lowMet, highMet),
  );
  const table = doc.table({
    caption: `Целевые показатели ФГ по направлениям и классам, ${context.yearText} учебный год`,
    columns: [
      { title: 'Направление', width: 26 },
      { title: 'Класс', width: 8 },
      { title: 'Участ\u00adников', width: 12, numeric: true },
      { title: 'Недоста\u00adточный и низкий', width: 14, numeric: true },
      { title: 'Цель', width: 13 },
      { title: 'Высокий', width: 13, numeric: true },
      { title: 'Цель', width: 14 },
    ],
    rows: rows.map((r) => [
      r.direction,
      r.grade == null ? 'все' : String(r.grade),
      formatInt(r.participants_count),
      formatPct(r.low_share_pct),
      r.low_met ? 'выполнена' : 'не выполнена',
      formatPct(r.high_share_pct),
      r.high_met ? 'выполнена' : 'не выполнена',
    ]),
  });
  const chart = drawChart(fgTargetsSpec(pooled, { low_target_pct, high_target_pct }, CHART_WIDTH));
  const figure = doc.chart({
    caption: 'Целевые показатели ФГ по направлениям, все классы вместе',
    ...chart,
    note: `n — число участников направления. Пунктир — цель. Данные на ${formatDate(context.dataDate)}.`,
  });
  doc.paragraph(
    `Значения по направлениям и классам приведены в таблице ${table}, по всем классам вместе — на рисунке ${figure}.`,
  );

  for (const r of pooled.filter((d) => !d.low_met || !d.high_met)) {
    const schools = await runQuery<FgSchoolRow>(store, 'fg_schools', {
      year: context.year,
      direction: r.direction,
      grade: null,
    });
    const sentences = [`${r.direction} (n = ${formatInt(r.participants_count)}):`];
    if (!r.low_met) {
      // the query orders schools by their whole pupils of the district's excess
      const top = schools.filter((s) => s.low_gap_contribution_pupils > 0).slice(0, 3);
      const of = formatInt(r.low_excess_pupils);
      sentences.push(
        `недостаточный и низкий уровни — ${formatPct(r.low_share_pct)} при цели не более ${formatPct(r.low_target_pct)}, превышение ${formatPp(r.low_gap_pp)}; сверх цели — ${formatPupils(r.low_excess_pupils)}.`,
        top.length
          ? `Больше всего к превышению добавляют: ${listRu(top.map((s) => `${s.short_name} — ${formatInt(s.low_gap_contribution_pupils)} из ${of}`))}.`
          : '',
      );
    }
    if (!r.high_met) {
      const top = [...schools]
        .filter((s) => s.high_shortfall_pupils > 0)
        .sort((a, b) => b.high_shortfall_pupils - a.high_shortfall_pupils)
        .slice(0, 3);
      sentences.push(
        `${r.low_met ? 'в' : 'В'}ысокий уровень — ${formatPct(r.high_share_pct)} при цели не менее ${formatPct(r.high_target_pct)}; до цели недостаёт обучающихся на высоком уровне: ${formatInt(r.high_shortfall_pupils)}.`,
        top.length
          ? `Больше всего недостаёт до цели по высокому уровню (в каждой школе до её цели): ${listRu(top.map((s) => `${s.short_name} — ${formatInt(s.high_shortfall_pupils)}`))}.`
          : '',
      );
    }
    doc.paragraph(...sentences);
  }
}

/**
 * Section 4: the schools in each cluster by the calculation, with their reasons and the changes,
 * each beside the committee's working list; then the cross-check of the two.
 */
function clusters(
  doc: BriefingBuilder,
  context: BriefingContext,
  changes: ClusterChange[],
  workingList: WorkingListRow[],
) {
  doc.heading('4. Кластеры: рабочий список и расчёт по методике');
  workingListSummary(doc, context, workingList);
  doc.heading('По расчёту по методике', 2);
  const listEntry = (r: ClusterChange) =>
    workingList.find((w) => w.in_list && w.cluster === r.cluster && w.school_id === r.school_id);
  const prevYear = schoolYear(context.year - 1);
  if (changes.length === 0)
    doc.paragraph(
      `Ни одна школа не попала в кластеры ни в ${context.yearText}, ни в ${prevYear} учебном году.`,
    );
  const byCluster = group(changes, (r) => r.cluster);
  for (const [cluster, rows] of byCluster) {
    doc.heading(`${cluster} — ${rows[0]!.cluster_title}`, 2);
    const now = rows.filter((r) => r.this_year);
    const before = rows.filter((r) => r.last_year);
    const named = (change: ClusterChange['change']) =>
      rows.filter((r) => r.change === change).map((r) => r.short_name);
    doc.paragraph(
      isLeaderCluster(cluster) &&
        'Это школы-лидеры: кластер показывает опыт, на который можно опереться, а не риск.',
      `В ${context.yearText} учебном году в кластере ${countRu(now.length, SCHOOLS)} (в ${prevYear} — ${formatInt(before.length)}).`,
      named('новый').length ? `Впервые: ${listRu(named('новый'))}.` : '',
      named('сохраняется').length
        ? `Остаются с прошлого года: ${listRu(named('сохраняется'))}.`
        : '',
      named('снят').length ? `Вышли из кластера: ${listRu(named('снят'))}.` : '',
    );
    if (now.length > 0)
      doc.table({
        caption: `${cluster}: школы и основания, ${context.yearText} учебный год`,
        columns: [
          { title: 'Школа', width: 20 },
          { title: 'С прошлого года', width: 13 },
          { title: 'Основание (по методике)', width: 53 },
          { title: 'В рабочем списке', width: 14 },
        ],
        rows: now.map((r) => {
          const entry = listEntry(r);
          return [
            r.short_name,
            r.change === 'новый' ? 'впервые' : 'остаётся',
            r.explanation,
            entry?.source ? SOURCE_TEXT[entry.source] : 'нет',
          ];
        }),
      });
  }
  workingListCheck(doc, context, workingList);
}

/** The committee's working list of the year: per cluster, its schools and where each came from. */
function workingListSummary(
  doc: BriefingBuilder,
  context: BriefingContext,
  workingList: WorkingListRow[],
) {
  doc.heading('Рабочий список комитета', 2);
  const listed = group(
    workingList.filter((r) => r.in_list),
    (r) => r.cluster,
  );
  if (listed.size === 0) {
    doc.paragraph(`Рабочего списка кластеров за ${context.yearText} учебный год нет.`);
    return;
  }
  doc.paragraph(
    `В рабочем списке кластеров ${context.yearText} учебного года — официальные списки региона и комитета и школы, добавленные решением комитета:`,
  );
  // the schools of a cluster grouped by where they came from: the basis is written once
  const bySource = (rows: WorkingListRow[]) =>
    [...group(rows, (r) => entrySourceText({ ...r, reason: null }))]
      .map(([source, of]) => `${of.map((r) => r.short_name).join(', ')} (${source})`)
      .join('; ');
  doc.bullets(
    [...listed].map(
      ([cluster, rows]) => `${cluster} — ${countRu(rows.length, SCHOOLS)}: ${bySource(rows)}`,
    ),
  );
}

/** The working list beside the calculation: the pairs «школа — кластер» where they differ. */
function workingListCheck(
  doc: BriefingBuilder,
  context: BriefingContext,
  workingList: WorkingListRow[],
) {
  doc.heading('Сверка с рабочим списком кластеров', 2);
  const differ = workingList.filter((r) => r.agreement !== 'совпадает');
  if (!workingList.some((r) => r.in_list)) {
    doc.paragraph(
      `Рабочего списка кластеров за ${context.yearText} учебный год нет: ни официальные списки, ни решения комитета не загружены.`,
    );
  } else if (differ.length === 0) {
    doc.paragraph('Расчёт по методике совпадает с рабочим списком по всем кластерам.');
  } else {
    doc.paragraph(
      `Расчёт по методике и рабочий список расходятся для ${countRu(differ.length, ['пары', 'пар', 'пар'])} «школа — кластер»:`,
    );
    doc.bullets(
      differ.map((r) => `${r.cluster}: ${r.short_name} — ${AGREEMENT_TEXT[r.agreement]}`),
    );
  }
}

/** Section 5: schools by their significant changes since last year. */
async function schoolChanges(doc: BriefingBuilder, store: Store, context: BriefingContext) {
  doc.heading('5. Школы со значимыми изменениями результатов');
  const rows = await runQuery<SchoolShareRow>(store, 'briefing_changes', {
    year: context.year,
    school_id: null,
  });
  // a school with signs of non-objective results is named so wherever it is ranked
  const schools: SchoolChanges[] = [...group(rows, (r) => r.short_name)].map(([name, list]) => ({
    name: list.some((r) => r.is_nonobjective)
      ? `${name} (признаки необъективности результатов)`
      : name,
    better: list.filter((r) => r.direction === 'улучшение'),
    worse: list.filter((r) => r.direction === 'ухудшение'),
  }));
  if (schools.length === 0) {
    doc.paragraph('Значимых изменений показателей школ за год нет.');
    return;
  }
  const net = (s: SchoolChanges) => s.better.length - s.worse.length;
  schools.sort((a, b) => net(b) - net(a) || a.name.localeCompare(b.name, 'ru'));
  const improved = schools.filter((s) => net(s) > 0).slice(0, 3);
  const declined = schools
    .filter((s) => net(s) < 0)
    .slice(-3)
    .reverse();
  const largest = (list: SchoolShareRow[]) =>
    [...list].sort((a, b) => Math.abs(b.change_pp ?? 0) - Math.abs(a.change_pp ?? 0))[0];
  doc.paragraph(
    `Значимые изменения ключевых долей с прошлого года (при n не меньше порога «мало данных» в оба года) есть у ${countRu(schools.length, ['школы', 'школ', 'школ'])}.`,
    improved.length
      ? `Больше всего значимых улучшений за вычетом ухудшений: ${listRu(improved.map((s) => `${s.name} (+${formatInt(net(s))})`))}.`
      : 'Ни у одной школы значимых улучшений не больше, чем ухудшений.',
    declined.length
      ? `Больше всего значимых ухудшений за вычетом улучшений: ${listRu(declined.map((s) => `${s.name} (${formatInt(net(s)).replace('-', '\u2212')})`))}.`
      : 'Ни у одной школы значимых ухудшений не больше, чем улучшений.',
  );
  const chart = drawChart(changesSpec(schools));
  doc.chart({
    caption: `Число значимых улучшений и ухудшений ключевых долей по школам, ${context.yearText} к прошлому году`,
    ...chart,
    note: `Учтены доли с числом участников не меньше порога «мало данных» в оба года. Данные на ${formatDate(context.dataDate)}.`,
  });
  const describe = (r: SchoolShareRow | undefined) => (r ? shareChangeSentence(r) : '—');
  doc.table({
    caption: `Школы со значимыми изменениями, ${context.yearText} учебный год к прошлому`,
    columns: [
      { title: 'Школа', width: 18 },
      { title: 'Улуч­шений', width: 9, numeric: true },
      { title: 'Ухуд­шений', width: 9, numeric: true },
      { title: 'Наибольшее улучшение', width: 32 },
      { title: 'Наибольшее ухудшение', width: 32 },
    ],
    rows: schools.map((s) => [
      s.name,
      formatInt(s.better.length),
      formatInt(s.worse.length),
      describe(largest(s.better)),
      describe(largest(s.worse)),
    ]),
  });
}

/** Section 6: ВПР tasks insufficient in several schools, and teacher competence areas. */
async function recurringDeficits(doc: BriefingBuilder, store: Store, context: BriefingContext) {
  doc.heading('6. Дефициты, которые повторяются в нескольких школах');
  doc.heading('Задания ВПР', 2);
  const tasks = await runQuery<RecurringTaskRow>(store, 'briefing_recurring_tasks', {
    year: context.year,
  });
  if (tasks.length === 0) {
    doc.paragraph(
      `В ${context.yearText} учебном году нет заданий ВПР, выполненных недостаточно в нескольких школах (или нет результатов по заданиям).`,
    );
  } else {
    const threshold = tasks[0]!.recurring_deficit_schools_pct;
    const label = doc.table({
      caption: `Задания ВПР, выполненные недостаточно не менее чем в ${formatPct(threshold)} школ, ${context.yearText} учебный год`,
      columns: [
        { title: 'Предмет, класс', width: 17 },
        { title: 'Задание', width: 9 },
        { title: 'Проверяемое умение', width: 44 },
        { title: 'Школ ниже порога', width: 15, numeric: true },
        { title: 'Выполнение по району', width: 15, numeric: true },
      ],
      rows: tasks.map((t) => [
        topicLabel(t.subject, t.grade),
        t.task,
        t.skill ?? '—',
        `${formatInt(t.insufficient_schools_count)} из ${formatInt(t.schools_count)}`,
        formatPctN(t.district_pct, t.district_n),
      ]),
    });
    const top = tasks[0]!;
    doc.paragraph(
      `${capitalize(countRu(tasks.length, TASKS))} ВПР ${pluralRu(tasks.length, ['выполнено', 'выполнены', 'выполнены'])} недостаточно (ниже порога ФИОКО) не менее чем в ${formatPct(threshold)} школ, где их писали, и не менее чем в двух школах (таблица ${label}).`,
      `По предметам: ${tasksBySubject(tasks)}.`,
      `Чаще всего недостаточно выполнено задание ${top.task} (${topicLabel(top.subject, top.grade)}): в ${formatInt(top.insufficient_schools_count)} из ${countRu(top.schools_count, OF_SCHOOLS)}${top.skill ? `; умение: «${top.skill}»` : ''}.`,
    );
  }
  doc.heading('Затруднения педагогов', 2);
  const teacherYear = await teacherLatestYear(store, context.year);
  if (teacherYear == null) {
    doc.paragraph('Результатов диагностики педагогов за этот или прошлые годы нет.');
    return;
  }
  const teachers = await runQuery<TeacherDeficitRow>(store, 'deficits_teachers', {
    year: teacherYear,
  });
  const district = teachers.filter((r) => r.level === 'district' && r.area != null);
  const schoolCount = new Set(teachers.filter((r) => r.level === 'school').map((r) => r.school_id))
    .size;
  const schoolsWith = (area: string) =>
    teachers.filter((r) => r.level === 'school' && r.area === area && r.deficit_count > 0).length;
  const worst = [...district].sort((a, b) => b.deficit_pct - a.deficit_pct);
  const any = teachers.find((r) => r.level === 'district' && r.area == null);
  doc.paragraph(
    `По диагностике ${teacherYear === context.year ? 'этого учебного года' : `${schoolYear(teacherYear)} учебного года (последней на эту дату)`} высокий или критический уровень затруднений хотя бы в одной области у ${any ? `${formatInt(any.deficit_count)} из ${countRu(any.teachers_count, OF_TEACHERS)} (${formatPct(any.deficit_pct)})` : '—'}.`,
    worst.length
      ? `Чаще всего — в областях ${listRu(worst.slice(0, 2).map((r) => `«${r.area}» (${formatPct(r.deficit_pct)}, ${formatInt(r.deficit_count)} из ${formatInt(r.teachers_count)})`))}.`
      : '',
  );
  doc.table({
    caption: `Педагоги с высоким и критическим уровнем затруднений по областям компетенций, диагностика ${schoolYear(teacherYear)} учебного года`,
    columns: [
      { title: 'Область компетенций', width: 30 },
      { title: 'Педагогов с затруднениями', width: 22, numeric: true },
      { title: 'Изменение с прошлой диагностики', width: 24, numeric: true },
      { title: 'Школ, где такие педагоги есть', width: 24, numeric: true },
    ],
    rows: worst.map((r) => [
      r.area!,
      `${formatInt(r.deficit_count)} из ${formatInt(r.teachers_count)} (${formatPct(r.deficit_pct)})`,
      formatPp(r.change_pp),
      `${formatInt(schoolsWith(r.area!))} из ${formatInt(schoolCount)}`,
    ]),
  });
}

/**
 * Section 7: the schools on the working list of a risk cluster (with where each entry came from),
 * their network partner and their main deficits; then the calculation's suggestions not on it.
 */
async function supportFocus(
  doc: BriefingBuilder,
  store: Store,
  context: BriefingContext,
  rows: WorkingListRow[],
) {
  doc.heading('7. Предлагаемый фокус адресной поддержки');
  const listed = rows.filter((r) => r.in_list);
  const risk = listed.filter((r) => !isLeaderCluster(r.cluster));
  const leaders = listed.filter((r) => isLeaderCluster(r.cluster));
  const suggested = rows.filter((r) => !r.in_list && !isLeaderCluster(r.cluster));
  const schools = [...group(risk, (r) => r.school_id)].sort(([, a], [, b]) =>
    (a[0]!.short_name ?? '').localeCompare(b[0]!.short_name ?? '', 'ru'),
  );
  const suggestions = suggested.length
    ? `Расчёт по методике предлагает также (в рабочем списке их нет, решение за комитетом): ${listRu(suggested.map((r) => `${r.short_name} — ${r.cluster}`))}.`
    : '';
  if (schools.length === 0) {
    doc.paragraph(
      `В рабочем списке кластеров риска за ${context.yearText} учебный год школ нет.`,
      suggestions,
    );
    return;
  }
  const cells: string[][] = [];
  const withoutPartner: string[] = [];
  for (const [schoolId, entries] of schools) {
    const name = entries[0]!.short_name ?? schoolId;
    const [focus] = await runQuery<SchoolFocus>(store, 'briefing_school_focus', {
      year: context.year,
      school_id: schoolId,
    });
    if (focus!.partners.length === 0) withoutPartner.push(name);
    cells.push(focusCells(name, entries.map(entryShortText), focus!));
  }
  doc.paragraph(
    `Предлагается сосредоточить адресную поддержку на ${countRu(schools.length, ['школе', 'школах', 'школах'])} рабочего списка кластеров риска: ${listRu(schools.map(([id, e]) => e[0]!.short_name ?? id))}.`,
    'У каждой указано, откуда она в списке, сетевой партнёр (наставник или подшефная школа по последнему загруженному списку пар), три задания ВПР с наибольшим отставанием от района и области компетенций, где больше всего педагогов школы испытывают затруднения.',
    withoutPartner.length
      ? `Без сетевого партнёра: ${listRu(withoutPartner)}${leaders.length ? `; наставника можно подобрать среди школ-лидеров (${listRu(leaders.map((l) => l.short_name ?? l.school_id))})` : ''}.`
      : '',
    suggestions,
  );
  doc.table({
    caption: `Фокус адресной поддержки, ${context.yearText} учебный год`,
    columns: FOCUS_COLUMNS,
    rows: cells,
  });
}
