/**
 * The generated sections of the documentation (docs/formats.md, docs/exports.md,
 * docs/security.md), written from their definitions in the code, so the documentation cannot
 * drift from it (a test compares them). `npm run docs` rewrites them (cli/docs.ts).
 */
import { accessMarkdown } from '../../contract/access/access-rules.ts';
import { readFileSync } from 'node:fs';
import { datasetTitle } from '../datasets.ts';
import { FORMATS } from './index.ts';
import { exportsMarkdown } from '../../analytics/export.ts';

type SectionName = 'formats' | 'exports' | 'access';

/** Each documentation file with generated sections, and the sections between its markers. */
export const GENERATED_DOCS: { path: string; sections: SectionName[] }[] = [
  { path: 'docs/formats.md', sections: ['formats'] },
  { path: 'docs/exports.md', sections: ['exports'] },
  { path: 'docs/security.md', sections: ['access'] },
];

export const docUrl = (path: string) => new URL(`../../${path}`, import.meta.url);

function exampleCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return /[;"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatsMarkdown(): string {
  const parts: string[] = [];
  for (const format of FORMATS) {
    parts.push(`### ${format.title}`, '', `Набор данных: ${datasetTitle(format.dataset)}.`, '');
    parts.push('| столбец | обязателен | другие варианты заголовка |', '|---|---|---|');
    for (const column of format.columns)
      parts.push(
        `| ${column.names[0]} | ${column.required ? 'да' : 'нет'} | ${column.names.slice(1).join('; ') || '—'} |`,
      );
    parts.push('');
    if (format.example) {
      parts.push(
        'Пример (CSV):',
        '',
        '```',
        format.columns.map((c) => c.names[0]).join(';'),
        format.example.map(exampleCell).join(';'),
        '```',
        '',
      );
    }
    for (const note of format.notes ?? []) parts.push(`- ${note}`);
    if (format.notes?.length) parts.push('');
  }
  return parts.join('\n').trimEnd();
}

const SECTION_BODIES: Record<SectionName, () => string> = {
  formats: formatsMarkdown,
  exports: exportsMarkdown,
  access: accessMarkdown,
};

/** A documentation file's text with the named generated sections between their markers replaced. */
export function docWithSections(path: string, doc: string, sections: SectionName[]): string {
  return sections.reduce((text, name) => {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`В ${path} нет меток ${start} … ${end}`);
    return `${text.slice(0, from + start.length)}\n${SECTION_BODIES[name]()}\n${text.slice(to)}`;
  }, doc);
}

export const currentDoc = (path: string) => readFileSync(docUrl(path), 'utf8');
