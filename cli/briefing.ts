/**
 * npm run briefing -- --year 2025/26 [--school логин | --all-schools] --format docx|pdf [--out файл]
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
  type BriefingFormat,
} from '../briefing/generate.ts';

const USAGE = `Использование: npm run briefing -- --year 2025/26 [--school логин | --all-schools] --format docx|pdf [--out файл]
  без --school     — справка по району;
  --school логин   — справка по одной школе (логин ФИС ОКО, например sch470101);
  --all-schools    — ZIP: справка по району и по каждой школе с результатами за год;
  --out            — куда записать (по умолчанию — в текущую папку под именем справки).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      year: { type: 'string' },
      school: { type: 'string' },
      'all-schools': { type: 'boolean' },
      format: { type: 'string', default: 'docx' },
      out: { type: 'string' },
      help: { type: 'boolean' },
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
  if (values.school && values['all-schools']) {
    console.error('Укажите либо --school, либо --all-schools, но не оба сразу.');
    return 1;
  }
  return withBuiltStore(async (store) => {
    const started = performance.now();
    const file = values['all-schools']
      ? await makeBatch(store, year, null, format)
      : await makeBriefing(store, year, values.school ?? null, format);
    const out = values.out ?? file.fileName;
    writeFileSync(out, file.data);
    const seconds = ((performance.now() - started) / 1000).toLocaleString('ru-RU', {
      maximumFractionDigits: 1,
    });
    console.log(
      `Справка записана: ${out} (${Math.ceil(file.data.length / 1024)} КБ, ${seconds} с)`,
    );
    return 0;
  });
}

await runCli(main);
