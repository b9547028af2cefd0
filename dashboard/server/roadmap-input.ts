/**
 * The road map's input as the page sends it, checked with Russian messages (a title, a status of
 * the four, a real date near the school year, whom the measure serves), and the audit log's words
 * for each change: what was added, what changed from what to what, which status on which day.
 */
import { z } from 'zod';
import type { MeasureFields, StoredMeasure } from '../../analytics/roadmap.ts';
import { formatDate, schoolYear } from '../../contract/format.ts';
import { ROADMAP_STATUSES, termDeadline, type RoadmapStatus } from '../../contract/roadmap.ts';
import { schoolId } from './params.ts';

/** An optional text of at most `max` characters: blank is null. */
const optional = (max: number, what: string) =>
  z
    .string({ error: `${what} — текст.` })
    .trim()
    .max(max, `${what} — не длиннее ${max} знаков.`)
    .nullish()
    .transform((v) => v || null);

const TITLE = 'Укажите наименование мероприятия.';
const SERVES =
  'Кому адресовано мероприятие: list — весь рабочий список, cluster — кластер, schools — названные школы.';

const fields = {
  section: z
    .string({ error: 'Укажите раздел (направление) мероприятия.' })
    .trim()
    .max(300, 'Раздел — не длиннее 300 знаков.'),
  number: optional(20, '№ п/п'),
  title: z
    .string({ error: TITLE })
    .trim()
    .min(1, TITLE)
    .max(1000, 'Наименование — не длиннее 1000 знаков.'),
  term: optional(200, 'Срок'),
  responsible_municipal: optional(500, 'Ответственные на муниципальном уровне'),
  responsible_school: optional(500, 'Ответственные на институциональном уровне'),
  expected_result: optional(1000, 'Ожидаемый результат'),
  confirming_document: optional(500, 'Подтверждающий документ'),
  serves: z.enum(['list', 'cluster', 'schools'], { error: SERVES }),
  serves_cluster: optional(50, 'Кластер'),
  serves_schools: z
    .array(schoolId, { error: 'Школы — список логинов ОО из реестра.' })
    .max(500, 'Не больше 500 школ.')
    .nullish(),
};

type Parsed = z.infer<z.ZodObject<typeof fields>>;

/** A cluster for 'cluster', at least one school for 'schools'; the other kinds' fields dropped. */
function servedTarget(d: Parsed, context: z.RefinementCtx) {
  if (d.serves === 'cluster' && !d.serves_cluster)
    context.addIssue({ code: 'custom', message: 'Мероприятие для кластера: укажите кластер.' });
  if (d.serves === 'schools' && !d.serves_schools?.length)
    context.addIssue({
      code: 'custom',
      message: 'Мероприятие для школ: укажите хотя бы одну школу из реестра.',
    });
}

const withTarget = <T extends Parsed>(d: T) => ({
  ...d,
  serves_cluster: d.serves === 'cluster' ? d.serves_cluster : null,
  serves_schools: d.serves === 'schools' ? [...new Set(d.serves_schools)] : null,
});

const YEAR = 'Учебный год — год его окончания, от 2000 до 2100 (2024 для 2023/24).';

export const newMeasureBody = z
  .object({ year: z.number({ error: YEAR }).int(YEAR).min(2000, YEAR).max(2100, YEAR), ...fields })
  .superRefine(servedTarget)
  .transform(withTarget);
export const editedMeasureBody = z.object(fields).superRefine(servedTarget).transform(withTarget);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isRealDate = (text: string) => {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
};

export const statusBody = z.object({
  status: z.enum(ROADMAP_STATUSES, {
    error: `Статус — один из: ${ROADMAP_STATUSES.join(', ')}.`,
  }),
  on: z
    .string({ error: 'Дата — в виде ГГГГ-ММ-ДД.' })
    .regex(ISO_DATE, 'Дата — в виде ГГГГ-ММ-ДД.')
    .refine(isRealDate, 'Такой даты нет в календаре.')
    .nullish(),
  note: optional(1000, 'Примечание'),
});

