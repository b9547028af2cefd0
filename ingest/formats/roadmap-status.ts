/**
 * The status columns a road map may carry on the right («Статус», «Дата статуса», «Отметка»), as
 * the «roadmap» export writes them: a file exported, marked and loaded again keeps its marks.
 */
import { ROADMAP_STATUSES } from '../../contract/roadmap.ts';
import type { RoadmapRow } from '../datasets.ts';
import type { ParseContext } from './context.ts';
import type { MeasureDraft } from './roadmap-serves.ts';

export const STATUS_COLUMNS = [
  { key: 'status', names: ['Статус', 'Статус мероприятия'], required: false },
  { key: 'statusOn', names: ['Дата статуса'], required: false },
  { key: 'note', names: ['Отметка', 'Отметка о статусе'], required: false },
] as const;

const fold = (text: string) => text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** «15.03.2025» or an ISO date (a date cell) → ISO; undefined when it is neither or no such day. */
export function statusDate(text: string): string | undefined {
  const match =
    /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = text.includes('-')
    ? [match[3], match[2], match[1]].map(Number)
    : [match[1], match[2], match[3]].map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  if (date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

type Captions = (key: 'status' | 'statusOn') => string;

/** The status the file gives a measure (undefined: none), or null with an error recorded. */
export function fileStatus(
  context: ParseContext,
  draft: MeasureDraft,
  caption: Captions,
): RoadmapRow['given'] | null {
  const { status, statusOn, note } = draft.texts;
  if (!status && !statusOn && !note) return undefined;
  const at = { file: context.file.name, sheet: context.sheet.name, row: draft.row };
  const word = ROADMAP_STATUSES.find((s) => s === fold(status ?? 'запланировано'));
  const on = statusOn === undefined ? null : statusDate(statusOn);
  if (word === undefined)
    context.problems.add({
      severity: 'error',
      ...at,
      column: caption('status'),
      value: status,
      expected: `статус: ${ROADMAP_STATUSES.join(', ')}`,
    });
  if (on === undefined)
    context.problems.add({
      severity: 'error',
      ...at,
      column: caption('statusOn'),
      value: statusOn,
      expected: 'дата ДД.ММ.ГГГГ, например 15.03.2025',
    });
  if (word === undefined || on === undefined) return null;
  return { status: word, on, note: note ?? null };
}
