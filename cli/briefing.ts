/**
 * npm run briefing -- --year 2025/26 [--school логин | --all-schools | --kind decision …] --format docx|pdf [--out файл]
 * Works on the store directly; while the server holds it, stop the server or use the «Справки» page.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCli, withBuiltStore } from './run.ts';
import { parseSchoolYear } from '../ingest/values.ts';
import {
  BRIEFING_FORMATS,
  makeBatch,
  makeBriefing,
  makeDecision,
  type BriefingFile,
  type BriefingFormat,
} from '../briefing/generate.ts';
import type { Store } from '../analytics/db.ts';
import { DECISION_FIELDS, parseDecisionFields, type DecisionFields } from '../contract/decision.ts';

const FIELD_USAGE = DECISION_FIELDS.map(
  (f) => `    --${f.option.padEnd(16)} ${f.label}, например: ${f.example}`,
).join('\n');

const USAGE = `Использование: npm run briefing -- --year 2025/26 [--school логин | --all-schools | --kind decision] --format docx|pdf [--out файл]
  без --school     — справка по району;
  --school логин   — справка по одной школе (логин ФИС ОКО, например sch470101);
  --all-schools    — ZIP: справка по району и по каждой школе с результатами за год;
  --kind decision  — проект распоряжения об утверждении списков школ на год (по рабочему списку);
                     реквизиты и должностные лица — параметры ниже, незаполненные печатаются
                     линией для заполнения от руки:
${FIELD_USAGE}
  --out            — куда записать (по умолчанию — в текущую папку под именем справки).`;

const KINDS = ['district', 'decision'] as const;

const FIELD_OPTIONS = Object.fromEntries(
  DECISION_FIELDS.map((f) => [f.option, { type: 'string' as const }]),
);

/** What to make, from the arguments; a Russian message when they do not fit together. */
function fileMaker(
  values: Record<string, string | boolean | undefined>,
  year: number,
  format: BriefingFormat,
): ((store: Store) => Promise<BriefingFile>) | string {
  const kind = (values.kind as string | undefined) ?? 'district';
  if (!(KINDS as readonly string[]).includes(kind))
    return `Вид документа «${kind}» не поддерживается: ожидалось district или decision.`;
  const school = values.school as string | undefined;
  if (school && values['all-schools'])
    return 'Укажите либо --school, либо --all-schools, но не оба сразу.';
  if (kind === 'district') {
    const field = DECISION_FIELDS.find((f) => values[f.option] !== undefined);
    if (field)
      return `Параметр --${field.option} относится к проекту распоряжения: добавьте --kind decision.`;
    if (values['all-schools']) return (store) => makeBatch(store, year, null, format);
    return (store) => makeBriefing(store, year, school ?? null, format);
  }
  if (school || values['all-schools'])
    return 'Проект распоряжения составляется по району: --school и --all-schools с --kind decision не указываются.';
  const parsed = parseDecisionFields(
    Object.fromEntries(DECISION_FIELDS.map((f) => [f.key, values[f.option] as string])),
  );
  if ('error' in parsed) return parsed.error;
  const fields: DecisionFields = parsed.fields;
  return (store) => makeDecision(store, year, fields, format);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      year: { type: 'string' },
      school: { type: 'string' },
      'all-schools': { type: 'boolean' },
      kind: { type: 'string' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
      help: { type: 'boolean' },
      ...FIELD_OPTIONS,
    },
  });
  if (values.help || !values.year) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const year = parseSchoolYear(values.year);
  if (year === undefined) {
    console.error(`Учебный год «${values.year}» не понят: ожидалось, например, 2025/26 или 2026.`);
    return 1;
  }
  const format = values.format as BriefingFormat;
  if (!BRIEFING_FORMATS.includes(format)) {
    console.error(`Формат «${values.format}» не поддерживается: ожидалось docx или pdf.`);
    return 1;
  }
  const make = fileMaker(values, year, format);
  if (typeof make === 'string') {
    console.error(make);
    return 1;
  }
  return withBuiltStore(async (store) => {
    const started = performance.now();
    const file = await make(store);
    const out = values.out ?? file.fileName;
    writeFileSync(out, file.data);
    const seconds = ((performance.now() - started) / 1000).toLocaleString('ru-RU', {
      maximumFractionDigits: 1,
    });
    const what = values.kind === 'decision' ? 'Проект распоряжения записан' : 'Справка записана';
    console.log(`${what}: ${out} (${Math.ceil(file.data.length / 1024)} КБ, ${seconds} с)`);
    return 0;
  });
}

await runCli(main);
