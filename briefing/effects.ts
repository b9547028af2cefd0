/**
 * «Результативность мер» in the briefings: the effect of support on the year's working list
 * (summaries per cluster, form of support and section of the road map; each school before and
 * after), the road map's measures done and overdue, the network pairs, and the proposed list of
 * the next year; for one school, its measures and its own effect.
 */
import type { Store } from '../analytics/db.ts';
import { runQuery } from '../analytics/queries.ts';
import type {
  EffectSummaryRow,
  PairEffectRow,
  ProposalRow,
  SupportEffectRow,
} from '../contract/api/effects-types.ts';
import { effectSummarySentence, outcomeText, VERDICT_TEXT } from '../contract/effects.ts';
import type { BriefingBuilder, TableColumn } from './document.ts';
import type { RoadmapMeasure } from '../contract/api/roadmap-types.ts';
import { summarise } from '../contract/roadmap-summary.ts';
import { roadmapMeasures } from './decision-roadmap.ts';
import type { BriefingContext } from './sections.ts';
import { countRu, formatDate, formatPctN, formatPp, listRu, schoolYear } from './text.ts';

const MEASURES = ['мероприятие', 'мероприятия', 'мероприятий'] as const;
/** «у 1 мероприятия», «у 5 мероприятий» */
const OF_MEASURES = ['мероприятия', 'мероприятий', 'мероприятий'] as const;
const PAIRS = ['пара', 'пары', 'пар'] as const;
const DASH = '—';

const pctN = (pct: number | null, n: number | null) => (n ? formatPctN(pct, n) : DASH);
/** «ШФЗСОР — доля «2»: ВПР, ОГЭ — …»: a cluster's key indicator inside a sentence. */
const indicatorOf = (r: SupportEffectRow) =>
  `${r.cluster} — ${r.indicator_title.charAt(0).toLowerCase()}${r.indicator_title.slice(1)}`;

/** «Список 2025/26 составлен по результатам 2024/25 …»: what before and after mean. */
const cycleNote = (year: number) =>
  `Рабочий список ${schoolYear(year)} составлен по результатам ${schoolYear(year - 1)}; поддержка шла в течение ${schoolYear(year)}; результаты ${schoolYear(year)} — повторное измерение. ` +
  '«Улучшение» и «ухудшение» — только для изменения больше случайных колебаний при достаточном числе участников.';

/** «Дорожная карта 2025/26: 24 мероприятия, выполнено 10, …; просрочено 2: «…» (срок 15.09.2025)». */
export function roadmapSentence(measures: readonly RoadmapMeasure[], year: number) {
  if (measures.length === 0) return `Дорожная карта на ${schoolYear(year)} не загружена.`;
  const c = summarise(measures);
  const late = measures.filter((m) => m.overdue);
  const overdue = late.length
    ? `; срок прошёл, а отметки о выполнении нет — у ${countRu(late.length, OF_MEASURES)}: ${listRu(late.map((m) => `«${m.title}» (срок ${formatDate(m.deadline)})`))}`
    : '; просроченных мероприятий нет';
  return `Дорожная карта ${schoolYear(year)}: ${countRu(c.total, MEASURES)}, выполнено ${c.done}, перенесено ${c.moved}, не выполнено ${c.not_done}, запланировано ${c.planned}${overdue}.`;
}

const EFFECT_COLUMNS = (year: number): TableColumn[] => [
  { title: 'Школа', width: 15 },
  { title: 'Кластер', width: 11 },
  { title: `${schoolYear(year - 1)} (до)`, width: 13, numeric: true },
  { title: `${schoolYear(year)} (после)`, width: 13, numeric: true },
  { title: 'Изменение', width: 13, numeric: true },
  { title: 'Итог', width: 13 },
  { title: 'Исход', width: 22 },
];

const effectCells = (r: SupportEffectRow) => [
  r.short_name,
  r.cluster,
  pctN(r.base_pct, r.base_n),
  pctN(r.pct, r.n),
  formatPp(r.change_pp),
  VERDICT_TEXT[r.verdict],
  outcomeText(r),
];

/** «СОШ № 11 (наставник — Гимназия № 15): 30,0 % → 10,0 % …; школы без пары: …». */
export function pairSentence(r: PairEffectRow, forSchool = false): string {
  const who = forSchool ? 'Школа' : `${r.short_name} (наставник — ${listRu(r.mentors)})`;
  const own = `${who}: ${pctN(r.before_pct, r.before_n)} в ${schoolYear(r.before_year)} → ${pctN(r.after_pct, r.after_n)} в первый год пары (${formatPp(r.change_pp)}, ${VERDICT_TEXT[r.verdict]})`;
  const peers =
    r.peer_schools === 0
      ? 'школ для сравнения нет'
      : `${countRu(r.peer_schools, ['школа', 'школы', 'школ'])} ${r.cluster ? `кластера ${r.cluster}` : 'района'} без пары: ${pctN(r.peer_before_pct, r.peer_before_n)} → ${pctN(r.peer_after_pct, r.peer_after_n)} (${formatPp(r.peer_change_pp)}, ${VERDICT_TEXT[r.peer_verdict]}); разница изменений ${formatPp(r.difference_pp)}`;
  return `${own}; ${peers}`;
}

