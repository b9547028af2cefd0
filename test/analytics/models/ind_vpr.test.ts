import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../ingest/import.ts';
import { buildOrder } from '../../../analytics/models.ts';
import { MODELS, SOURCE_TABLES, modelSql } from '../../../analytics/model-specs.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { writeRegistryFile, writeVprCsv } from '../../helpers/fixtures.ts';

let t: TempStore;
beforeAll(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir), writeVprCsv(t.dir)]);
});
afterAll(() => t.dispose());

describe('ind_vpr', () => {
  it('computes school indicators by hand-checked formulas', async () => {
    // СОШ № 1: 10 pupils, marks 2/3/4/5 = 5/3/1/1.
    const [row] = await t.store.all<Record<string, number>>(
      "SELECT * FROM ind_vpr WHERE school_id = 'sch000001'",
    );
    expect(row!.participants_count).toBe(10);
    expect(row!.uspevaemost_pct).toBeCloseTo(50, 10); // (3+1+1)/10
    expect(row!.kachestvo_pct).toBeCloseTo(20, 10); // (1+1)/10
    expect(row!.dolya2_pct).toBeCloseTo(50, 10);
    expect(row!.dolya5_pct).toBeCloseTo(10, 10);
    expect(row!.avg_mark).toBeCloseTo(2.8, 10); // (10+9+4+5)/10
    expect(row!.sou_pct).toBeCloseTo(35.2, 10); // (100·1 + 64·1 + 36·3 + 16·5) / 10 = 352 / 10
  });

  it('weights the district by participants, never averaging school percentages', async () => {
    // 50 % of 10, 10 % of 90 and 25 % of 4: district = (5+9+1)/104 = 14,42 %; a mean of percentages would give 28,3 %.
    const [district] = await t.store.all<Record<string, number>>(
      "SELECT * FROM ind_vpr WHERE level = 'district'",
    );
    expect(district!.participants_count).toBe(104);
    expect(district!.dolya2_pct).toBeCloseTo((100 * 15) / 104, 10);
    expect(district!.kachestvo_pct).toBeCloseTo((100 * (2 + 60 + 1)) / 104, 10);
  });

  it('marks groups below the methodology minimum as small', async () => {
    const rows = await t.store.all<{ school_id: string; is_small_n: boolean }>(
      "SELECT school_id, is_small_n FROM ind_vpr WHERE level = 'school' ORDER BY 1",
    );
    expect(rows.map((r) => r.is_small_n)).toEqual([false, true, false]); // 10, 4, 90 pupils; minimum 10
  });
});

describe('models', () => {
  it('declare exactly the tables their SQL reads', () => {
    const known = new Set<string>([...SOURCE_TABLES, ...MODELS.map((m) => m.name)]);
    for (const model of MODELS) {
      const sql = modelSql(model.name);
      const read = new Set(
        [...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)]
          .map((m) => m[1]!)
          .filter((name) => known.has(name)),
      );
      expect([...read].sort(), model.name).toEqual([...model.dependsOn].sort());
    }
  });

  it('are built in dependency order', () => {
    const order = buildOrder().map((m) => m.name);
    for (const model of MODELS)
      for (const dep of model.dependsOn)
        if (order.includes(dep)) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(model.name));
  });
});
