/**
 * npm run bench [-- --size district|national] [--schools N --years Y]: the scale benchmark
 * (test/bench/scale.ts) for the district and the national size, or one size. Prints the
 * Markdown table and writes it, with the JSON, to test-results/bench/scale.{md,json}.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SIZES, cleanUp, runScale, scaleMarkdown, type ScaleSize } from './scale.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    schools: { type: 'string' },
    years: { type: 'string', default: '5' },
  },
});
const sizes: ScaleSize[] = values.schools
  ? [{ label: 'своя выборка', schools: Number(values.schools), years: Number(values.years) }]
  : values.size
    ? [SIZES[values.size as keyof typeof SIZES]]
    : [SIZES.district, SIZES.national];

const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'процессор не определён',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 1024 ** 3),
};
const results = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'mko-scale-'));
  try {
    results.push(await runScale(size, dir, { log: (line) => console.log(line) }));
  } finally {
    cleanUp(dir);
  }
}
const table = scaleMarkdown(results, machine);
console.log('\n' + table);
const out = join(import.meta.dirname, '..', '..', 'test-results', 'bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'scale.json'), JSON.stringify({ machine, results }, null, 2) + '\n');
writeFileSync(join(out, 'scale.md'), table + '\n');
