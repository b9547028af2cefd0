/**
 * ВПР reports beyond «Статистика по отметкам» for «Русский язык» and «Математика», grades 4–8,
 * read off the same pupils (`vprPupils`): the comparison with journal marks (2025, 2026),
 * task completion (2025), planned results (2026) and individual results «Ф1» (2026).
 * Municipality and school rows are counted from the pupils; country and region rows are
 * invented, plausible numbers.
 */
import { join } from 'node:path';
import { MUNICIPALITY, REGION, SCHOOLS, type DemoSchool } from './district.ts';
import {
  writeIndividualResultsWorkbook,
  writeJournalComparisonWorkbook,
  writePlannedResultsWorkbook,
  writeTaskCompletionWorkbook,
  type VprReportTitle,
} from './layouts.ts';
import { rngFor } from './random.ts';
import { journalComparison, taskPercents, vprPupils, type VprPupil } from './vpr-pupils.ts';
import { VPR_TASK_GRADES, VPR_TASK_SUBJECTS, vprScale, vprTasks } from './vpr-tasks.ts';
import { SUBJECTS } from '../../ingest/reference/subjects.ts';

const COMPARISON_YEARS = [2025, 2026];
const COMPLETION_YEAR = 2025;
const PLANNED_YEAR = 2026;
const INDIVIDUAL_YEAR = 2026;

const subjectName = (code: string) => SUBJECTS.find((s) => s.code === code)?.name ?? code;
const schoolGroup = (school: DemoSchool) => `(${school.login}) ${school.fullName}`;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Country and region rows, as in «Статистика по отметкам» of the same year and grade. */
const country = (year: number, grade: number) => ({
  name: 'Вся выборка',
  schools: 38412 + grade * 37,
  participants: 1_286_540 - grade * 11_000 + year,
});
const region = (year: number, grade: number) => ({
  name: REGION,
  schools: 436,
  participants: 15_120 - grade * 140 + (year % 7) * 23,
});

interface Parallel {
  title: VprReportTitle;
  /** the pupils of each school, in the order of SCHOOLS */
  schools: { school: DemoSchool; pupils: VprPupil[] }[];
  all: VprPupil[];
}

function parallel(year: number, grade: number, subject: string): Parallel {
  const schools = SCHOOLS.map((school) => ({
    school,
    pupils: vprPupils(school, year, grade, subject),
  }));
  return {
    title: {
      year,
      grade,
      subject: subjectName(subject),
      date: `${15 + grade}.04.${year}`,
      maxScore: vprScale(subject, grade).maxScore,
    },
    schools,
    all: schools.flatMap((s) => s.pupils),
  };
}

const fileName = (p: Parallel, report: string) =>
  `ФИС ОКО ВПР ${p.title.year} ${p.title.subject} ${p.title.grade} класс — ${report}.xlsx`;

export async function writeVprReports(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const subject of VPR_TASK_SUBJECTS) {
    for (const grade of VPR_TASK_GRADES) {
      for (const year of COMPARISON_YEARS) {
        files.push(await writeComparison(dir, parallel(year, grade, subject), subject));
      }
      files.push(await writeCompletion(dir, parallel(COMPLETION_YEAR, grade, subject), subject));
      files.push(await writePlanned(dir, parallel(PLANNED_YEAR, grade, subject), subject));
      files.push(await writeIndividual(dir, parallel(INDIVIDUAL_YEAR, grade, subject), subject));
    }
  }
  return files;
}

/** Invented comparison counts of a large population: ≈ 9–11 % lower, 10–14 % higher. */
function inventedComparison(name: string, total: number, key: string, spread: number) {
  const rng = rngFor(`vpr-journal-bench:${key}`);
  const down = (10 + spread * (2 * rng.next() - 1)) / 100;
  const up = (12 + 2 * spread * (2 * rng.next() - 1)) / 100;
  const lowered = Math.round(total * down);
  const raised = Math.round(total * up);
  return { name, lowered, confirmed: total - lowered - raised, raised };
}

async function writeComparison(dir: string, p: Parallel, subject: string): Promise<string> {
  const { year, grade } = p.title;
  const key = `${year}:${grade}:${subject}`;
  const withJournal = (n: number) => Math.round(n * 0.95);
  const file = join(dir, fileName(p, 'сравнение с журналом'));
  await writeJournalComparisonWorkbook(file, {
    ...p.title,
    groups: [
      inventedComparison(
        'Вся выборка',
        withJournal(country(year, grade).participants),
        `RF:${key}`,
        1,
      ),
      inventedComparison(REGION, withJournal(region(year, grade).participants), `reg:${key}`, 1.5),
      { name: MUNICIPALITY, ...journalComparison(p.all) },
      ...p.schools.map(({ school, pupils }) => ({
        name: schoolGroup(school),
        ...journalComparison(pupils),
      })),
    ],
  });
  return file;
}

/** Country and region % per task: close to the district's, a little noise around it. */
function benchmarkPercents(district: number[], key: string, shift: number, noise: number) {
  return district.map((pct, i) => {
    const rng = rngFor(`vpr-task-bench:${key}:${i}`);
    return round2(Math.min(98, Math.max(2, pct + shift + noise * rng.normal())));
  });
}

function groupPercents(p: Parallel, subject: string) {
  const tasks = vprTasks(subject, p.title.grade);
  const district = taskPercents(p.all, tasks);
  const key = `${p.title.year}:${p.title.grade}:${subject}`;
  const rf = country(p.title.year, p.title.grade);
  const reg = region(p.title.year, p.title.grade);
  return [
    { ...rf, percents: benchmarkPercents(district, `RF:${key}`, 1.5, 3) },
    { ...reg, percents: benchmarkPercents(district, `reg:${key}`, 0.5, 2) },
    {
      name: MUNICIPALITY,
      schools: p.schools.length,
      participants: p.all.length,
      percents: district,
    },
    ...p.schools.map(({ school, pupils }) => ({
      name: schoolGroup(school),
      schools: 1,
      participants: pupils.length,
      percents: taskPercents(pupils, tasks),
    })),
  ];
}

async function writeCompletion(dir: string, p: Parallel, subject: string): Promise<string> {
  const file = join(dir, fileName(p, 'выполнение заданий'));
  await writeTaskCompletionWorkbook(file, {
    ...p.title,
    tasks: vprTasks(subject, p.title.grade),
    groups: groupPercents(p, subject),
  });
  return file;
}

async function writePlanned(dir: string, p: Parallel, subject: string): Promise<string> {
  const file = join(dir, fileName(p, 'планируемые результаты'));
  await writePlannedResultsWorkbook(file, {
    ...p.title,
    tasks: vprTasks(subject, p.title.grade),
    groups: groupPercents(p, subject).map(({ name, participants, percents }) => ({
      name,
      participants,
      percents,
    })),
  });
  return file;
}

async function writeIndividual(dir: string, p: Parallel, subject: string): Promise<string> {
  const file = join(dir, fileName(p, 'индивидуальные результаты'));
  await writeIndividualResultsWorkbook(file, {
    ...p.title,
    tasks: vprTasks(subject, p.title.grade),
    pupils: p.schools.flatMap(({ school, pupils }) =>
      pupils.map((pupil) => ({
        login: school.login,
        municipality: MUNICIPALITY,
        schoolName: school.fullName,
        code: pupil.code,
        className: pupil.className,
        variant: pupil.variant,
        scores: pupil.scores.map((score, i) => (pupil.notDone[i] ? 'X' : score)),
        primaryScore: pupil.primaryScore,
        mark: pupil.mark,
        journalMark: pupil.journalMark,
      })),
    ),
  });
  return file;
}
