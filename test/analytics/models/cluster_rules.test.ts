/**
 * The default cluster rules on hand-made raw rows: ШНОР and ШЛ (ranked bands over consecutive
 * years), ШФЗСОР (significant decline), признаки необъективности (journal confirmation, excess
 * over the region not backed by ГИА, difficulty inversion, boundary peaks), each at, just
 * below and just above its threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModels } from '../../../analytics/models.ts';
import { refreshModels } from '../../../analytics/rebuild.ts';
import { type ClusterRule, type Methodology } from '../../../contract/methodology.ts';
import { loadMethodology } from '../../../analytics/methodology-file.ts';
import { insertRows, tempStore, type TempStore } from '../../helpers/store.ts';

const school = (id: string, type = 'СОШ') => ({
  school_id: id,
  full_name: `Школа ${id}`,
  short_name: `Школа ${id}`,
  school_type: type,
});

const marks = (year: number, id: string, subject: string, grade: number, n: number[]) => ({
  year,
  subject,
  grade,
  level: id === 'регион' ? 'region' : 'school',
  school_id: id === 'регион' ? null : id,
  group_name: id,
  participants: n.reduce((a, b) => a + b, 0),
  n2: n[0]!,
  n3: n[1]!,
  n4: n[2]!,
  n5: n[3]!,
});

/** The default methodology with one cluster's rule changed. */
function withRule(cluster: string, change: Record<string, unknown>): Methodology {
  const m = loadMethodology();
  const rule = m.clusters[cluster]!;
  return {
    ...m,
    clusters: {
      ...m.clusters,
      [cluster]: { ...rule, versions: [{ ...rule.versions[0]!, ...change } as ClusterRule] },
    },
  };
}

/** ШНОР as the lowest decile of the district (version 2026.1, before the boundary of 2026.2). */
const DECILE_SHNOR = {
  comparison: 'district',
  percent: 10,
  metrics: ['dolya2', 'avg_mark'],
  grades: [4, 5, 6, 7],
  eachSubject: false,
};

const flagged = (t: TempStore, cluster: string) =>
  t.store.all<{ year: number; school_id: string; triggered: boolean }>(
    `SELECT year, school_id, triggered FROM risk_flags WHERE cluster = $cluster
     ORDER BY year, school_id`,
    { cluster },
  );

