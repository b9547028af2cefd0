/**
 * Pupil-level simulation: each pupil gets a latent score z = school ability + noise,
 * and every result in the demo (ВПР marks, ОГЭ scores, ФГ levels) is read off z with
 * cut points. Aggregates are then counted, as the real reports count them.
 */
import { abilityIn, type DemoSchool } from './district.ts';
import { rngFor } from './random.ts';

/** z cut points between marks 2|3, 3|4, 4|5 (a district near 0 gets ≈ 13 % «2», 16 % «5»). */
export const MARK_CUTS = [-1.1, 0.0, 1.0] as const;

export function markOf(z: number): 2 | 3 | 4 | 5 {
  if (z < MARK_CUTS[0]) return 2;
  if (z < MARK_CUTS[1]) return 3;
  if (z < MARK_CUTS[2]) return 4;
  return 5;
}

export interface MarkCounts {
  participants: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

/** Subject offsets make some subjects harder than others, district-wide. */
const SUBJECT_OFFSET: Record<string, number> = {
  RU: 0.0,
  MA: -0.1,
  OM: 0.35,
  HI: 0.1,
  BI: 0.05,
  GE: -0.05,
  SO: 0.05,
  PH: -0.15,
  CH: 0.0,
  EN: -0.2,
};

/** Number of pupils of one grade who write one ВПР subject. */
export function participantsOf(
  school: DemoSchool,
  year: number,
  grade: number,
  subject: string,
): number {
  const rng = rngFor(`cohort:${school.login}:${year}:${grade}`);
  const cohort = Math.max(3, Math.round(school.cohort * (0.85 + 0.3 * rng.next())));
  const attendance = 0.86 + 0.1 * rngFor(`att:${school.login}:${year}:${grade}:${subject}`).next();
  // Since 2025 each pupil of grades 5–8 writes only some of the other subjects.
  const share = subject === 'RU' || subject === 'MA' || grade === 4 ? 1 : 0.5;
  return Math.max(school.cohort <= 8 ? 2 : 3, Math.round(cohort * attendance * share));
}

/** Latent scores of the pupils who wrote ВПР `subject` in `grade` (before any inflation). */
export function pupilScores(
  school: DemoSchool,
  year: number,
  grade: number,
  subject: string,
): number[] {
  const rng = rngFor(`vpr:${school.login}:${year}:${grade}:${subject}`);
  const groupEffect = 0.15 * rng.normal();
  const mean = abilityIn(school, year) + (SUBJECT_OFFSET[subject] ?? 0) + groupEffect;
  const n = participantsOf(school, year, grade, subject);
  return Array.from({ length: n }, () => mean + rng.normal());
}

/** Mark counts of several groups added up (a district from its schools). */
export function sumCounts(groups: readonly MarkCounts[]): MarkCounts {
  const total = { participants: 0, n2: 0, n3: 0, n4: 0, n5: 0 };
  for (const g of groups) {
    total.participants += g.participants;
    total.n2 += g.n2;
    total.n3 += g.n3;
    total.n4 += g.n4;
    total.n5 += g.n5;
  }
  return total;
}

export function countMarks(marks: readonly number[]): MarkCounts {
  const counts = { participants: marks.length, n2: 0, n3: 0, n4: 0, n5: 0 };
  for (const mark of marks) counts[`n${mark}` as 'n2' | 'n3' | 'n4' | 'n5']++;
  return counts;
}

/** The z units by which a school inflates ВПР marks (non-objective assessment: grades 4–5, RU/MA). */
export function vprInflation(school: DemoSchool, grade: number, subject: string): number {
  return (subject === 'RU' || subject === 'MA') && grade <= 5 ? (school.vprInflation ?? 0) : 0;
}

/** Each pupil's ВПР mark as reported, in the order of `pupilScores`. */
export function vprPupilMarks(
  school: DemoSchool,
  year: number,
  grade: number,
  subject: string,
): (2 | 3 | 4 | 5)[] {
  const inflated = vprInflation(school, grade, subject);
  return pupilScores(school, year, grade, subject).map((z) => markOf(z + inflated));
}

/** ВПР marks as reported: inflated where the school assesses non-objectively (grades 4–5, RU/MA). */
export function vprMarks(
  school: DemoSchool,
  year: number,
  grade: number,
  subject: string,
): MarkCounts {
  return countMarks(vprPupilMarks(school, year, grade, subject));
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26), for benchmark rows of a large population. */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Mark shares (in %) of a large population with mean ability `mean`. */
export function populationMarkShares(mean: number): [number, number, number, number] {
  const [c2, c3, c4] = MARK_CUTS.map((c) => normalCdf(c - mean)) as [number, number, number];
  return [c2 * 100, (c3 - c2) * 100, (c4 - c3) * 100, (1 - c4) * 100];
}
