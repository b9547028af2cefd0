import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { generateDemo } from '../../data/generate-demo.ts';
import { writeRegistry } from '../../data/generator/write-registry.ts';
import { writeLists } from '../../data/generator/write-lists.ts';
import { writeRoadmaps } from '../../data/generator/write-roadmap.ts';
import { importPaths } from '../../ingest/import.ts';
import { tempStore } from '../helpers/store.ts';

const digest = (files: string[]) => {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(basename(file)).update(readFileSync(file));
  return hash.digest('hex');
};

it('the demo generator writes the same bytes on every run', async () => {
  const a = mkdtempSync(join(tmpdir(), 'demo-a-'));
  const b = mkdtempSync(join(tmpdir(), 'demo-b-'));
  try {
    const first = await generateDemo(a);
    const second = await generateDemo(b);
    expect(first.length).toBeGreaterThan(100);
    expect(digest(first)).toBe(digest(second));
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

it('the demo’s official lists load as written: five years of the region’s, four of the committee’s', async () => {
  const t = await tempStore();
  try {
    const files = [...(await writeRegistry(t.dir)), ...(await writeLists(t.dir))];
    const reports = await importPaths(t.store, files);
    expect(reports.map((r) => [r.file, r.outcome, r.problems.length])).toEqual([
      ['Реестр ОО.xlsx', 'loaded', 0],
      ...['2021-22', '2022-23', '2023-24', '2024-25', '2025-26'].map((y) => [
        `Списки региона ${y}.xlsx`,
        'loaded',
        0,
      ]),
      ...['2022-23', '2023-24', '2024-25', '2025-26'].map((y) => [
        `Списки комитета ${y} (распоряжение).xlsx`,
        'loaded',
        0,
      ]),
    ]);
    // ШФЗСОР is written ШФЗР in 2021/22 and ШФСОР in 2022/23; both ШНОР of 2022/23 left in
    // 2023/24 (no ШНОР list that year); the committee added one school to ШФЗСОР in 2023/24.
    const counts = await t.store.all<{ key: string; n: number }>(
      `SELECT year || ' ' || source || ' ' || cluster || ' (' || string_agg(DISTINCT label, ', ') || ')' AS key,
              count(*)::INTEGER AS n
       FROM raw_official_cluster GROUP BY year, source, cluster ORDER BY year, source, cluster`,
    );
    expect(Object.fromEntries(counts.map((c) => [c.key, c.n]))).toEqual({
      '2022 регион ШЛ (ШЛ)': 2,
      '2022 регион ШНОР (ШНОР)': 3,
      '2022 регион ШФЗСОР (ШФЗР)': 3,
      '2023 комитет ШЛ (ШЛ)': 3,
      '2023 комитет ШНОР (ШНОР)': 2,
      '2023 комитет ШФЗСОР (ШФЗСОР)': 4,
      '2023 регион ШЛ (ШЛ)': 3,
      '2023 регион ШНОР (ШНОР)': 2,
      '2023 регион ШФЗСОР (ШФСОР)': 4,
      '2024 комитет ШЛ (ШЛ)': 2,
      '2024 комитет ШПУН (ШПУН)': 2,
      '2024 комитет ШФЗСОР (ШФЗСОР)': 5,
      '2024 регион ШЛ (ШЛ)': 2,
      '2024 регион ШПУН (ШПУН)': 2,
      '2024 регион ШФЗСОР (ШФЗСОР)': 4,
      '2025 комитет ШЛ (ШЛ)': 2,
      '2025 комитет ШПУН (ШПУН)': 3,
      '2025 комитет ШФЗСОР (ШФЗСОР)': 5,
      '2025 регион ШЛ (ШЛ)': 2,
      '2025 регион ШПУН (ШПУН)': 3,
      '2025 регион ШФЗСОР (ШФЗСОР)': 5,
      '2026 комитет ШЛ (ШЛ)': 2,
      '2026 комитет ШПУН (ШПУН)': 3,
      '2026 комитет ШФЗСОР (ШФЗСОР)': 5,
      '2026 регион ШЛ (ШЛ)': 2,
      '2026 регион ШПУН (ШПУН)': 3,
      '2026 регион ШФЗСОР (ШФЗСОР)': 5,
    });
    // The basis of each list from its title lines, who approved it from the basis.
    expect(
      await t.store.all(
        `SELECT DISTINCT basis, source FROM raw_official_cluster WHERE year = 2024 ORDER BY source`,
      ),
    ).toEqual([
      {
        basis:
          'распоряжение комитета образования администрации Демонстрационного муниципального района от 19.10.2023 № 356',
        source: 'комитет',
      },
      {
        basis:
          'письмо комитета общего и профессионального образования Ленинградской области от 10.10.2023 № 19-39080/2023',
        source: 'регион',
      },
    ]);
  } finally {
    t.dispose();
  }
});

it('the demo’s road maps load as written with their statuses, 2025/26 as the seed writes it', async () => {
  const t = await tempStore();
  try {
    const files = [...(await writeRegistry(t.dir)), ...(await writeRoadmaps(t.dir))];
    const reports = await importPaths(t.store, files);
    expect(reports.map((r) => [r.file, r.outcome, r.years, r.rows, r.summary])).toEqual([
      ['Реестр ОО.xlsx', 'loaded', [], 18, undefined],
      [
        'Дорожная карта 2024-25.xlsx',
        'loaded',
        [2025],
        13,
        'загружено мероприятий: 13 в разделах: 6; статус указан в файле: 13',
      ],
      [
        'Дорожная карта 2025-26.xlsx',
        'loaded',
        [2026],
        11,
        'загружено мероприятий: 11 в разделах: 6; статус указан в файле: 10',
      ],
    ]);
    // Only the 2025/26 page break is reported: its two rows are one measure.
    expect(reports.flatMap((r) => r.problems.map((p) => [r.file, p.row, p.message]))).toEqual([
      [
        'Дорожная карта 2025-26.xlsx',
        // 5 title rows, a blank row, the header, a section, 2 measures, a section, «Курсы …»
        14,
        'строка без номера продолжает текст мероприятия строки 13 (разрыв страницы): строки 13 и 14 объединены в одно мероприятие',
      ],
    ]);
    const rows = await t.store.all<{ key: string; n: number }>(
      `SELECT year || ' ' || serves || coalesce(' ' || serves_cluster, '') || ' ' || status AS key,
              count(*)::INTEGER AS n
       FROM roadmap_measure GROUP BY ALL ORDER BY ALL`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.key, r.n]))).toEqual({
      '2025 cluster ШЛ выполнено': 1,
      '2025 cluster ШПУН выполнено': 1,
      '2025 cluster ШФЗСОР выполнено': 3,
      '2025 list выполнено': 3,
      '2025 list не выполнено': 1,
      '2025 list перенесено': 1,
      '2025 schools выполнено': 3,
      '2026 cluster ШЛ выполнено': 1,
      '2026 cluster ШПУН запланировано': 1,
      '2026 cluster ШФЗСОР выполнено': 2,
      '2026 list выполнено': 4,
      '2026 schools выполнено': 2,
      '2026 schools перенесено': 1,
    });
    // Named schools of the working lists: ШПУН 2024/25, ШФЗСОР 2025/26, the network pairs.
    expect(
      await t.store.all(
        `SELECT year, title, serves_schools FROM roadmap_measure WHERE serves = 'schools' ORDER BY year, position`,
      ),
    ).toEqual([
      {
        year: 2025,
        title: 'Сопровождение школ в региональном мониторинге учебной неуспешности',
        serves_schools: ['sch470110', 'sch470112', 'sch470108'],
      },
      {
        year: 2025,
        title:
          'Курсы повышения квалификации учителей математики по формированию функциональной грамотности',
        serves_schools: ['sch470105', 'sch470117', 'sch470114'],
      },
      {
        year: 2025,
        title: 'Установочное совещание по сетевому наставничеству',
        serves_schools: [
          'sch470101',
          'sch470102',
          'sch470106',
          'sch470108',
          'sch470112',
          'sch470110',
        ],
      },
      {
        year: 2026,
        title: 'Курсы повышения квалификации учителей русского языка',
        serves_schools: ['sch470105', 'sch470117', 'sch470109'],
      },
      {
        year: 2026,
        title: 'Установочное совещание по сетевому наставничеству',
        serves_schools: [
          'sch470101',
          'sch470102',
          'sch470103',
          'sch470116',
          'sch470108',
          'sch470109',
          'sch470105',
        ],
      },
      {
        year: 2026,
        title: 'Семинар «Объективность оценивания при проведении ВПР»',
        serves_schools: ['sch470109'],
      },
    ]);
  } finally {
    t.dispose();
  }
});
