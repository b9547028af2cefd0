/** The methodology's table of cluster names: its defaults, their folding, a name given twice. */
import { expect, it } from 'vitest';
import { loadMethodology } from '../../analytics/methodology-file.ts';
import {
  DEFAULT_CLUSTER_NAMES,
  describeIssues,
  foldClusterName,
  methodologySchema,
} from '../../contract/methodology.ts';

it('the methodology file holds the default names; a version saved without them gets them', () => {
  const m = loadMethodology();
  expect(m.clusterNames).toEqual(DEFAULT_CLUSTER_NAMES);
  const { clusterNames: _, ...older } = m;
  expect(methodologySchema.parse(older).clusterNames).toEqual(DEFAULT_CLUSTER_NAMES);
});

it('folds case, ё, quotes, spaces and dashes', () => {
  expect(foldClusterName(' «Школы – Лидеры». ')).toBe('школы-лидеры');
  expect(foldClusterName('Признаки  учебной\u00a0неуспешности')).toBe(
    'признаки учебной неуспешности',
  );
  expect(foldClusterName('ШФЗСОР')).toBe(foldClusterName('шфзсор'));
});

it('refuses a name given to two clusters', () => {
  const m = loadMethodology();
  const parsed = methodologySchema.safeParse({
    ...m,
    clusterNames: { unknown: 'keep', synonyms: { ШНОР: ['ШФСОР'], ШФЗСОР: ['шфсор'] } },
  });
  expect(parsed.success).toBe(false);
  expect(describeIssues(parsed.error!)).toBe(
    '«Названия кластеров в списках» → «Другие названия кластера» → «ШФЗСОР»: название «шфсор» уже отнесено к кластеру ШНОР',
  );
});
