import { expect, it } from 'vitest';
import { loadMethodology } from '../../../../analytics/methodology-file.ts';
import {
  latestVersion,
  ruleKind,
  candidateOf,
  changedClusters,
  draftOf,
  listText,
  parseList,
  showValue,
} from '../../../../dashboard/src/lib/methodology-edit.ts';

const m = loadMethodology();

it('adds a new rule version from the chosen year only for the clusters that changed', () => {
  const draft = draftOf(m, '2025/26', '2026.2');
  draft.clusters.ШЛ!.percent = 20;
  draft.general.lowMaxPct = 12;
  expect(changedClusters(m, draft)).toEqual(['ШЛ']);
  const next = candidateOf(m, draft);
  if ('error' in next) throw new Error(next.error);
  expect(next.version).toBe('2026.2');
  expect(next.fgTargets).toEqual({ lowMaxPct: 12, highMinPct: m.fgTargets.highMinPct });
  const versions = next.clusters.ШЛ!.versions;
  expect(versions).toHaveLength(m.clusters.ШЛ!.versions.length + 1);
  expect(versions.at(-1)).toMatchObject({
    percent: 20,
    version: '2026.2',
    isDefault: false,
    effectiveFrom: '2025/26',
  });
  expect(next.clusters.ШНОР).toEqual(m.clusters.ШНОР);
  // The methodology read is not changed.
  expect(m.clusters.ШЛ!.versions).toHaveLength(versions.length - 1);
});

it('replaces the version in force when the change starts in the same year, and refuses an earlier start', () => {
  const from = m.clusters.ШПУН!.versions.at(-1)!.effectiveFrom;
  const draft = draftOf(m, from, '2026.2');
  draft.clusters.ШПУН!.thresholdPct = 25;
  const next = candidateOf(m, draft);
  if ('error' in next) throw new Error(next.error);
  expect(next.clusters.ШПУН!.versions).toHaveLength(m.clusters.ШПУН!.versions.length);
  expect(next.clusters.ШПУН!.versions.at(-1)).toMatchObject({ thresholdPct: 25 });
  const earlier = draftOf(m, '2019/20', '2026.3');
  earlier.clusters.ШПУН!.thresholdPct = 25;
  expect(candidateOf(m, earlier)).toEqual({
    error: `Новое правило кластера ШПУН не может действовать раньше действующего (с ${from}).`,
  });
});

it('shows and reads parameter values the Russian way', () => {
  expect(showValue('percent', 12.5)).toBe('12,5 % школ');
  expect(showValue('metrics', ['dolya2', 'avg_mark'])).toBe('доля «2», средняя отметка');
  expect(showValue('excludeNonObjective', true)).toBe('да');
  expect(parseList('4; 5, 6', true)).toEqual([4, 5, 6]);
  expect(parseList('ВПР, ОГЭ', false)).toEqual(['ВПР', 'ОГЭ']);
  expect(parseList('доля «2», Средняя отметка', false)).toEqual(['dolya2', 'avg_mark']);
  expect(listText(['dolya2', 'avg_mark'])).toBe('доля «2», средняя отметка');
});

it('names what a ranking rule compares the school with', () => {
  expect(ruleKind(latestVersion(m, 'ШНОР'))).toBe(
    'низкие или высокие результаты ВПР несколько лет подряд: граница, заданная методикой',
  );
  expect(ruleKind(latestVersion(m, 'ШЛ'))).toBe(
    'низкие или высокие результаты ВПР несколько лет подряд: место среди школ района',
  );
  expect(ruleKind(latestVersion(m, 'ШПУН'))).toBe('доля не преодолевших минимальный порог');
});

it('edits the table of cluster names as lines «код: название; название»', () => {
  const draft = draftOf(m, '2025/26', '2026.3');
  expect(draft.clusterNames.text.split('\n').slice(0, 1)).toEqual([
    'ШФЗСОР: ШФСОР; ШФЗР; ШФЗСОП; школы, функционирующие в зоне риска снижения образовательных результатов; школы, функционирующие в зоне риска снижения образовательных результатов обучающихся; школ, функционирующих в зоне риска снижения образовательных результатов; школ, функционирующих в зоне риска снижения образовательных результатов обучающихся; школы, функционирующие в условиях риска снижения образовательных результатов; школы, находящиеся в зоне риска снижения образовательных результатов',
  ]);
  draft.clusterNames = {
    unknown: 'reject',
    text: 'ШНОР: школы с низкими результатами;  ШНОР-2020 \n\nШОВ\n500+: проект 500+',
  };
  const next = candidateOf(m, draft);
  if ('error' in next) throw new Error(next.error);
  expect(next.clusterNames).toEqual({
    unknown: 'reject',
    synonyms: {
      ШНОР: ['школы с низкими результатами', 'ШНОР-2020'],
      ШОВ: [],
      '500+': ['проект 500+'],
    },
  });
  draft.clusterNames.text = 'ШНОР: ШНОР-2020\n: без кода';
  expect(candidateOf(m, draft)).toEqual({
    error:
      'Названия кластеров, строка 2: перед «:» нужен код кластера (например, «ШФЗСОР: ШФСОР; ШФЗР»).',
  });
});
