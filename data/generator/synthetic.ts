/**
 * A synthetic country (or region) for the scale benchmark: N schools and Y school years in our
 * canonical templates — the registry and, per year, ВПР task results of every school × subject
 * × grade × task (Русский язык and Математика, grades 4–8, the demo's task catalogue), ВПР marks
 * of the same groups and ФГ levels of grade 9 in every direction. Deterministic: the same parameters write the same bytes. Files are written in
 * chunks, so a national run (40 000 schools) never holds a whole file in memory.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { rngFor } from './random.ts';
import { VPR_TASK_GRADES, VPR_TASK_SUBJECTS, vprTasks } from './vpr-tasks.ts';
import { vprTasksCanonicalFormat } from '../../ingest/formats/vpr-tasks-canonical.ts';
import { vprMarksCanonicalFormat } from '../../ingest/formats/vpr-marks.ts';
import { fgLevelsFormat } from '../../ingest/formats/fg.ts';
import { FG_DIRECTIONS } from '../../ingest/reference/fg-directions.ts';

export interface SyntheticOptions {
  schools: number;
  years: number;
  /** the last school year (2026 = 2025/26) */
  lastYear?: number;
}

export interface SyntheticFiles {
  registry: string;
  /** the files of each year, oldest first */
  years: SyntheticYear[];
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

const MARKS_HEADER = vprMarksCanonicalFormat.columns
  .filter((c) => c.key !== 'name')
  .map((c) => c.names[0]!);
const FG_HEADER = fgLevelsFormat.columns.filter((c) => c.key !== 'name').map((c) => c.names[0]!);
/** ФГ is measured in grade 9, every direction. */
const FG_GRADE = 9;

/** Counts of `total` split by shares (the last takes the rounding rest). */
function split(total: number, shares: readonly number[]): number[] {
  const clamped = shares.map((s) => Math.max(0.01, s));
  const sum = clamped.reduce((a, b) => a + b, 0);
  const counts = clamped.map((s) => Math.floor((total * s) / sum));
  counts[counts.length - 1]! += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

export interface SyntheticYear {
  year: number;
  /** the task-results CSV and its data rows */
  tasks: { path: string; rows: number };
  /** ВПР marks per school × subject × grade */
  marks: string;
  /** ФГ levels per school × direction in grade 9 */
  fg: string;
}

/** One year's files: task results, marks and ФГ levels of every school. */
function writeYear(dir: string, schools: number, year: number): SyntheticYear {
  const name = (what: string) => join(dir, `${what} ${schoolYearText(year).replace('/', '-')}.csv`);
  const files = {
    tasks: name('ВПР выполнение заданий'),
    marks: name('ВПР отметки'),
    fg: name('ФГ уровни'),
  };
  const tasks = new CsvWriter(files.tasks, TASK_HEADER);
  const marks = new CsvWriter(files.marks, MARKS_HEADER);
  const fg = new CsvWriter(files.fg, FG_HEADER);
  let rows = 0;
  for (let i = 0; i < schools; i++) {
    const school = rngFor(`synthetic-school-${i}`);
    const ability = school.normal() * 8; // the school's lasting advantage, in % points
    const size = school.int(5, 120); // pupils per grade
    const random = rngFor(`synthetic-${i}-${year}`);
    const login = syntheticLogin(i);
    const text = schoolYearText(year);
    for (const code of VPR_TASK_SUBJECTS)
      for (const grade of VPR_TASK_GRADES) {
        const participants = Math.max(1, Math.round(size * (0.85 + random.next() * 0.15)));
        const shift = (ability + random.normal() * 4) / 100;
        const counts = split(participants, [0.12 - shift, 0.4, 0.33, 0.15 + shift]);
        marks.row([text, login, grade, SUBJECT_NAMES[code], participants, ...counts]);
        for (const task of vprTasks(code, grade)) {
          const base = task.level === 'Б' ? 65 : 40;
          const pct = Math.min(100, Math.max(0, base + ability + random.normal() * 10));
          tasks.row([
            text,
            login,
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
    for (const direction of FG_DIRECTIONS) {
      const participants = Math.max(1, Math.round(size * 0.9));
      const shift = (ability + random.normal() * 4) / 100;
      const levels = split(participants, [
        0.05 - shift / 2,
        0.12 - shift / 2,
        0.45,
        0.28,
        0.1 + shift,
      ]);
      fg.row([text, login, direction.name, FG_GRADE, participants, ...levels]);
    }
  }
  for (const csv of [tasks, marks, fg]) csv.close();
  return { year, tasks: { path: files.tasks, rows }, marks: files.marks, fg: files.fg };
}

export function writeSynthetic(dir: string, options: SyntheticOptions): SyntheticFiles {
  const { schools, years, lastYear = 2026 } = options;
  mkdirSync(dir, { recursive: true });
  const registry = join(dir, 'Реестр ОО.csv');
  writeRegistry(registry, schools);
  const first = lastYear - years + 1;
  return {
    registry,
    years: Array.from({ length: years }, (_, k) => writeYear(dir, schools, first + k)),
  };
}
