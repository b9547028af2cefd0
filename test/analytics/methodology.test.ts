import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadMethodology } from '../../analytics/methodology-file.ts';

it('refuses a methodology file whose grid cut points do not ascend, saying where', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'method-')), 'методика.json');
  const methodology = JSON.parse(
    readFileSync(new URL('../../analytics/methodology.default.json', import.meta.url), 'utf8'),
  );
  methodology.statusChangeGrid.indicators.vpr_dolya2.statusCutsPct = [5, 20, 10, 30];
  writeFileSync(file, JSON.stringify(methodology));
  expect(() => loadMethodology(file)).toThrow(
    /не прошёл проверку: «Сетка «состояние × изменение»» → «Показатели» → «vpr_dolya2» → «Границы уровней состояния»: четыре возрастающие границы/,
  );
  expect(loadMethodology().fgTargets).toEqual({ lowMaxPct: 15, highMinPct: 10 });
});

it('refuses rule versions out of order and a malformed school year', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'method-')), 'методика.json');
  const methodology = JSON.parse(
    readFileSync(new URL('../../analytics/methodology.default.json', import.meta.url), 'utf8'),
  );
  const first = methodology.clusters.ШПУН.versions[0];
  methodology.clusters.ШПУН.versions = [
    { ...first, effectiveFrom: '2024/25' },
    { ...first, version: '2026.2', effectiveFrom: '2023/25' },
  ];
  writeFileSync(file, JSON.stringify(methodology));
  expect(() => loadMethodology(file)).toThrow(
    /кластер ШПУН → версия правила № 2 → «Действует с учебного года»: годы учебного года идут подряд/,
  );
  methodology.clusters.ШПУН.versions[1].effectiveFrom = '2022/23';
  writeFileSync(file, JSON.stringify(methodology));
  expect(() => loadMethodology(file)).toThrow(
    /кластер ШПУН → «Версии правила»: версии идут по возрастанию года начала действия/,
  );
});
