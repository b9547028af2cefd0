/** «Справки»: what the page's choices mean as an API request, and how its results are worded. */
import type { BriefingOptions } from '../../../contract/api/briefing-types.ts';
import type { DecisionFields } from '../../../contract/decision.ts';
import { countRu, schoolYear } from '../../../contract/format.ts';
import type { Choice } from './choices.ts';

export type BriefingKind = 'district' | 'school' | 'all' | 'selected' | 'decision';
export type BriefingFormat = 'docx' | 'pdf';

export const KINDS: readonly { value: BriefingKind; label: string }[] = [
  { value: 'district', label: 'Справка по району' },
  { value: 'school', label: 'Справка по школе' },
  { value: 'all', label: 'Пакет: район и все школы (ZIP)' },
  { value: 'selected', label: 'Пакет: район и выбранные школы (ZIP)' },
  { value: 'decision', label: 'Проект распоряжения об утверждении списков школ' },
];

export const FORMATS: readonly { value: BriefingFormat; label: string; hint: string }[] = [
  { value: 'docx', label: 'DOCX', hint: 'для правки в Word' },
  { value: 'pdf', label: 'PDF', hint: 'для печати и рассылки, A4' },
];

/** The seven sections of every справка, in the order of the document. */
export const SECTIONS: readonly string[] = [
  'что измерялось: процедуры, классы, предметы, число школ и участников, даты и источники данных',
  'ключевые показатели с прошлым годом и изменением в п.п. (значимые изменения отмечены)',
  'цели по функциональной грамотности: выполнены ли, и школы с наибольшим вкладом в отставание',
  'кластеры риска с основаниями по каждой школе и изменениями за год',
  'школы с наибольшими изменениями — только значимые улучшения и снижения',
  'дефициты, повторяющиеся в нескольких школах: умения ВПР и профессиональные затруднения учителей',
  'предлагаемый фокус адресной поддержки: школы риска, их школы-партнёры и основные дефициты',
];

export const parseKind = (value: string | null): BriefingKind =>
  KINDS.some((k) => k.value === value) ? (value as BriefingKind) : 'district';

export const parseFormat = (value: string | null): BriefingFormat =>
  value === 'pdf' ? 'pdf' : 'docx';

/** Logins of the `schools` query parameter (comma-separated). */
export const parseSchools = (value: string | null): string[] => [
  ...new Set((value ?? '').split(',').filter(Boolean)),
];

export interface BriefingChoice {
  year: number;
  kind: BriefingKind;
  format: BriefingFormat;
  /** the school of a school briefing */
  school: string;
  /** the schools of a batch of chosen schools */
  schools: string[];
}

/** The API path and query of a choice; the draft order's fields go with it as typed. */
export function briefingRequest(
  choice: BriefingChoice,
  fields: DecisionFields = {},
): {
  path: string;
  query: Record<string, string | number>;
} {
  const { year, format } = choice;
  switch (choice.kind) {
    case 'decision': {
      const filled = Object.entries(fields).filter(([, value]) => value?.trim());
      return {
        path: '/api/briefings/decision',
        query: { year, format, ...(Object.fromEntries(filled) as Record<string, string>) },
      };
    }
    case 'district':
      return { path: '/api/briefings/file', query: { year, format } };
    case 'school':
      return { path: '/api/briefings/file', query: { year, format, school: choice.school } };
    case 'all':
      return { path: '/api/briefings/batch', query: { year, format } };
    case 'selected':
      return {
        path: '/api/briefings/batch',
        query: { year, format, schools: choice.schools.join(',') },
      };
  }
}

/** The name a file gets when the server's answer names none. */
export function fallbackFileName(choice: BriefingChoice): string {
  const year = schoolYear(choice.year).replace('/', '-');
  if (choice.kind === 'district') return `Справка_район_${year}.${choice.format}`;
  if (choice.kind === 'school') return `Справка_${choice.school}_${year}.${choice.format}`;
  if (choice.kind === 'decision') return `Распоряжение_списки_${year}.${choice.format}`;
  return `Справки_${year}_${choice.format}.zip`;
}

/** «справка по району за 2025/26 учебный год, DOCX» — what the button will make. */
export function describeChoice(choice: BriefingChoice, schoolName: string, allCount: number) {
  const year = `${schoolYear(choice.year)} учебный год`;
  const format = choice.format.toUpperCase();
  switch (choice.kind) {
    case 'district':
      return `Справка по району за ${year}, ${format}.`;
    case 'school':
      return `Справка по школе «${schoolName}» за ${year}, ${format}.`;
    case 'all':
      return `Архив ZIP за ${year}: справка по району и ${countRu(allCount, SCHOOL_BRIEFINGS)} (все школы с результатами), ${format}.`;
    case 'selected':
      return `Архив ZIP за ${year}: справка по району и ${countRu(choice.schools.length, SCHOOL_BRIEFINGS)}, ${format}.`;
    case 'decision':
      return `Проект распоряжения об утверждении списков школ на ${year} по рабочему списку, ${format}. Незаполненные поля печатаются линией для заполнения от руки.`;
  }
}

