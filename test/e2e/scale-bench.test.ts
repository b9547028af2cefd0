/**
 * The scale benchmark as a smoke test: at the district size it must run end to end (write the
 * synthetic files, load them, serve them) and produce its table. Timings are not asserted:
 * speed is measured by npm run bench, never by a test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SIZES, cleanUp, runScale, scaleMarkdown } from '../bench/scale.ts';
import { VPR_TASK_GRADES, vprTasks } from '../../data/generator/vpr-tasks.ts';

const dir = mkdtempSync(join(tmpdir(), 'mko-scale-smoke-'));
afterAll(() => cleanUp(dir));

it('runs the district-size benchmark end to end and writes its table', async () => {
  const size = { ...SIZES.district, years: 2 };
  const result = await runScale(size, dir, { samples: 3 });
  const tasksPerSchool = VPR_TASK_GRADES.reduce(
    (sum, grade) => sum + vprTasks('RU', grade).length + vprTasks('MA', grade).length,
    0,
  );
  expect(result.taskRows).toBe(30 * tasksPerSchool);
  expect(result.totalTaskRows).toBe(2 * 30 * tasksPerSchool);
  expect(result.latency.map((l) => l.title)).toEqual([
    'район: школы, первая 1 000',
    'район: страница таблицы',
    'район: поиск в таблице',
    'район: распределение школ',
    'район: обзор и кластеры',
    'страница школы',
    'список школ, первая 1 000',
    'список школ: страница',
    'ФГ, первая 1 000 школ',
    'ФГ: страница школ',
    'флаги риска: страница',
    'сравнение лет, первая 1 000',
    'сравнение лет: страница школ',
    'сравнение лет: сетка',
  ]);
  // Each endpoint was asked on its own path, timed, and answered (measure throws on an error).
  // (p50 ≤ p95 ≤ max is not asserted: the times are sorted before they are read, it cannot fail.)
  expect(new Set(result.latency.map((l) => l.path)).size).toBe(result.latency.length);
  for (const l of result.latency) {
    expect(l.path).toMatch(/^\/api\//);
    expect(l.p50).toBeGreaterThan(0);
    expect(Number.isFinite(l.max)).toBe(true);
    expect(l.bytes).toBeGreaterThan(0);
  }
  expect(result.serverPeakRssMb).toBeGreaterThan(0);
  expect(result.storeMb).toBeGreaterThan(0);

  const table = scaleMarkdown([result], { cpu: 'тест', cores: 2, memoryGb: 24 });
  expect(table).toContain(
    `| строк заданий ВПР за год | ${(30 * tasksPerSchool).toLocaleString('ru-RU')} |`,
  );
  expect(table).toContain('отношение (цель ≤ 2)');
  expect(
    table.split('\n').filter((line) => line.startsWith('| район') || line.startsWith('| ФГ')),
  ).toHaveLength(7);
});
