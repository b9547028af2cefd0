/**
 * The form and the contract of a network pair as the seeds write them: the form normalised to
 * «ресурсное (донорское)» or «паритетное» when the text says so, the contract (договор,
 * соглашение, приказ) kept as written, with its number and date read from the text when the
 * file gives no columns for them.
 */

import { PARITY_FORM, RESOURCE_FORM } from '../../contract/api/pairs-types.ts';

/**
 * «Ресурсное (донорское) взаимодействие, где одна из школ…», «донорское» → «ресурсное
 * (донорское)»; «Паритетное взаимодействие…» → «паритетное»; anything else as written.
 */
export function pairForm(text: string): string {
  const lower = text.toLowerCase();
  if (/^ресурсн|донорск/.test(lower)) return RESOURCE_FORM;
  if (/^паритетн/.test(lower)) return PARITY_FORM;
  return text;
}

/**
 * The number of a contract written out: «Договор № 01 /2023 от 03.10.2023 года…» → «01/2023»,
 * «Приказ №49 от…» → «49»; undefined when the text names no number.
 */
export function contractNumber(text: string): string | undefined {
  const match = /№\s*(.+?)\s+от\s/i.exec(text) ?? /№\s*(\S+)/.exec(text);
  const number = match?.[1]?.replace(/\s*\/\s*/g, '/').trim();
  return number || undefined;
}

/** The date after «от» in a contract written out, as it stands («03.10.2023»); undefined when none. */
export function contractDateText(text: string): string | undefined {
  return /\sот\s+(\d{1,2}\.\d{1,2}\.\d{2,4})/i.exec(text)?.[1];
}

/**
 * A date as the documents and spreadsheets give it: «03.10.2023», «3.10.23» or «2023-10-03»
 * (a spreadsheet date). ISO «YYYY-MM-DD», or undefined when it is not a real date.
 */
export function parseRuDate(text: string): string | undefined {
  const trimmed = text.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s*г(?:ода?|\.)?)?$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = ru
    ? [Number(ru[3]!.length === 2 ? `20${ru[3]}` : ru[3]), Number(ru[2]), Number(ru[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1)
    return undefined;
  return date.toISOString().slice(0, 10);
}

export const EXPECTED_DATE = 'дата в виде ДД.ММ.ГГГГ, например 03.10.2023';
