/**
 * Writes the demo district's source files into data/demo/ in the real layouts.
 * Deterministic: the same bytes on every run (`npm run demo`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRegistry } from './generator/write-registry.ts';
import { writeVpr } from './generator/write-vpr.ts';
import { writeVprReports } from './generator/write-vpr-reports.ts';
import { writeGia } from './generator/write-gia.ts';
import { writeFg } from './generator/write-fg.ts';
import { writeTeachers } from './generator/write-teachers.ts';
import { writeNetwork } from './generator/write-network.ts';

export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'demo');

export interface DemoFiles {
  all: string[];
  /** the files of sources the importer reads so far; the rest wait for their readers */
  importable: string[];
}

/** Generates the demo files. */
export async function generateDemo(dir: string = DEMO_DIR): Promise<DemoFiles> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const importable = [...(await writeRegistry(dir)), ...(await writeVpr(dir))];
  const others = [
    ...(await writeVprReports(dir)),
    ...writeGia(dir),
    ...writeFg(dir),
    ...writeTeachers(dir),
    ...writeNetwork(dir),
  ];
  return { all: [...importable, ...others], importable };
}

if (process.argv[1] && basename(process.argv[1]).startsWith('generate-demo')) {
  const files = await generateDemo();
  console.log(`Демонстрационные данные записаны: ${files.all.length} файлов в ${DEMO_DIR}`);
}
