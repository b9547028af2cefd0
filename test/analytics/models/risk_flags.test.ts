/** ШПУН rule at, below and above its threshold; consecutive years; methodology; official lists. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import { importPaths } from '../../../ingest/import.ts';
import { buildModels } from '../../../analytics/models.ts';
import { type ClusterRule } from '../../../contract/methodology.ts';
import { loadMethodology } from '../../../analytics/methodology-file.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { vprFailRow, writeRegistryFile, writeVprCsv } from '../../helpers/fixtures.ts';

let t: TempStore;

const vpr = vprFailRow;

beforeAll(async () => {
  t = await tempStore();
  const marks = writeVprCsv(t.dir, [
    // СОШ № 1: exactly 30 % in both subjects, both years.
    vpr('2024/25', 'sch000001', 'Математика', 10, 3),
    vpr('2024/25', 'sch000001', 'Русский язык', 10, 3),
    vpr('2025/26', 'sch000001', 'Математика', 10, 3),
    vpr('2025/26', 'sch000001', 'Русский язык', 20, 6),
    // Гимназия № 3: 29 % (just below) and 31 % in 2024/25; 31 % and 31 % in 2025/26.
    vpr('2024/25', 'sch000003', 'Математика', 100, 29),
    vpr('2024/25', 'sch000003', 'Русский язык', 100, 31),
    vpr('2025/26', 'sch000003', 'Математика', 100, 31),
    vpr('2025/26', 'sch000003', 'Русский язык', 100, 31),
    // Лесная ООШ: 75 % on 4 pupils — a small group, left out by default.
    vpr('2025/26', 'sch000002', 'Математика', 4, 3),
    vpr('2025/26', 'sch000002', 'Русский язык', 4, 3),
  ]);
  const official = join(t.dir, 'списки.csv');
  writeCsv(official, [
    ['Учебный год', 'Наименование ОО', 'Кластер'],
    ['2025/26', 'Гимназия № 3', 'ШПУН'],
    ['2025/26', 'Лесная ООШ', 'ШПУН'],
  ]);
  await importPaths(t.store, [await writeRegistryFile(t.dir), marks, official]);
});
afterAll(() => t.dispose());

const flags = () =>
  t.store.all<Record<string, unknown>>(
    `SELECT year, school_id, triggered, procedures_over, procedures_repeated
     FROM flags_fail_share ORDER BY year, school_id`,
  );

it('flags ≥ 30 % on two procedures in the year and on one of them the year before', async () => {
  expect(await flags()).toEqual([
    // First year: over the threshold, but nothing to repeat yet.
    {
      year: 2025,
      school_id: 'sch000001',
      triggered: false,
      procedures_over: 2,
      procedures_repeated: 0,
    },
    // 29 % does not count; 31 % does: one procedure is not enough.
    {
      year: 2025,
      school_id: 'sch000003',
      triggered: false,
      procedures_over: 1,
      procedures_repeated: 0,
    },
    {
      year: 2026,
      school_id: 'sch000001',
      triggered: true,
      procedures_over: 2,
      procedures_repeated: 2,
    },
    {
      year: 2026,
      school_id: 'sch000003',
      triggered: true,
      procedures_over: 2,
      procedures_repeated: 1,
    },
  ]);
});

it('explains the flag in Russian with n, the threshold and the year before', async () => {
  const [row] = await t.store.all<Record<string, unknown>>(
    "SELECT * FROM risk_flags WHERE year = 2026 AND school_id = 'sch000003'",
  );
  expect(row).toMatchObject({
    rule_id: 'fail_share',
    rule_version: '2026.2',
    rule_is_default: true,
  });
  expect(row!.explanation).toBe(
    'Доля не преодолевших минимальный порог не ниже 30 % по 2 процедурам (нужно не меньше 2): ' +
      'ВПР Математика — 31,0 % (n = 100); ВПР Русский язык — 31,0 % (n = 100). ' +
      'Второй год подряд: ВПР Русский язык (2024/25: 31,0 %).',
  );
  expect(row!.clears_when).toMatch(/будет превышен меньше чем по 2 процедурам за год/);
});

it('sets the computed list beside the region’s, naming the disagreements', async () => {
  expect(
    await t.store.all(
      'SELECT year, short_name, agreement FROM cluster_comparison ORDER BY short_name',
    ),
  ).toEqual([
    { year: 2026, short_name: 'Гимназия № 3', agreement: 'совпадает' },
    { year: 2026, short_name: 'Лесная ООШ', agreement: 'только в списке региона' },
    { year: 2026, short_name: 'СОШ № 1', agreement: 'только по расчёту' },
  ]);
});

it('follows the methodology: a higher threshold, or counting small groups, changes the flags', async () => {
  const methodology = loadMethodology();
  const withRule = (change: Record<string, unknown>) => ({
    ...methodology,
    clusters: {
      ШПУН: {
        ...methodology.clusters.ШПУН!,
        versions: [{ ...methodology.clusters.ШПУН!.versions[0]!, ...change } as ClusterRule],
      },
    },
  });
  await buildModels(t.store, withRule({ thresholdPct: 31, version: 'проверка' }));
  // At 31 % СОШ № 1 (30 %) drops out; Гимназия № 3 (31 %, 31 %) still qualifies.
  expect((await flags()).filter((f) => f.triggered)).toEqual([
    {
      year: 2026,
      school_id: 'sch000003',
      triggered: true,
      procedures_over: 2,
      procedures_repeated: 1,
    },
  ]);
  await buildModels(t.store, withRule({ includeSmallN: true }));
  const small = (await flags()).find((f) => f.school_id === 'sch000002');
  expect(small).toMatchObject({ procedures_over: 2, triggered: false }); // no previous year
  await buildModels(t.store, methodology);
});

it('judges each year by the rule version in force that year', async () => {
  const methodology = loadMethodology();
  const first = methodology.clusters.ШПУН!.versions[0]!;
  await buildModels(t.store, {
    ...methodology,
    clusters: {
      ШПУН: {
        ...methodology.clusters.ШПУН!,
        versions: [
          first,
          {
            ...first,
            version: '2026.3',
            effectiveFrom: '2025/26',
            thresholdPct: 31,
          } as ClusterRule,
        ],
      },
    },
  });
  const rows = await t.store.all(
    `SELECT year, school_id, triggered, rule_version FROM risk_flags
     WHERE cluster = 'ШПУН' ORDER BY year, school_id`,
  );
  // 2024/25 under 2026.2 (30 %); 2025/26 under 2026.3 (31 %): СОШ № 1 (30 %) is no longer over,
  // while Гимназия № 3 still is, its 2024/25 Russian (31 %) judged by the same 31 % threshold.
  expect(rows).toEqual([
    { year: 2025, school_id: 'sch000001', triggered: false, rule_version: '2026.2' },
    { year: 2025, school_id: 'sch000003', triggered: false, rule_version: '2026.2' },
    { year: 2026, school_id: 'sch000003', triggered: true, rule_version: '2026.3' },
  ]);
  await buildModels(t.store, methodology);
});

it('counts one ВПР procedure per subject with the grades pooled, or per subject × grade in older versions', async () => {
  const pooled = await tempStore();
  try {
    // Лесная ООШ, mathematics: grade 5 — 4 «2» of 10 (40 %), grade 6 — 2 of 10 (20 %);
    // pooled 6 of 20 = 30 %, exactly the threshold. Russian, grade 5: 3 of 10 (30 %).
    const rows = (year: string) => [
      [year, 'sch000002', '', 5, 'Математика', 10, 4, 6, 0, 0],
      [year, 'sch000002', '', 6, 'Математика', 10, 2, 8, 0, 0],
      [year, 'sch000002', '', 5, 'Русский язык', 10, 3, 7, 0, 0],
    ];
    const marks = writeVprCsv(pooled.dir, [...rows('2024/25'), ...rows('2025/26')]);
    await importPaths(pooled.store, [await writeRegistryFile(pooled.dir), marks]);
    const procedures = () =>
      pooled.store.all(
        `SELECT year, triggered, procedures_over, explanation FROM flags_fail_share
         WHERE year = 2026`,
      );
    // Pooled (2026.2): mathematics 30 % and Russian 30 %, both years — two procedures, flagged.
    expect(await procedures()).toEqual([
      {
        year: 2026,
        triggered: true,
        procedures_over: 2,
        explanation:
          'Доля не преодолевших минимальный порог не ниже 30 % по 2 процедурам (нужно не меньше 2): ' +
          'ВПР Математика — 30,0 % (n = 20); ВПР Русский язык — 30,0 % (n = 10). ' +
          'Второй год подряд: ВПР Математика (2024/25: 30,0 %); ВПР Русский язык (2024/25: 30,0 %).',
      },
    ]);
    // Per subject × grade (as before 2026.2): mathematics 5 кл. (40 %) and Russian 5 кл. (30 %)
    // are over, mathematics 6 кл. (20 %) is not — still two, but by other procedures.
    const methodology = loadMethodology();
    const shpun = methodology.clusters.ШПУН!;
    await buildModels(pooled.store, {
      ...methodology,
      clusters: {
        ...methodology.clusters,
        ШПУН: {
          ...shpun,
          versions: [{ ...shpun.versions[0]!, vprGradesPooled: false } as ClusterRule],
        },
      },
    });
    const [separate] = await procedures();
    expect(separate).toMatchObject({ procedures_over: 2, triggered: true });
    expect((separate as { explanation: string }).explanation).toContain(
      'ВПР Математика, 5 кл. — 40,0 % (n = 10); ВПР Русский язык, 5 кл. — 30,0 % (n = 10)',
    );
  } finally {
    pooled.dispose();
  }
});
