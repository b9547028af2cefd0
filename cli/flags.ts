/**
 * npm run flags -- [--year 2025/26] [--methodology FILE]
 * Lists the risk-cluster flags of a year with their explanations. With --methodology, the year
 * is recomputed under that methodology file (another version, a changed threshold) and the
 * flags that would be added or removed are listed; the store is not changed.
 */
import { parseArgs } from 'node:util';
import { loadMethodology } from '../analytics/methodology-file.ts';
import { currentMethodology } from '../analytics/methodology-store.ts';
import { previewFlags } from '../analytics/flags-preview.ts';
import { runCli, withBuiltStore } from './run.ts';
import { parseSchoolYear } from '../ingest/values.ts';
import { schoolYear } from '../contract/format.ts';

const USAGE = 'Использование: npm run flags -- [--year 2025/26] [--methodology файл.json]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      year: { type: 'string' },
      methodology: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const year = values.year === undefined ? null : (parseSchoolYear(values.year) ?? NaN);
  if (Number.isNaN(year)) {
    console.error(`Учебный год «${values.year}» не понят: ожидалось, например, 2025/26. ${USAGE}`);
    return 1;
  }
  const file = values.methodology ? loadMethodology(values.methodology) : undefined;
  return withBuiltStore(async (store) => {
    const current = await currentMethodology(store);
    const candidate = file ?? current;
    const { flags, changes } = await previewFlags(store, candidate, year);
    console.log(`Методика: ${candidate.version}. Признаков: ${flags.length}.`);
    for (const f of flags)
      console.log(
        `\n${schoolYear(f.year)} · ${f.cluster} · ${f.short_name} (правило ${f.rule_version})\n  ${f.explanation}`,
      );
    if (values.methodology) {
      console.log(
        `\nПо сравнению с действующей методикой (${current.version}) изменений: ${changes.length}.`,
      );
      for (const c of changes)
        console.log(`  ${c.change}: ${schoolYear(c.year)} · ${c.cluster} · ${c.short_name}`);
    }
    return 0;
  });
}

await runCli(main);
