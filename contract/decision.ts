/**
 * The fields of the draft распоряжение on the year's lists (npm run briefing -- --kind decision,
 * «Справки»): what the user types, never data from the store — the authority's name, the date and
 * number of the order, the deadline, the officials. An empty field is printed as a line to fill.
 */

export const DECISION_FIELDS = [
  {
    key: 'administration',
    option: 'administration',
    label: 'Администрация (первая строка шапки)',
    example: 'Администрация Демонстрационного муниципального района',
  },
  {
    key: 'committee',
    option: 'committee',
    label: 'Орган, издающий распоряжение',
    example: 'Комитет образования',
  },
  { key: 'date', option: 'date', label: 'Дата распоряжения', example: '19.10.2025', date: true },
  { key: 'number', option: 'number', label: 'Номер распоряжения', example: '356' },
  {
    key: 'deadline',
    option: 'deadline',
    label: 'Срок внесения мероприятий в план работы ОО',
    example: '20.10.2025',
    date: true,
  },
  {
    key: 'responsible',
    option: 'responsible',
    label: 'Назначить ответственным (должность и ФИО, кого?)',
    example: 'методиста МИМС Иванову И.И.',
  },
  {
    key: 'control',
    option: 'control',
    label: 'Контроль возложить на (должность и ФИО, кого?)',
    example: 'главного специалиста отдела развития Петрову П.П.',
  },
  {
    key: 'signerPosition',
    option: 'signer-position',
    label: 'Должность подписывающего',
    example: 'Председатель комитета',
  },
  {
    key: 'signerName',
    option: 'signer-name',
    label: 'Подписывающий: инициалы и фамилия',
    example: 'С.С. Сидорова',
  },
] as const satisfies readonly {
  key: string;
  /** the CLI option: --<option> */
  option: string;
  label: string;
  /** what the page shows as a placeholder */
  example: string;
  /** a date: 19.10.2025 or 2025-10-19, kept as ISO */
  date?: true;
}[];

export type DecisionFieldKey = (typeof DECISION_FIELDS)[number]['key'];

/** The filled fields; an absent one is printed as a line to fill. Dates are ISO (2025-10-19). */
export type DecisionFields = Partial<Record<DecisionFieldKey, string>>;

/** The longest text a field takes. */
export const FIELD_MAX_LENGTH = 300;

/** 2025-10-19 from «19.10.2025» or «2025-10-19»; undefined when it is no real date. */
export function isoDate(text: string): string | undefined {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = dotted
    ? [dotted[3], dotted[2], dotted[1]].map(Number)
    : iso
      ? [iso[1], iso[2], iso[3]].map(Number)
      : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The fields from what the user typed (the query of the API, the CLI's options): trimmed, empty
 * ones left out, dates as ISO; or a Russian message naming the field that cannot be taken.
 */
export function parseDecisionFields(
  input: Partial<Record<DecisionFieldKey, string | undefined>>,
): { fields: DecisionFields } | { error: string } {
  const fields: DecisionFields = {};
  for (const field of DECISION_FIELDS) {
    const text = input[field.key]?.replace(/[\p{Cc}\s]+/gu, ' ').trim();
    if (!text) continue;
    if (text.length > FIELD_MAX_LENGTH)
      return {
        error: `Поле «${field.label}» длиннее ${FIELD_MAX_LENGTH} знаков: сократите его.`,
      };
    if ('date' in field) {
      const iso = isoDate(text);
      if (!iso)
        return {
          error: `Поле «${field.label}»: «${text}» — не дата; ожидалась дата вида ${field.example}.`,
        };
      fields[field.key] = iso;
    } else fields[field.key] = text;
  }
  return { fields };
}
