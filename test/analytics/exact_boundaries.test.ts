/**
 * A school exactly on a threshold is treated as the rule's text says, and just below or above it
 * as its side of the threshold, on counts whose shares floating point gets wrong: 50 % − 40 % is
 * 9.999999999999998 in doubles, 2/24 − 4/30 computed as 100·(a/n) − 100,0·b/m is
 * −5.000000000000002. Every expected value is worked out by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../data/generator/files.ts';
import { refreshModels } from '../../analytics/rebuild.ts';
import { importPaths } from '../../ingest/import.ts';
import { writeRegistryFile, writeVprCsv } from '../helpers/fixtures.ts';
import { insertRows, tempStore, type TempStore } from '../helpers/store.ts';

const NAMES: Record<string, string> = {
  sch000001: 'СОШ № 1',
  sch000002: 'Лесная ООШ',
  sch000003: 'Гимназия № 3',
};

/** A ВПР row, grade 5: pupils with «2», «3», «4», «5». */
const vpr = (
  year: string,
  login: string,
  subject: string,
  [n2, n3, n4, n5]: [number, number, number, number],
): CellValue[] => [year, login, NAMES[login]!, 5, subject, n2 + n3 + n4 + n5, n2, n3, n4, n5];

let t: TempStore;
beforeAll(async () => {
  t = await tempStore();
  const rows = [
    // ШФЗСОР «ниже района не меньше чем на 10 п.п.», Математика: СОШ № 1 beside Гимназия № 3
    // with 60 of 100 «4»/«5». 2025/26: 40 of 100 against the district's 100 of 200 = 50 % —
    // exactly 10 п.п.; 2024/25: 41 against 101/200 = 50,5 % — 9,5 п.п.; 2023/24: 39 against
    // 99/200 = 49,5 % — 10,5 п.п. (the upper Wilson bounds, 49,8 / 50,8 / 48,8 %, are all under
    // the district's share).
    vpr('2025/26', 'sch000001', 'Математика', [10, 50, 30, 10]),
    vpr('2025/26', 'sch000003', 'Математика', [5, 35, 40, 20]),
    vpr('2024/25', 'sch000001', 'Математика', [10, 49, 31, 10]),
    vpr('2024/25', 'sch000003', 'Математика', [5, 35, 40, 20]),
    vpr('2023/24', 'sch000001', 'Математика', [10, 51, 29, 10]),
    vpr('2023/24', 'sch000003', 'Математика', [5, 35, 40, 20]),
    // The grid's change cut of −5 п.п. (доля «2», Русский язык): 200 of 1 500 = 13,33 % in
    // 2024/25 (the shares of 4 of 30, 50 times over: the same doubles), then 100 of 1 200 =
    // 8,33 % (exactly −5: on the cut, level 4 «значимое улучшение»), 100 of 1 250 = 8 % (−5,33:
    // below it, level 5) and 100 of 1 150 = 8,70 % (−4,64: above it, level 4). Only a
    // significant change is placed by its size, so n is large: z ≈ 4,1 / 4,4 / 3,8.
    vpr('2024/25', 'sch000001', 'Русский язык', [200, 500, 500, 300]),
    vpr('2025/26', 'sch000001', 'Русский язык', [100, 500, 400, 200]),
    vpr('2024/25', 'sch000003', 'Русский язык', [200, 500, 500, 300]),
    vpr('2025/26', 'sch000003', 'Русский язык', [100, 500, 450, 200]),
    vpr('2024/25', 'sch000002', 'Русский язык', [200, 500, 500, 300]),
    vpr('2025/26', 'sch000002', 'Русский язык', [100, 500, 350, 200]),
    // Wilson bounds at the ends: no «2» and all «4»/«5» in 31 pupils (Литература), one «2»
    // and 30 of 31 «4»/«5» (Биология).
    vpr('2025/26', 'sch000001', 'Литература', [0, 0, 20, 11]),
    vpr('2025/26', 'sch000001', 'Биология', [1, 0, 20, 10]),
    // ШПУН «не ниже 30 %» of «2» (История): 30 of 100 exactly, 29 of 100, 31 of 100.
    vpr('2025/26', 'sch000001', 'История', [30, 40, 20, 10]),
    vpr('2025/26', 'sch000002', 'История', [29, 41, 20, 10]),
    vpr('2025/26', 'sch000003', 'История', [31, 39, 20, 10]),
  ];
  await importPaths(t.store, [await writeRegistryFile(t.dir), writeVprCsv(t.dir, rows)]);
});
afterAll(() => t.dispose());

describe('ШФЗСОР: «ниже района не меньше чем на 10 п.п.»', () => {
  const below = async (year: number) =>
    (
      await t.store.all<{ explanation: string }>(
        `SELECT explanation FROM flags_decline WHERE school_id = 'sch000001' AND year = $year`,
        { year },
      )
    )[0]?.explanation ?? '';

  it('counts a gap of exactly 10 п.п. (40 of 100 against 50 %)', async () => {
    expect(await below(2026)).toContain(
      'ВПР Математика: доля «4» и «5» 40,0 % (n = 100; доверительный интервал 30,9–49,8 %) ниже, чем по району (50,0 %)',
    );
  });

  it('does not count 9,5 п.п. and counts 10,5 п.п.', async () => {
    expect(await below(2025)).not.toContain('ВПР Математика');
    expect(await below(2024)).toContain('ВПР Математика: доля «4» и «5» 39,0 %');
  });
});

