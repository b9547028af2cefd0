/**
 * The draft распоряжение approving the year's lists, in the form of the committee's own orders:
 * the letterhead, «РАСПОРЯЖЕНИЕ», the date and number, the title, the preamble built from the
 * year's working list, the numbered decisions, the signature, one appendix per cluster with
 * the schools' full legal names, «Итого: N ОО» and the basis of the list, and the year's road map. The authority, the
 * date, the number, the deadline and the officials are the user's fields (contract/decision.ts);
 * an empty one is printed as a line to fill.
 */
import type { Store } from '../analytics/db.ts';
import type { DecisionFields } from '../contract/decision.ts';
import { BriefingBuilder, type Briefing } from './document.ts';
import { basisLines, decisionLists, listSources, type ClusterList } from './decision-lists.ts';
import type { RoadmapMeasure } from '../contract/api/roadmap-types.ts';
import { drawRoadmap, roadmapMeasures } from './decision-roadmap.ts';
import { briefingContext } from './sections.ts';
import { capitalize, formatDate, listRu } from './text.ts';

/** What an empty field is printed as: a line to fill by hand. */
export const BLANK = '__________';

const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** «20 октября 2025 года» from 2025-10-20. */
export function dateInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y} года`;
}

/** «2025-2026 учебный год», as the orders write it. */
export const spelledYear = (year: number) => `${year - 1}-${year}`;

const fill = (value: string | undefined) => value || BLANK;

/** The order's number and date as its heading and every appendix write them. */
const dateAndNumber = (fields: DecisionFields) =>
  `от ${fields.date ? formatDate(fields.date) : BLANK} № ${fill(fields.number)}`;

/** An appendix of the order: what decision 1 approves by it, and how it is drawn under its stamp. */
export interface Appendix {
  /** «список школ, функционирующих … (ШФЗСОР)» */
  subject: string;
  draw: (doc: BriefingBuilder) => void;
}

/** One cluster's list: the title, «№ п/п | Наименование … | Кластеризация», «Итого», the basis. */
function listAppendix(list: ClusterList, year: number): Appendix {
  const subject = `список ${list.schools}`;
  return {
    subject,
    draw: (doc) => {
      doc.lines({
        lines: [`Список ${list.schools} на ${spelledYear(year)} учебный год`],
        align: 'center',
        style: 'bold',
      });
      doc.plainTable({
        caption: '',
        columns: [
          { title: '№ п/п', width: 11 },
          { title: 'Наименование образовательной организации', width: 69 },
          { title: 'Кластеризация', width: 20 },
        ],
        rows: list.entries.map((e, i) => [`${i + 1}.`, e.full_name, list.cluster]),
        totals: [['', `Итого: ${list.entries.length} ОО`, '']],
        bodyText: true,
      });
      doc.paragraph('Основание списка:');
      doc.bullets(basisLines(list.entries));
    },
  };
}

/**
 * The order's appendices in their order: the year's lists by cluster, then the year's road map
 * of support when one is kept.
 */
export function decisionAppendices(
  lists: readonly ClusterList[],
  year: number,
  roadmap: readonly RoadmapMeasure[] = [],
): Appendix[] {
  const appendices = lists.map((list) => listAppendix(list, year));
  if (roadmap.length)
    appendices.push({
      subject:
        'муниципальную дорожную карту реализации мер по адресной поддержке и методическому сопровождению школ',
      draw: (doc) => drawRoadmap(doc, roadmap, spelledYear(year)),
    });
  return appendices;
}

/** «В целях …»: the year, what the lists rest on and how many schools each has. */
function preamble(lists: readonly ClusterList[], year: number): string {
  const schools = new Set(lists.flatMap((l) => l.entries.map((e) => e.school_id)));
  const counts = lists.map((l) => `в списке ${l.schools} — ${l.entries.length} ОО`);
  return (
    `В целях организации в ${spelledYear(year)} учебном году адресной поддержки и методического сопровождения школ, ` +
    `выявленных на основании ${listRu(listSources(lists))}, — всего ${schools.size} ОО, из них ${counts.join('; ')}:`
  );
}

/** The numbered decisions: approve the lists, the schools' plans, the responsible, the control. */
function decisions(
  doc: BriefingBuilder,
  appendices: readonly Appendix[],
  lists: readonly ClusterList[],
  year: number,
  fields: DecisionFields,
) {
  doc.paragraph(`1. Утвердить на ${spelledYear(year)} учебный год:`);
  appendices.forEach((a, i) =>
    doc.paragraph(
      `1.${i + 1}. ${capitalize(a.subject)} — в соответствии с приложением ${i + 1}${i === appendices.length - 1 ? '.' : ';'}`,
    ),
  );
  const schools = [...new Set(lists.flatMap((l) => l.entries.map((e) => e.short_name)))];
  doc.paragraph(
    `2. Руководителям общеобразовательных организаций, включённых в списки (${schools.join(', ')}):`,
  );
  doc.paragraph(
    `2.1. Внести в план работы ОО на ${spelledYear(year)} учебный год мероприятия по адресной поддержке и методическому сопровождению.`,
  );
  doc.paragraph(`Срок — до ${fields.deadline ? dateInWords(fields.deadline) : BLANK}.`);
  doc.paragraph(
    '2.2. Обеспечить принятие управленческих решений по результатам реализации мероприятий.',
  );
  doc.paragraph('Срок — постоянно.');
  doc.paragraph(
    `3. Назначить ответственным за реализацию мер по адресной поддержке и методическому сопровождению школ, включённых в списки, в ${spelledYear(year)} учебном году ${fill(fields.responsible)}.`,
  );
  doc.paragraph(
    `4. Контроль за исполнением настоящего распоряжения возложить на ${fill(fields.control)}.`,
  );
}

/** The draft order of `year` (the year must have a working list). */
export async function decisionBriefing(
  store: Store,
  year: number,
  fields: DecisionFields,
): Promise<Briefing> {
  const context = await briefingContext(store, year);
  const lists = await decisionLists(store, year);
  const appendices = decisionAppendices(lists, year, await roadmapMeasures(store, year));
  const title = `Об утверждении списков школ для адресной поддержки и методического сопровождения на ${spelledYear(year)} учебный год`;
  const doc = new BriefingBuilder();
  doc.paragraph(
    context.isDemo &&
      'Проект составлен по демонстрационным данным: школы и списки вымышлены, к реальным школам не относятся.',
  );
  doc.lines({
    lines: [fill(fields.administration), fill(fields.committee).toUpperCase()],
    align: 'center',
    style: 'bold',
  });
  doc.lines({ lines: ['РАСПОРЯЖЕНИЕ'], align: 'center', style: 'title' });
  doc.lines({ lines: [dateAndNumber(fields)], align: 'center' });
  doc.lines({ lines: [title], align: 'center', style: 'bold' });
  doc.paragraph(preamble(lists, year));
  decisions(doc, appendices, lists, year, fields);
  doc.signature(fill(fields.signerPosition), fill(fields.signerName));
  appendices.forEach((appendix, i) => {
    doc.lines({
      lines: [`Приложение ${i + 1}`, 'к распоряжению', dateAndNumber(fields)],
      align: 'right',
      newPage: true,
    });
    appendix.draw(doc);
  });
  return {
    fileStem: `Распоряжение_списки_${context.yearText.replace('/', '-')}`,
    title,
    subtitle: '',
    runningHead: '',
    blocks: doc.blocks,
    official: true,
  };
}