/** The years a kind can be made for: with a working list for the draft order, else with results. */
export const kindYears = (data: BriefingOptions, kind: BriefingKind) =>
  kind === 'decision' ? data.listYears : data.years;

const SCHOOL_BRIEFINGS: readonly [string, string, string] = [
  'справка по школе',
  'справки по школам',
  'справок по школам',
];

const oneDecimal = new Intl.NumberFormat('ru-RU', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** «45,2 КБ»; from one megabyte on «4,8 МБ». */
export function formatSize(bytes: number): string {
  const kb = bytes / 1024;
  return kb < 1024 ? `${oneDecimal.format(kb)} КБ` : `${oneDecimal.format(kb / 1024)} МБ`;
}

/** «2,4 с» */
export const formatSeconds = (ms: number) => `${oneDecimal.format(ms / 1000)} с`;

/** What the page shows and asks for, read from the options and the URL. */
export interface BriefingState {
  /** the kinds offered: a school user gets their own school's справка only */
  kinds: readonly { value: BriefingKind; label: string }[];
  kind: BriefingKind;
  pdfAvailable: boolean;
  format: BriefingFormat;
  /** the school of a school справка: the user's own, the URL's or the first with results */
  school: string;
  /** whether that school has results in the year */
  schoolKnown: boolean;
  /** chosen schools of a batch that have results in the year (the URL may keep others) */
  selected: string[];
  /** whether the asked year has results */
  yearKnown: boolean;
  /** null until the options say which year */
  choice: BriefingChoice | null;
  /** documents the choice makes: the district's and one per school */
  documents: number;
  /** true when the button cannot make anything */
  blocked: boolean;
}

/** The page's state for the options (undefined while loading), the URL and a school user's school. */
export function briefingState(
  data: BriefingOptions | undefined,
  query: URLSearchParams,
  ownSchool: string | null,
): BriefingState {
  const kind = ownSchool ? 'school' : parseKind(query.get('kind'));
  const pdfAvailable = data?.pdfAvailable ?? true;
  const format = pdfAvailable ? parseFormat(query.get('format')) : 'docx';
  const schools = data?.schools ?? [];
  const school = ownSchool ?? query.get('school') ?? schools[0]?.school_id ?? '';
  const ids = new Set(parseSchools(query.get('schools')));
  const selected = schools.filter((s) => ids.has(s.school_id)).map((s) => s.school_id);
  const yearKnown = !!data && data.year !== null && kindYears(data, kind).includes(data.year);
  const choice =
    data?.year == null ? null : { year: data.year, kind, format, school, schools: selected };
  const documents =
    kind === 'all' ? schools.length + 1 : kind === 'selected' ? selected.length + 1 : 1;
  return {
    kinds: ownSchool ? KINDS.filter((k) => k.value === 'school') : KINDS,
    kind,
    pdfAvailable,
    format,
    school,
    schoolKnown: schools.some((s) => s.school_id === school),
    selected,
    yearKnown,
    choice,
    documents,
    blocked:
      !choice ||
      !yearKnown ||
      (kind === 'school' && !school) ||
      (kind === 'selected' && selected.length === 0),
  };
}

/** The year list: the kind's years, and an asked year without data marked first. */
export function briefingYearOptions(
  data: BriefingOptions,
  yearKnown: boolean,
  kind: BriefingKind = 'district',
): Choice[] {
  return [
    ...(data.year !== null && !yearKnown
      ? [{ value: String(data.year), label: `${schoolYear(data.year)} (нет данных)` }]
      : []),
    ...kindYears(data, kind).map((y) => ({ value: String(y), label: schoolYear(y) })),
  ];
}

/** The school list: the schools with results, and a chosen school without them marked first. */
export function briefingSchoolOptions(
  school: string,
  schoolKnown: boolean,
  schools: BriefingOptions['schools'],
): Choice[] {
  return [
    ...(school && !schoolKnown
      ? [{ value: school, label: `${school} (нет результатов за год)` }]
      : []),
    ...schools.map((s) => ({ value: s.school_id, label: s.short_name })),
  ];
}

/** The batch's schools after one is checked or unchecked. */
export const toggleSchool = (selected: readonly string[], id: string, on: boolean): string[] =>
  on ? [...selected, id] : selected.filter((s) => s !== id);

/**
 * The message shown when a document fails: always beginning «Справка не сформирована» (for the
 * draft order «Проект распоряжения не сформирован»).
 */
export function failureText(message: string, kind: BriefingKind = 'district'): string {
  const start =
    kind === 'decision' ? 'Проект распоряжения не сформирован' : 'Справка не сформирована';
  return message.startsWith(start) ? message : `${start}: ${message}`;
}