export const measureId = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** The Russian messages of a failed check, each once. */
export const issuesText = (error: z.ZodError) =>
  [...new Set(error.issues.map((i) => i.message))].join(' ');

/** The fields to store: the deadline parsed from the term as written. */
export const toFields = (
  d: z.infer<typeof editedMeasureBody>,
  measureYear: number,
): MeasureFields => ({
  ...d,
  deadline: d.term ? termDeadline(d.term, measureYear) : null,
});

/** A status date outside 1 January of the year it opens … 31 December of the year it closes. */
export function dateProblem(on: string, measureYear: number): string | undefined {
  const from = `${measureYear - 1}-01-01`;
  const to = `${measureYear}-12-31`;
  return on < from || on > to
    ? `Дата ${formatDate(on)} вне ${schoolYear(measureYear)} учебного года: укажите дату с ${formatDate(from)} по ${formatDate(to)}.`
    : undefined;
}

// ---- the audit log's words ----

const servesText = (m: Pick<MeasureFields, 'serves' | 'serves_cluster' | 'serves_schools'>) =>
  m.serves === 'cluster'
    ? `кластер ${m.serves_cluster}`
    : m.serves === 'schools'
      ? `школы ${(m.serves_schools ?? []).join(', ')}`
      : 'весь рабочий список';

const LABELS: [keyof MeasureFields, string][] = [
  ['section', 'раздел'],
  ['number', '№ п/п'],
  ['title', 'наименование'],
  ['term', 'срок'],
  ['responsible_municipal', 'ответственные (муниципальный уровень)'],
  ['responsible_school', 'ответственные (уровень ОО)'],
  ['expected_result', 'ожидаемый результат'],
  ['confirming_document', 'подтверждающий документ'],
];

const quoted = (value: string | null) => (value ? `«${value}»` : '—');
const measureName = (m: { title: string; year: number }) => `«${m.title}» (${schoolYear(m.year)})`;

export const addedText = (year: number, m: MeasureFields, id: number) =>
  `Мероприятие дорожной карты добавлено: ${measureName({ title: m.title, year })}, № записи ${id}, ` +
  `раздел ${quoted(m.section)}, срок ${quoted(m.term)}, кому: ${servesText(m)}`;

/** «срок «сентябрь» → «октябрь»; кому: весь рабочий список → кластер ШНОР» */
export function changesText(before: StoredMeasure, after: MeasureFields): string {
  const changes = LABELS.filter(([key]) => before[key] !== after[key]).map(
    ([key, label]) =>
      `${label} ${quoted(before[key] as string | null)} → ${quoted(after[key] as string | null)}`,
  );
  if (servesText(before) !== servesText(after))
    changes.push(`кому: ${servesText(before)} → ${servesText(after)}`);
  return changes.length ? changes.join('; ') : 'без изменений';
}

export const editedText = (before: StoredMeasure, after: MeasureFields) =>
  `Мероприятие дорожной карты изменено: ${measureName(before)}: ${changesText(before, after)}`;

const STATUS_WORDS: Record<RoadmapStatus, string> = {
  запланировано: 'возвращено в запланированные',
  выполнено: 'отмечено выполненным',
  перенесено: 'отмечено перенесённым',
  'не выполнено': 'отмечено невыполненным',
};

export const statusText = (
  m: StoredMeasure,
  s: { status: RoadmapStatus; on: string; note: string | null },
) =>
  `Мероприятие дорожной карты ${STATUS_WORDS[s.status]}: ${measureName(m)}, ${formatDate(s.on)}` +
  `${s.note ? ` — ${s.note}` : ''} (было: ${m.status}${m.status_on ? ` ${formatDate(m.status_on)}` : ''})`;

export const deletedText = (m: StoredMeasure) =>
  `Мероприятие дорожной карты удалено: ${measureName(m)}, № записи ${m.measure_id}`;