describe('ШНОР and ШЛ: the lowest and the top band of the district, years running', () => {
  const decile = withRule('ШНОР', DECILE_SHNOR);
  let t: TempStore;
  // Twenty schools of 40 pupils in ВПР maths, 5 кл.: school i has i marks «2», 20 «3» and
  // 20 − i «4», so s01 is the best and s20 the worst on every metric, every year.
  const ids = Array.from({ length: 20 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);

  beforeAll(async () => {
    t = await tempStore();
    await insertRows(
      t.store,
      'school',
      [...ids, 's21'].map((id) => school(id)),
    );
    for (const year of [2024, 2025, 2026]) {
      await insertRows(
        t.store,
        'raw_vpr_marks',
        ids.map((id, i) => marks(year, id, 'Математика', 5, [i + 1, 20, 19 - i, 0])),
      );
      // A small school, all «2»: below the minimum n, so never ranked.
      await insertRows(t.store, 'raw_vpr_marks', [
        marks(year, 's21', 'Математика', 5, [5, 0, 0, 0]),
      ]);
    }
    // 2025/26: s20 confirms 40 % of journal marks (a sign of non-objectivity, so it is left
    // out of the ranking); s18 confirms exactly 50 %, the threshold, which is no sign.
    await insertRows(t.store, 'raw_vpr_journal', [
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        level: 'school',
        school_id: 's20',
        group_name: 's20',
        participants: 40,
        n_lower: 0,
        n_same: 16,
        n_higher: 24,
      },
      {
        year: 2026,
        subject: 'Математика',
        grade: 5,
        level: 'school',
        school_id: 's18',
        group_name: 's18',
        participants: 40,
        n_lower: 0,
        n_same: 20,
        n_higher: 20,
      },
    ]);
    await buildModels(t.store, decile);
  });
  afterAll(() => t.dispose());

  it('flags the lowest decile two years running, leaving out small and non-objective schools', async () => {
    // 2023/24 is the first year: in the band, not yet two years. 2024/25: s19 (cume_dist
    // exactly 10 %) and s20. 2025/26: s20 is non-objective, so of 19 schools only s19 is in.
    expect(await flagged(t, 'ШНОР')).toEqual([
      { year: 2024, school_id: 's19', triggered: false },
      { year: 2024, school_id: 's20', triggered: false },
      { year: 2025, school_id: 's19', triggered: true },
      { year: 2025, school_id: 's20', triggered: true },
      { year: 2026, school_id: 's19', triggered: true },
    ]);
    expect(await flagged(t, 'Необъективность')).toEqual([
      { year: 2026, school_id: 's20', triggered: true },
    ]);
  });

  it('explains the band with places, values and n', async () => {
    const row = await t.store.one<{ explanation: string; evidence: unknown[] }>(
      "SELECT explanation, evidence FROM risk_flags WHERE cluster = 'ШНОР' AND year = 2026",
    );
    expect(row!.explanation).toBe(
      'По ВПР (Русский язык, Математика; 4, 5, 6, 7 кл.) школа в нижних 10 % школ района 2 года из 2 последних (нужно 2 подряд). ' +
        '2025/26: средняя отметка 2,55, место 19 из 19, доля «2» 47,5 %, место 19 из 19 (n = 40) — входит; ' +
        '2024/25: средняя отметка 2,55, место 19 из 20, доля «2» 47,5 %, место 19 из 20 (n = 40) — входит.',
    );
    expect(row!.evidence).toHaveLength(4); // two metrics × two years
  });

  it('moves the band edge with the percent: just below 10 % s19 drops out, 20 % adds s17–s18', async () => {
    await buildModels(t.store, withRule('ШНОР', { ...DECILE_SHNOR, percent: 9.9 }));
    expect((await flagged(t, 'ШНОР')).filter((f) => f.triggered)).toEqual([
      { year: 2025, school_id: 's20', triggered: true },
    ]);
    await buildModels(t.store, withRule('ШНОР', { ...DECILE_SHNOR, percent: 20 }));
    expect((await flagged(t, 'ШНОР')).filter((f) => f.triggered && f.year === 2026)).toEqual([
      { year: 2026, school_id: 's17', triggered: true },
      { year: 2026, school_id: 's18', triggered: true },
      { year: 2026, school_id: 's19', triggered: true },
    ]);
    await buildModels(t.store, decile);
  });

  it('names leaders only after three years in the top band', async () => {
    // s02 is in the top 10 % of 20 schools in 2023/24 and 2024/25, but 2025/26 ranks 19
    // (s20 left out as non-objective), where second place is 2/19 > 10 %.
    expect((await flagged(t, 'ШЛ')).filter((f) => f.triggered)).toEqual([
      { year: 2026, school_id: 's01', triggered: true },
    ]);
  });
});

describe('ШНОР by the boundary of the methodology (the default): a district may have none', () => {
  let t: TempStore;
  // ВПР, 5 кл., 40 pupils per subject; «2» in mathematics / Russian:
  const schools: Record<string, Record<number, [number, number]>> = {
    b1: { 2025: [12, 12], 2026: [12, 12] }, // exactly 30 % in both, both years: ШНОР
    b2: { 2025: [12, 12], 2026: [12, 11] }, // Russian 27,5 % in 2025/26: just below
    b3: { 2025: [11, 12], 2026: [13, 13] }, // 32,5 % now, but mathematics 27,5 % a year before
    b4: { 2025: [4, 2], 2026: [3, 2] }, // well below: never
  };

  beforeAll(async () => {
    t = await tempStore();
    await insertRows(
      t.store,
      'school',
      Object.keys(schools).map((id) => school(id)),
    );
    for (const [id, years] of Object.entries(schools))
      for (const [year, [math, russian]] of Object.entries(years))
        await insertRows(t.store, 'raw_vpr_marks', [
          marks(Number(year), id, 'Математика', 5, [math, 40 - math, 0, 0]),
          marks(Number(year), id, 'Русский язык', 5, [russian, 40 - russian, 0, 0]),
        ]);
    // b5 wrote mathematics only (50 % «2» both years): without Russian it is not judged on both.
    await insertRows(t.store, 'school', [school('b5')]);
    for (const year of [2025, 2026])
      await insertRows(t.store, 'raw_vpr_marks', [
        marks(year, 'b5', 'Математика', 5, [20, 20, 0, 0]),
      ]);
    await refreshModels(t.store, { kind: 'all' });
  });
  afterAll(() => t.dispose());

  it('flags «2» at or above 30 % in each subject two years running, at the boundary too', async () => {
    expect(await flagged(t, 'ШНОР')).toEqual([
      { year: 2025, school_id: 'b1', triggered: false },
      { year: 2025, school_id: 'b2', triggered: false },
      { year: 2026, school_id: 'b1', triggered: true },
      { year: 2026, school_id: 'b3', triggered: false },
    ]);
  });

  it('explains the boundary, each subject with its n, and what clears the flag', async () => {
    const row = await t.store.one<{
      explanation: string;
      clears_when: string;
      evidence: unknown[];
    }>(
      "SELECT explanation, clears_when, evidence FROM risk_flags WHERE cluster = 'ШНОР' AND triggered",
    );
    expect(row!.explanation).toBe(
      'По ВПР (Русский язык, Математика; 4, 5, 6, 7, 8 кл.) доля «2» не ниже 30 % по каждому предмету 2 года из 2 последних (нужно 2 подряд). ' +
        '2025/26: Математика: доля «2» 30,0 % (n = 40), Русский язык: доля «2» 30,0 % (n = 40) — входит; ' +
        '2024/25: Математика: доля «2» 30,0 % (n = 40), Русский язык: доля «2» 30,0 % (n = 40) — входит.',
    );
    expect(row!.clears_when).toBe(
      'Признак снимается, если в одном из 2 последних лет доля «2» ниже 30 % хотя бы по одному предмету (школы с признаками необъективности не ранжируются).',
    );
    expect(row!.evidence).toHaveLength(4); // two subjects × two years, each with its boundary
    expect(row!.evidence[0]).toMatchObject({
      indicator: 'ВПР Математика: доля «2», %',
      year: 2026,
      value: 30,
      n: 40,
      threshold: 30,
      met: true,
    });
  });

  it('a district where no school reaches the boundary has no ШНОР', async () => {
    await buildModels(t.store, withRule('ШНОР', { dolya2Pct: 33 }));
    expect(await flagged(t, 'ШНОР')).toEqual([]);
    await refreshModels(t.store, { kind: 'all' });
  });
});