describe('the status × change grid at the change cut of −5 п.п.', () => {
  it('puts exactly −5 п.п. (100 of 1 200 after 200 of 1 500) on the cut, as the interval [−5; −1) says', async () => {
    const cells = await t.store.all<{ school_id: string; change_pp: number; change_level: number }>(
      `SELECT school_id, change_pp, change_level FROM status_change_grid
       WHERE indicator = 'vpr_dolya2' AND topic = 'Русский язык' AND level = 'school' AND year = 2026
       ORDER BY school_id`,
    );
    expect(cells.map((c) => [c.school_id, c.change_level])).toEqual([
      ['sch000001', 4], // −5 п.п. exactly
      ['sch000002', 4], // 100/1 150 − 200/1 500 = −4,64 п.п.
      ['sch000003', 5], // 100/1 250 − 200/1 500 = −5,33 п.п.
    ]);
    expect(cells[0]!.change_pp).toBe(-5);
  });
});

describe('Wilson intervals stay within 0–100 %', () => {
  const interval = (indicator: string, topic: string) =>
    t.store
      .all<{ pct: number; ci_low_pct: number; ci_high_pct: number }>(
        `SELECT pct, ci_low_pct, ci_high_pct FROM trend_shares
         WHERE indicator = $indicator AND topic = $topic AND level = 'school' AND year = 2026`,
        { indicator, topic },
      )
      .then((rows) => rows[0]!);

  it('gives a share of 0 % the lower bound 0 and a share of 100 % the upper bound 100', async () => {
    const none = await interval('vpr_dolya2', 'Литература');
    expect(none.pct).toBe(0);
    expect(none.ci_low_pct).toBe(0);
    // by hand: z² / (n + z²) = 3,8416 / 34,8416 = 11,03 %
    expect(none.ci_high_pct).toBeCloseTo(11.026, 3);
    const all = await interval('vpr_kachestvo', 'Литература');
    expect(all.pct).toBe(100);
    expect(all.ci_high_pct).toBe(100);
    expect(all.ci_low_pct).toBeCloseTo(88.974, 3);
  });

  it('keeps the bounds of 1 in 31 and 30 in 31 inside, off the ends', async () => {
    const one = await interval('vpr_dolya2', 'Биология');
    expect(one.ci_low_pct).toBeGreaterThan(0);
    // by hand: (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n) = 0,57 %
    expect(one.ci_low_pct).toBeCloseTo(0.572, 3);
    const thirty = await interval('vpr_kachestvo', 'Биология');
    expect(thirty.ci_high_pct).toBeLessThan(100);
    expect(thirty.ci_high_pct).toBeCloseTo(99.428, 3);
  });
});

describe('ШПУН: «доля не преодолевших минимальный порог не ниже 30 %»', () => {
  it('counts 30 of 100 and 31 of 100, not 29 of 100', async () => {
    const rows = await t.store.all<{ school_id: string; listed: string }>(
      `SELECT school_id, explanation AS listed FROM flags_fail_share WHERE year = 2026
       AND explanation LIKE '%История%' ORDER BY school_id`,
    );
    expect(rows.map((r) => r.school_id)).toEqual(['sch000001', 'sch000003']);
    expect(rows[0]!.listed).toContain('ВПР История — 30,0 % (n = 100)');
  });
});

describe('task deficits: the district on a threshold', () => {
  let d: TempStore;
  beforeAll(async () => {
    d = await tempStore();
    await insertRows(
      d.store,
      'school',
      ['a', 'b'].map((id) => ({
        school_id: id,
        full_name: id,
        short_name: id,
        school_type: 'СОШ',
      })),
    );
    const task = (id: string, task: string, difficulty: string, pct: number, n: number) => ({
      year: 2026,
      subject: 'Математика',
      grade: 5,
      level: 'school',
      school_id: id,
      group_name: id,
      participants: n,
      task,
      max_score: 1,
      difficulty,
      completion_pct: pct,
    });
    // The district is weighted by participants: task 1 (basic) (2,6 · 13 + 98,6 · 17) / 30 = 57 %
    // exactly, which doubles make 56.99999999999999; task 2 (advanced) (2,8 · 13 + 50,8 · 17) / 30
    // = 30 % exactly, in doubles 29.999999999999996.
    await insertRows(d.store, 'raw_vpr_tasks', [
      task('a', '1', 'Б', 2.6, 13),
      task('b', '1', 'Б', 98.6, 17),
      task('a', '2', 'П', 2.8, 13),
      task('b', '2', 'П', 50.8, 17),
    ]);
    await refreshModels(d.store, { kind: 'all' });
  });
  afterAll(() => d.dispose());

  it('is not «недостаточно» at exactly 57 % («below 57») and «достаточно» at exactly 30 % («from 30»)', async () => {
    const rows = await d.store.all<{ task: string; status: string }>(
      `SELECT task, status FROM vpr_task_deficits WHERE level = 'district' ORDER BY task`,
    );
    expect(rows).toEqual([
      { task: '1', status: 'пограничная зона' },
      { task: '2', status: 'достаточно' },
    ]);
  });
});
