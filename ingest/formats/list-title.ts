/**
 * What the title lines above a list say: its school year («2023-2024 учебный год», «2023/24») and
 * the document that approved it («Приложение 2 к распоряжению комитета образования … от
 * 19.10.2023 года № 356»); and who approved a list, read from that document.
 */
import type { ListSource } from '../datasets.ts';
import { parseSchoolYear, schoolYearCell } from '../values.ts';

/** The school years a text names, each once, in the order they appear (2024 for 2023/24). */
export function schoolYearsIn(text: string): number[] {
  const years: number[] = [];
  for (const match of text.matchAll(/(?<!\d)(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)/g)) {
    const year = parseSchoolYear(`${match[1]}/${match[2]}`);
    if (year !== undefined && schoolYearCell.safeParse(year).success && !years.includes(year))
      years.push(year);
  }
  return years;
}

const KINDS: [RegExp, string][] = [
  [/^распоряжени/i, 'распоряжение'],
  [/^письм/i, 'письмо'],
  [/^приказ/i, 'приказ'],
  [/^постановлени/i, 'постановление'],
];

const DOCUMENT =
  /(?<![а-яё])(распоряжени[а-яё]*|письм[а-яё]*|приказ[а-яё]*|постановлени[а-яё]*)((?:\s+\S+){0,20}?)\s+от\s+(\d{1,2}\.\d{1,2}\.\d{4})\s*(?:г\.|года?)?\s*(?:№|N)\s*([^\s,;)»]+)/i;

/**
 * The document a text names, in the nominative: «распоряжение комитета образования … от
 * 19.10.2023 № 356»; undefined when it names none.
 */
export function basisIn(text: string): string | undefined {
  const match = DOCUMENT.exec(text.replace(/\s+/g, ' '));
  if (!match) return undefined;
  const kind = KINDS.find(([pattern]) => pattern.test(match[1]!))![1];
  const issuer = match[2]!.trim();
  return `${kind}${issuer ? ` ${issuer}` : ''} от ${match[3]} № ${match[4]}`;
}

/**
 * Who approved a list, by its basis: a document of the region's committee (КОиПО ЛО, «комитет
 * общего и профессионального образования») or a letter is the region's; the municipal
 * committee's распоряжение or приказ is the committee's. A list without a basis is the region's,
 * as the lists were before their basis was kept.
 */
export function sourceOf(basis: string | undefined): ListSource {
  if (!basis) return 'регион';
  const text = basis.toLowerCase().replace(/ё/g, 'е');
  if (/коипо|общего и профессионального образования/.test(text)) return 'регион';
  return /^(распоряжение|приказ|постановление)/.test(text) ? 'комитет' : 'регион';
}
