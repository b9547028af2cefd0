/**
 * ВПР «Русский язык» and «Математика» pupil by pupil: the pupils of `pupilScores`, each with
 * the ВПР mark of `vprPupilMarks` (so every count equals «Статистика по отметкам»), task scores
 * whose sum falls inside that mark's band of the scale, and the teacher's journal mark
 * (without the ВПР inflation of a non-objective school).
 */
import type { DemoSchool } from './district.ts';
import { rngFor, type Random } from './random.ts';
import {
  markOf,
  MARK_CUTS,
  normalCdf,
  pupilScores,
  vprInflation,
  vprPupilMarks,
} from './simulate.ts';
import { primaryScoreBand, vprScale, vprTasks, type VprScale, type VprTask } from './vpr-tasks.ts';

export type Mark = 2 | 3 | 4 | 5;

export interface VprPupil {
  /** participant code, unique within a school × subject × grade: `10001`, `10002`, … */
  code: string;
  /** `6А`, `6Б`: classes of at most 28 pupils */
  className: string;
  variant: 1 | 2;
  /** latent score before any inflation */
  z: number;
  /** points per task, in the order of `vprTasks`; 0 where the task was not done */
  scores: number[];
  /** true where the task was not done (`X` in the individual results) */
  notDone: boolean[];
  primaryScore: number;
  mark: Mark;
  /** the teacher's mark, null when the journal mark is missing */
  journalMark: Mark | null;
}

const CLASS_SIZE = 28;
const CLASS_LETTERS = 'АБВГДЕЖ';
const JOURNAL_MISSING = 0.05;
const JOURNAL_NOISE = 0.25;

const cache = new Map<string, VprPupil[]>();

