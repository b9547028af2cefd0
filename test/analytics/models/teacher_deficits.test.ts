/** Teacher deficits by hand: share at high + critical difficulty, per area and overall, change. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import { importPaths } from '../../../ingest/import.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { writeRegistryFile } from '../../helpers/fixtures.ts';

let t: TempStore;

beforeAll(async () => {
  t = await tempStore();
  const file = join(t.dir, 'педагоги.csv');
  const row = (year: string, login: string, who: string, area: string, level: string) => [
    year,
    login,
    who,
    area,
    `${level} уровень затруднений`,
  ];
  writeCsv(file, [
    ['Учебный год', 'Логин ОО', 'ФИО педагога', 'Область компетенций', 'Уровень затруднений'],
    row('2024/25', 'sch000001', 'А', 'Методическая', 'высокий'),
    row('2024/25', 'sch000001', 'А', 'Предметная', 'низкий'),
    row('2024/25', 'sch000001', 'Б', 'Методическая', 'средний'),
    row('2024/25', 'sch000001', 'Б', 'Предметная', 'критический'),
    ['2024/25', 'sch000001', 'В', 'Методическая', 'отсутствие затруднений'],
    row('2024/25', 'sch000001', 'В', 'Предметная', 'низкий'),
    row('2025/26', 'sch000001', 'А', 'Методическая', 'средний'),
    row('2025/26', 'sch000001', 'А', 'Предметная', 'низкий'),
    row('2025/26', 'sch000001', 'Б', 'Методическая', 'средний'),
    row('2025/26', 'sch000001', 'Б', 'Предметная', 'средний'),
    row('2025/26', 'sch000003', 'Г', 'Методическая', 'критический'),
  ]);
  await importPaths(t.store, [await writeRegistryFile(t.dir), file], { teacherSalt: 'ключ' });
});
afterAll(() => t.dispose());

const row = async (where: string) =>
  (
    await t.store.all<Record<string, number | null>>(
      `SELECT * FROM teacher_deficits WHERE ${where}`,
    )
  )[0]!;

it('counts teachers at a high or critical level, per area and over all areas', async () => {
  const method = await row("year = 2025 AND school_id = 'sch000001' AND area = 'Методическая'");
  expect(method).toMatchObject({ teachers_count: 3, deficit_count: 1, previous_year: null });
  // Over all areas: А (методическая) and Б (предметная) have a deficit somewhere: 2 of 3.
  const all = await row("year = 2025 AND school_id = 'sch000001' AND area IS NULL");
  expect(all).toMatchObject({ teachers_count: 3, deficit_count: 2 });
  expect(all.deficit_pct).toBeCloseTo((100 * 2) / 3, 10);
});

it('gives the change since the previous diagnostic, for schools and the district', async () => {
  const all = await row("year = 2026 AND school_id = 'sch000001' AND area IS NULL");
  expect(all).toMatchObject({ teachers_count: 2, deficit_count: 0, previous_year: 2025 });
  expect(all.change_pp).toBeCloseTo(-(100 * 2) / 3, 10);
  // District, методическая: 2025 — 1 of 3; 2026 — 1 of 3 (Г at Гимназия № 3): no change.
  const district = await row("year = 2026 AND level = 'district' AND area = 'Методическая'");
  expect(district).toMatchObject({ teachers_count: 3, deficit_count: 1 });
  expect(district.change_pp).toBeCloseTo(0, 10);
});
