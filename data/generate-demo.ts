/**
 * Writes the demo district's source files into data/demo/ in the real layouts.
 * Deterministic: the same bytes on every run (`npm run demo`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRegistry } from './generator/write-registry.ts';
import { writeVpr } from './generator/write-vpr.ts';
import { writeVprReports } from './generator/write-vpr-reports.ts';
import { writeGia } from './generator/write-gia.ts';
import { writeFg } from './generator/write-fg.ts';
import { writeTeachers } from './generator/write-teachers.ts';
import { writeNetwork } from './generator/write-network.ts';
import { writeLists } from './generator/write-lists.ts';
import { writeRoadmaps } from './generator/write-roadmap.ts';

export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'demo');

/** Generates the demo files and returns their paths. */
export async function generateDemo(dir: string = DEMO_DIR): Promise<string[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return [
    ...(await writeRegistry(dir)),
    ...(await writeVpr(dir)),
    ...(await writeVprReports(dir)),
    ...writeGia(dir),
    ...writeFg(dir),
    ...writeTeachers(dir),
    ...writeNetwork(dir),
    ...(await writeLists(dir)),
    ...(await writeRoadmaps(dir)),
  ];
}
