/**
 * A synthetic country (or region) for the scale benchmark: N schools and Y school years of ВПР
 * task results in our canonical templates — the registry and, per year, one CSV of every
 * school × subject × grade × task (Русский язык and Математика, grades 4–8, the demo's task
 * catalogue). Deterministic: the same parameters write the same bytes. Files are written in
 * chunks, so a national run (40 000 schools) never holds a whole file in memory.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { rngFor } from './random.ts';
import { VPR_TASK_GRADES, VPR_TASK_SUBJECTS, vprTasks } from './vpr-tasks.ts';
import { vprTasksCanonicalFormat } from '../../ingest/formats/vpr-tasks-canonical.ts';

export interface SyntheticOptions {
  schools: number;
  years: number;
  /** the last school year (2026 = 2025/26) */
  lastYear?: number;
}

export interface SyntheticFiles {
  registry: string;
  /** the task-results CSV of each year, oldest first */
  tasks: { year: number; path: string; rows: number }[];
}

const SUBJECT_NAMES = { RU: 'Русский язык', MA: 'Математика' } as const;
/** The template's own captions, so the files follow it (the order of its columns). */
const TASK_HEADER = vprTasksCanonicalFormat.columns
  .filter((c) => c.key !== 'name')
  .map((c) => c.names[0]!);

export const syntheticLogin = (index: number) => `syn${String(index + 1).padStart(6, '0')}`;
const schoolYearText = (year: number) => `${year - 1}/${String(year).slice(2)}`;

/** A CSV written in chunks: UTF-8 with BOM, `;`, decimal comma, as the templates expect. */
class CsvWriter {
  private readonly fd: number;
  private buffer: string[] = [];

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, '\ufeff' + header.join(';') + '\r\n');
  }

  row(cells: readonly (string | number)[]): void {
    this.buffer.push(cells.map((c) => String(c).replace('.', ',')).join(';'));
    if (this.buffer.length >= 20_000) this.flush();
  }

  private flush(): void {
    if (this.buffer.length) writeSync(this.fd, this.buffer.join('\r\n') + '\r\n');
    this.buffer = [];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function writeRegistry(path: string, schools: number): void {
  const csv = new CsvWriter(path, [
    'Логин ОО',
    'Полное наименование',
    'Краткое наименование',
    'Тип ОО',
    'Местность',
  ]);
  for (let i = 0; i < schools; i++) {
    const rural = rngFor(`synthetic-school-${i}`).next() < 0.4;
    csv.row([
      syntheticLogin(i),
      `Муниципальное общеобразовательное учреждение «Средняя школа № ${i + 1}»`,
      `Школа № ${i + 1}`,
      'СОШ',
      rural ? 'сельская' : 'городская',
    ]);
  }
  csv.close();
}

/** One year's task results; returns the number of data rows. */
function writeTasks(path: string, schools: number, year: number): number {
  const csv = new CsvWriter(path, TASK_HEADER);
  let rows = 0;
  for (let i = 0; i < schools; i++) {
    const school = rngFor(`synthetic-school-${i}`);
    const ability = school.normal() * 8; // the school's lasting advantage, in % points
    const size = school.int(5, 120); // pupils per grade
    const random = rngFor(`synthetic-${i}-${year}`);
    for (const code of VPR_TASK_SUBJECTS)
      for (const grade of VPR_TASK_GRADES) {
        const participants = Math.max(1, Math.round(size * (0.85 + random.next() * 0.15)));
        for (const task of vprTasks(code, grade)) {
          const base = task.level === 'Б' ? 65 : 40;
          const pct = Math.min(100, Math.max(0, base + ability + random.normal() * 10));
          csv.row([
            schoolYearText(year),
            syntheticLogin(i),
            grade,
            SUBJECT_NAMES[code],
            task.code,
            task.maxScore,
            task.level,
            participants,
            Math.round(pct * 10) / 10,
          ]);
          rows++;
        }
      }
  }
  csv.close();
  return rows;
}

export function writeSynthetic(dir: string, options: SyntheticOptions): SyntheticFiles {
  const { schools, years, lastYear = 2026 } = options;
  mkdirSync(dir, { recursive: true });
  const registry = join(dir, 'Реестр ОО.csv');
  writeRegistry(registry, schools);
  const tasks = Array.from({ length: years }, (_, k) => lastYear - years + 1 + k).map((year) => {
    const path = join(dir, `ВПР ${schoolYearText(year).replace('/', '-')} выполнение заданий.csv`);
    return { year, path, rows: writeTasks(path, schools, year) };
  });
  return { registry, tasks };
}
