/**
 * The formats section of the README, written from the format definitions themselves, so the
 * documentation cannot drift from the code (a test compares them). `npm run docs` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { datasetTitle } from '../datasets.ts';
import { FORMATS } from './index.ts';

const START = '<!-- formats:start -->';
const END = '<!-- formats:end -->';
const README = new URL('../../README.md', import.meta.url);

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

export function readmeWithFormats(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`В README нет меток ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n${formatsMarkdown()}\n${readme.slice(end)}`;
}

export const currentReadme = () => readFileSync(README, 'utf8');

if (process.argv[1] && basename(process.argv[1]).startsWith('describe')) {
  writeFileSync(README, readmeWithFormats(currentReadme()));
  console.log('Раздел форматов в README.md обновлён.');
}