/** The pupils who wrote ВПР `subject` (RU or MA) in `grade` (4–8) at `school` in `year`. */
export function vprPupils(
  school: DemoSchool,
  year: number,
  grade: number,
  subject: string,
): VprPupil[] {
  const key = `${school.login}:${year}:${grade}:${subject}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const tasks = vprTasks(subject, grade);
  const scale = vprScale(subject, grade);
  const shifts = taskShifts(subject, grade, tasks);
  const zs = pupilScores(school, year, grade, subject);
  const marks = vprPupilMarks(school, year, grade, subject);
  const inflated = vprInflation(school, grade, subject);
  const taskRng = rngFor(`vpr-tasks:${key}`);
  const journalRng = rngFor(`vpr-journal:${key}`);
  const classes = Math.ceil(zs.length / CLASS_SIZE);
  const pupils = zs.map((z, i): VprPupil => {
    const mark = marks[i] as Mark;
    const { scores, notDone } = taskScores(
      taskRng,
      tasks,
      shifts,
      scale,
      z + inflated,
      mark,
      inflated > 0,
    );
    const missing = journalRng.next() < JOURNAL_MISSING;
    const noise = journalRng.normal();
    return {
      code: String(10001 + i),
      className: `${grade}${CLASS_LETTERS[Math.floor((i * classes) / zs.length)]}`,
      variant: taskRng.next() < 0.5 ? 1 : 2,
      z,
      scores,
      notDone,
      primaryScore: scores.reduce((a, b) => a + b, 0),
      mark,
      journalMark: missing ? null : markOf(z + JOURNAL_NOISE * noise),
    };
  });
  cache.set(key, pupils);
  return pupils;
}

/** Per-task difficulty on the logit scale: basic tasks easier, advanced ones harder. */
function taskShifts(subject: string, grade: number, tasks: readonly VprTask[]): number[] {
  return tasks.map((task) => {
    const rng = rngFor(`vpr-task-difficulty:${subject}:${grade}:${task.code}`);
    return (task.level === 'Б' ? 0.45 : -0.75) + 0.35 * rng.normal();
  });
}

/**
 * The expected share of the maximum score for ability `a`: the z cut points of the marks map
 * onto the score cut points of the scale, linearly in between.
 */
function targetShare(scale: VprScale, a: number): number {
  const zs = [-3.2, MARK_CUTS[0], MARK_CUTS[1], MARK_CUTS[2], 3.2];
  const shares = [0.03, scale.mark3, scale.mark4, scale.mark5, scale.maxScore - 0.5].map((s, i) =>
    i === 0 ? s : s / scale.maxScore,
  );
  if (a <= zs[0]!) return shares[0]!;
  for (let i = 1; i < zs.length; i++) {
    if (a < zs[i]!) {
      const t = (a - zs[i - 1]!) / (zs[i]! - zs[i - 1]!);
      return shares[i - 1]! + t * (shares[i]! - shares[i - 1]!);
    }
  }
  return shares[shares.length - 1]!;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Task success probabilities whose expected sum is `share` of the maximum. */
function successProbabilities(tasks: readonly VprTask[], shifts: number[], share: number) {
  const total = tasks.reduce((sum, task) => sum + task.maxScore, 0);
  const expected = (c: number) =>
    tasks.reduce((sum, task, i) => sum + task.maxScore * logistic(c + shifts[i]!), 0);
  let lo = -12;
  let hi = 12;
  for (let step = 0; step < 40; step++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < share * total) lo = mid;
    else hi = mid;
  }
  return shifts.map((shift) => logistic((lo + hi) / 2 + shift));
}

/** Where ability `a` lies among the pupils of its mark's z band, 0 (bottom) to 1 (top). */
function placeInBand(a: number): number {
  const band = MARK_CUTS.filter((cut) => a >= cut).length;
  const lo = band === 0 ? 0 : normalCdf(MARK_CUTS[band - 1]!);
  const hi = band === MARK_CUTS.length ? 1 : normalCdf(MARK_CUTS[band]!);
  return Math.min(1, Math.max(0, (normalCdf(a) - lo) / (hi - lo)));
}

function taskScores(
  rng: Random,
  tasks: readonly VprTask[],
  shifts: number[],
  scale: VprScale,
  a: number,
  mark: Mark,
  lenient: boolean,
): { scores: number[]; notDone: boolean[] } {
  const p = successProbabilities(tasks, shifts, targetShare(scale, a));
  const weak = Math.max(0, -a);
  const notDone = tasks.map(
    (task) => rng.next() < (task.level === 'Б' ? 0.014 : 0.03) * (1 + weak),
  );
  const scores = tasks.map((task, i) => {
    let points = 0;
    for (let k = 0; k < task.maxScore; k++) if (rng.next() < p[i]!) points++;
    return notDone[i] ? 0 : points;
  });
  // Move the sum into the band of the pupil's mark, one point on a random task at a time, to
  // the score where the pupil's ability lies within the mark's band, so that scores stay smooth
  // across mark boundaries as in real results. A lenient (non-objective) checker adds just
  // enough points to reach the mark, which piles pupils up at the boundary
  // (docs/methodology.md §3).
  const [low, high] = primaryScoreBand(scale, mark);
  let sum = scores.reduce((x, y) => x + y, 0);
  if (sum >= low && sum <= high) return { scores, notDone };
  const target = sum < low && lenient ? low : low + Math.round(placeInBand(a) * (high - low));
  while (sum < target) {
    let open = tasks.flatMap((task, i) => (!notDone[i] && scores[i]! < task.maxScore ? [i] : []));
    if (open.length === 0) open = tasks.flatMap((task, i) => (notDone[i] ? [i] : []));
    const i = rng.pick(open);
    notDone[i] = false;
    scores[i]!++;
    sum++;
  }
  while (sum > target) {
    const i = rng.pick(tasks.flatMap((_, j) => (scores[j]! > 0 ? [j] : [])));
    scores[i]!--;
    sum--;
  }
  return { scores, notDone };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean completion of each task in % (100·Σscore / (n·max)), 2 decimals. */
export function taskPercents(pupils: readonly VprPupil[], tasks: readonly VprTask[]): number[] {
  return tasks.map((task, i) => {
    if (pupils.length === 0) return 0;
    const sum = pupils.reduce((s, pupil) => s + pupil.scores[i]!, 0);
    return round2((100 * sum) / (pupils.length * task.maxScore));
  });
}

/** ВПР mark against the journal mark, pupils with a journal mark only. */
export function journalComparison(pupils: readonly VprPupil[]): {
  lowered: number;
  confirmed: number;
  raised: number;
} {
  const counts = { lowered: 0, confirmed: 0, raised: 0 };
  for (const { mark, journalMark } of pupils) {
    if (journalMark === null) continue;
    if (mark < journalMark) counts.lowered++;
    else if (mark > journalMark) counts.raised++;
    else counts.confirmed++;
  }
  return counts;
}