const PROPOSAL_VERB = { исключить: 'исключить', оставить: 'оставить', включить: 'включить' };

function proposalSentence(rows: readonly ProposalRow[], year: number): string {
  if (rows.length === 0) return '';
  const parts = (['исключить', 'оставить', 'включить'] as const)
    .map((p) => {
      const of = rows.filter((r) => r.proposal === p);
      return of.length
        ? `${PROPOSAL_VERB[p]} — ${listRu(of.map((r) => `${r.short_name} (${r.cluster})`))}`
        : '';
    })
    .filter(Boolean);
  return `Предложение по рабочему списку ${schoolYear(year + 1)} по итогам ${schoolYear(year)} (решение за комитетом): ${parts.join('; ')}.`;
}

/** The district briefing's section «Результативность мер». */
export async function districtEffects(
  doc: BriefingBuilder,
  store: Store,
  context: BriefingContext,
  number: number,
  today: string,
) {
  const year = context.year;
  doc.heading(`${number}. Результативность мер`);
  const [effects, summary, pairs, proposal, measures, [pairCount]] = await Promise.all([
    runQuery<SupportEffectRow>(store, 'support_effects', { year, school: null }),
    runQuery<EffectSummaryRow>(store, 'support_effect_summary', { year }),
    runQuery<PairEffectRow>(store, 'pair_effects', { year, school: null }),
    runQuery<ProposalRow>(store, 'list_proposal', { year }),
    roadmapMeasures(store, year, today),
    runQuery<{ pairs: number; began: number }>(store, 'briefing_pairs_year', { year }),
  ]);
  doc.paragraph(cycleNote(year));
  if (effects.length === 0)
    doc.paragraph(
      `В рабочем списке ${schoolYear(year)} нет школ кластеров риска — оценивать нечего.`,
    );
  else {
    doc.bullets(summary.map((r) => `${effectSummarySentence(r, year)}.`));
    doc.table({
      caption: `Школы рабочего списка ${schoolYear(year)}: ключевой показатель кластера до и после года поддержки`,
      columns: EFFECT_COLUMNS(year),
      rows: effects.map(effectCells),
      note: `Ключевой показатель: ${listRu([...new Set(effects.map(indicatorOf))])}.`,
    });
  }
  doc.paragraph(roadmapSentence(measures, year));
  doc.paragraph(
    `Сетевые пары ${schoolYear(year)}: ${countRu(pairCount!.pairs, PAIRS)}, из них начаты в этом году — ${pairCount!.began}.`,
  );
  doc.bullets(pairs.map((r) => `${pairSentence(r)}.`));
  doc.paragraph(proposalSentence(proposal, year));
}

interface SchoolMeasure {
  title: string;
  term: string | null;
  deadline: string | null;
  status: string;
  status_on: string | null;
  via: string;
}

/** «…» — срок «15.09.», выполнено 20.09.2025 (рабочий список)». */
const measureText = (m: SchoolMeasure) =>
  `«${m.title}» — срок ${m.term ? `«${m.term}»` : 'не указан'}, ${m.status}${m.status_on ? ` ${formatDate(m.status_on)}` : ''} (${m.via})`;

/** «ШФЗСОР — доля «2» …: 30,0 % (n = 200) в 2024/25 → 10,0 % (n = 200) в 2025/26 …». */
const schoolEffectText = (r: SupportEffectRow) =>
  `${indicatorOf(r)}: ${pctN(r.base_pct, r.base_n)} в ${schoolYear(r.base_year)} → ${pctN(r.pct, r.n)} в ${schoolYear(r.list_year)} (${formatPp(r.change_pp)}, ${VERDICT_TEXT[r.verdict]}); исход: ${outcomeText(r)}`;

/** The school briefing's section: the measures that served the school and its own effect. */
export async function schoolEffects(
  doc: BriefingBuilder,
  store: Store,
  context: BriefingContext,
  schoolId: string,
  { number, forSchool }: { number: number; forSchool: boolean },
) {
  const year = context.year;
  doc.heading(`${number}. Меры поддержки и их результат`);
  const [measures, effects, pairs] = await Promise.all([
    runQuery<SchoolMeasure>(store, 'briefing_school_roadmap', { year, school_id: schoolId }),
    runQuery<SupportEffectRow>(store, 'support_effects', { year, school: schoolId }),
    runQuery<PairEffectRow>(store, 'pair_effects', { year, school: schoolId }),
  ]);
  doc.paragraph(
    measures.length
      ? `Мероприятия дорожной карты ${schoolYear(year)}, адресованные школе (${countRu(measures.length, MEASURES)}):`
      : `Мероприятий дорожной карты ${schoolYear(year)}, адресованных школе, нет.`,
  );
  doc.bullets(measures.map(measureText));
  if (effects.length) {
    doc.paragraph(cycleNote(year));
    doc.bullets(effects.map(schoolEffectText));
  } else doc.paragraph(`Школы нет в рабочем списке кластеров риска ${schoolYear(year)}.`);
  if (pairs.length) {
    doc.paragraph('Сетевая пара, начатая в этом году, до и после:');
    doc.bullets(pairs.map((r) => pairSentence(r, forSchool)));
  }
}
