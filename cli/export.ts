/**
 * npm run export -- <набор> [--year 2026] [--school sch470101] [--format csv|xlsx] --out FILE
 * Works on the store directly; while the server holds it, stop the server or use its API.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORTS, exportTable, toCsv, toXlsx, type ExportName } from '../analytics/export.ts';
import { runCli, withBuiltStore } from './run.ts';
import { parseSchoolYear } from '../ingest/values.ts';

const USAGE = `Использование: npm run export -- <набор> [--year 2025/26] [--school логин] [--format csv|xlsx] --out файл
Наборы:
${Object.entries(EXPORTS)
  .map(([name, e]) => `  ${name.padEnd(17)} ${e.title}`)
  .join('\n')}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      school: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const name = positionals[0];
  if (values.help || !name || !values.out) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (!(name in EXPORTS)) {
    console.error(`Нет набора «${name}». ${USAGE}`);
    return 1;
  }
  const year = values.year === undefined ? undefined : parseSchoolYear(values.year);
  if (values.year !== undefined && year === undefined) {
    console.error(`Учебный год «${values.year}» не понят: ожидалось, например, 2025/26 или 2026.`);
    return 1;
  }
  if (values.format !== 'csv' && values.format !== 'xlsx') {
    console.error(`Формат «${values.format}» не поддерживается: ожидалось csv или xlsx.`);
    return 1;
  }
  const { out, format, school } = values;
  return withBuiltStore(async (store) => {
    const exportName = name as ExportName;
    const table = await exportTable(store, exportName, { year, school });
    writeFileSync(out, format === 'csv' ? toCsv(table) : await toXlsx(table, exportName));
    console.log(`Записано строк: ${table.rows.length} → ${out}`);
    return 0;
  });
}

await runCli(main);