describe('ШФЗСОР and the signs of non-objectivity', () => {
  let t: TempStore;

  beforeAll(async () => {
    t = await tempStore();
    await insertRows(t.store, 'school', [
      school('dA'),
      school('dB'),
      ...['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => school(id)),
      school('p1'),
      school('p2'),
    ]);
    // dA: 60 of 100 pupils with «4»–«5» in 2023/24, 40 in 2025/26, in both subjects.
    // dB: 60 → 47. Critical drop at 95 %: 1,96·√(p̄(1 − p̄)(1/100 + 1/100)).
    for (const subject of ['Математика', 'Русский язык'])
      await insertRows(t.store, 'raw_vpr_marks', [
        marks(2024, 'dA', subject, 6, [10, 30, 60, 0]),
        marks(2026, 'dA', subject, 6, [10, 50, 40, 0]),
        marks(2024, 'dB', subject, 6, [10, 30, 60, 0]),
        marks(2026, 'dB', subject, 6, [10, 43, 47, 0]),
      ]);
    // ВПР Russian, 4 кл., 2025/26: качество 40, 42, 44, 46, 48 and 90 % (e6) against 45 % in
    // the region: e6 is (90 − 45) / σ ≈ 2,4 σ above, over the 2 σ allowed.
    await insertRows(t.store, 'raw_vpr_marks', [
      ...[40, 42, 44, 46, 48, 90].map((q, i) =>
        marks(2026, `e${i + 1}`, 'Русский язык', 4, [0, 100 - q, q, 0]),
      ),
      marks(2026, 'регион', 'Русский язык', 4, [0, 550, 450, 0]),
    ]);
    // Difficulty inversion, ВПР Russian 4 кл.: e1's advanced task is 10 п.п. above the region and
    // its basic ones 10 п.п. below; e2's advanced task only 5 п.п. above (the margin): no sign.
    const task = (id: string, task: string, difficulty: string, pct: number) => ({
      year: 2026,
      subject: 'Русский язык',
      grade: 4,
      level: id === 'регион' ? 'region' : 'school',
      school_id: id === 'регион' ? null : id,
      group_name: id,
      participants: 100,
      task,
      max_score: 1,
      difficulty,
      completion_pct: pct,
    });
    await insertRows(t.store, 'raw_vpr_tasks', [
      task('регион', '1', 'Б', 70),
      task('регион', '2', 'Б', 70),
      task('регион', '3', 'П', 30),
      task('e1', '1', 'Б', 60),
      task('e1', '2', 'Б', 60),
      task('e1', '3', 'П', 40),
      task('e2', '1', 'Б', 60),
      task('e2', '2', 'Б', 60),
      task('e2', '3', 'П', 35),
    ]);
    // Boundary peaks, ВПР maths 5 кл. (scale: «3» from 6, «4» from 10, «5» from 14 points):
    // p1 has 8 pupils at 10 points against 3 at each of 8, 11 and 12 (mean around 2,25; 8 is
    // over 3 × 2,25); p2 has 6 there, under 6,75: no sign.
    await insertRows(t.store, 'raw_grading_scale', [
      { exam: 'ВПР', year: 2026, subject: 'Математика', grade: 5, cut3: 6, cut4: 10, cut5: 14 },
    ]);
    const pupils = (id: string, atCut: number) =>
      [7, 7, 7, 8, 8, 8, 11, 11, 11, 12, 12, 12, ...Array<number>(atCut).fill(10)].map(
        (score, i) => ({
          year: 2026,
          subject: 'Математика',
          grade: 5,
          school_id: id,
          participant_code: String(i + 1),
          primary_score: score,
          mark: score >= 10 ? 4 : 3,
        }),
      );
    await insertRows(t.store, 'raw_vpr_participant', [...pupils('p1', 8), ...pupils('p2', 6)]);
    await refreshModels(t.store, { kind: 'all' });
  });
  afterAll(() => t.dispose());

  it('flags a decline beyond chance in both key subjects, not one within it', async () => {
    const criticalDrop = (before: number, after: number) => {
      const pooled = (before + after) / 200;
      return 100 * 1.96 * Math.sqrt(pooled * (1 - pooled) * (2 / 100));
    };
    // The model's threshold against 2023/24 is 60 % less its critical drop, worked out here on
    // its own: dA must be under 60 − 13,86 = 46,14 % (it has 40 %); dB's 47 % is over
    // 60 − 13,80 = 46,20 %, so dB has no signal at all (and is not 10 п.п. below the district).
    const evidence = await t.store.all<{ value: number; threshold: number; met: boolean }>(
      `SELECT e.value, e.threshold, e.met
       FROM (SELECT unnest(evidence) AS e FROM flags_decline WHERE school_id = 'dA' AND year = 2026)
       WHERE e.baseline_label = '2023/24 (n = 100)' ORDER BY e.indicator`,
    );
    expect(evidence).toHaveLength(2);
    for (const e of evidence) {
      expect(e).toMatchObject({ value: 40, met: true });
      expect(e.threshold).toBeCloseTo(60 - criticalDrop(60, 40), 10);
    }
    expect(await t.store.all(`SELECT * FROM flags_decline WHERE school_id = 'dB'`)).toEqual([]);
    expect(await flagged(t, 'ШФЗСОР')).toEqual([{ year: 2026, school_id: 'dA', triggered: true }]);
    const { explanation } = (await t.store.one<{ explanation: string }>(
      "SELECT explanation FROM risk_flags WHERE cluster = 'ШФЗСОР'",
    ))!;
    expect(explanation).toContain(
      'ВПР Математика: доля «4» и «5» снизилась с 60,0 % в 2023/24 (n = 100) до 40,0 % (n = 100), на 20,0 п.п. за 2 года — больше случайного колебания (13,9 п.п.)',
    );
  });

  it('finds excess over the region, inversion and boundary peaks; each only past its threshold', async () => {
    const signs = await t.store.all<{ school_id: string; explanation: string }>(
      `SELECT school_id, explanation FROM risk_flags WHERE cluster = 'Необъективность'
       ORDER BY school_id`,
    );
    expect(signs.map((s) => s.school_id)).toEqual(['e1', 'e6', 'p1']);
    expect(signs[0]!.explanation).toContain(
      'задания повышенного уровня выполнены на 10,0 п.п. лучше, чем по региону, а базового — на 10,0 п.п. хуже (n = 100; порог 5 п.п.)',
    );
    expect(signs[1]!.explanation).toMatch(
      /качество знаний 90,0 % \(n = 100\) выше, чем по региону \(45,0 %\), на 2,4 σ при допустимых 2 σ; результатами ОГЭ и ЕГЭ не подтверждено/,
    );
    expect(signs[2]!.explanation).toContain(
      'на границе отметки «4» (10 баллов) 8 участников из 20 — в 3,6 раза больше, чем в среднем на соседних баллах (порог — в 3 раза)',
    );
  });

  it('does not count an excess backed by the school’s own ОГЭ', async () => {
    await insertRows(t.store, 'raw_gia_school', [
      {
        year: 2026,
        exam: 'ОГЭ',
        subject: 'Русский язык',
        school_id: 'e6',
        participants: 20,
        n2: 0,
        n3: 5,
        n4: 10,
        n5: 5,
      },
      {
        year: 2026,
        exam: 'ОГЭ',
        subject: 'Русский язык',
        school_id: 'e1',
        participants: 20,
        n2: 2,
        n3: 10,
        n4: 8,
        n5: 0,
      },
    ]);
    await refreshModels(t.store, { kind: 'all' });
    expect((await flagged(t, 'Необъективность')).map((f) => f.school_id)).toEqual(['e1', 'p1']);
  });
});
