/**
 * The briefings of the demo district for 2025/26, read back from the files a user gets: the
 * DOCX (its XML, and LibreOffice's rendering of it) and the PDF (pdftotext). Key sentences and
 * numbers are checked against counts made here from the raw tables, and the two formats
 * against each other. The pages are saved as PNG in test-results/briefings/ to look at.
 * Expected numbers are written by test/helpers/hand-format.ts (integer arithmetic on the counts),
 * not by the product's formatters.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { makeBriefing } from '../../briefing/generate.ts';
import { countText, intText, pctOf, ppFromTarget } from '../helpers/hand-format.ts';
import { useStoreCopy } from '../helpers/store.ts';
import {
  libreOfficePdf,
  pdfPagesToPng,
  readDocx,
  readPdf,
  squash,
  type DocxContent,
  type PdfContent,
} from './documents.ts';
import { SCREENSHOTS } from './server.ts';

const YEAR = 2026;
const PAGES_DIR = join(SCREENSHOTS, '..', 'briefings');
const t = useStoreCopy(inject('demoStore'));

/** The paragraphs after the one starting with `start`, up to the next that starts with `end`. */
function between(paragraphs: string[], start: string, end: RegExp): string[] {
  const from = paragraphs.findIndex((p) => p.startsWith(start));
  expect(from, start).toBeGreaterThanOrEqual(0);
  const to = paragraphs.findIndex((p, i) => i > from && end.test(p));
  return paragraphs.slice(from + 1, to < 0 ? undefined : to);
}

/** Two-proportion z-test, as the methodology defines «значимое изменение». */
function significant(hitsA: number, nA: number, hitsB: number, nB: number): boolean {
  const pooled = (hitsA + hitsB) / (nA + nB);
  if (pooled <= 0 || pooled >= 1) return false;
  const z = (hitsB / nB - hitsA / nA) / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  return Math.abs(z) > 1.96;
}

describe('district briefing, 2025/26', () => {
  let docx: DocxContent;
  let pdf: PdfContent;
  let docxBytes: Buffer;

  beforeAll(async () => {
    const word = await makeBriefing(t.store, YEAR, null, 'docx');
    const print = await makeBriefing(t.store, YEAR, null, 'pdf');
    expect(word.fileName).toBe('Справка_район_2025-26.docx');
    expect(print.fileName).toBe('Справка_район_2025-26.pdf');
    docxBytes = word.data;
    docx = await readDocx(word.data);
    pdf = readPdf(print.data);
    pdfPagesToPng(print.data, PAGES_DIR, 'district');
  });

  it('states the year, the data date and the methodology on every page', async () => {
    const [batch] = await t.store.all<{ on: string }>(
      `SELECT strftime(max(imported_at), '%d.%m.%Y') AS "on" FROM import_batch`,
    );
    const head = `2025/26 учебный год · данные на ${batch!.on} · методика 2026.2-по-умолчанию`;
    expect(docx.header).toBe(head);
    expect(docx.footerXml).toMatch(/PAGE/);
    expect(docx.footerXml).toMatch(/NUMPAGES/);
    expect(pdf.pageSize).toMatch(/^594\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pdf.pages).toBeGreaterThan(8);
    pdf.pageTexts.forEach((page, i) => {
      expect(squash(page)).toContain(head);
      expect(squash(page)).toContain(`Стр. ${i + 1} из ${pdf.pages}`);
    });
  });

  it('section 1 counts the schools and works of ВПР as the raw marks have them', async () => {
    const [vpr] = await t.store.all<{ schools: number; works: number; subjects: number }>(
      `SELECT count(DISTINCT school_id)::INTEGER AS schools, sum(participants)::INTEGER AS works,
              count(DISTINCT subject)::INTEGER AS subjects
       FROM raw_vpr_marks WHERE level = 'school' AND year = ${YEAR}`,
    );
    const line = squash(
      `ВПР (4, 5, 6, 7 и 8 классы; ${vpr!.subjects} предметов): ${vpr!.schools} школ, работ — ${intText(vpr!.works)}`,
    );
    expect(docx.paragraphs).toContain(line);
    expect(pdf.text).toContain(line);
  });

  it('section 2 names exactly the ВПР shares that changed significantly, with their n', async () => {
    const rows = await t.store.all<{
      subject: string;
      grade: number;
      year: number;
      n: number;
      n2: number;
      n45: number;
    }>(
      `SELECT subject, grade, year, sum(participants)::INTEGER AS n, sum(n2)::INTEGER AS n2,
              sum(n4 + n5)::INTEGER AS n45
       FROM raw_vpr_marks WHERE level = 'school' AND year IN (${YEAR - 1}, ${YEAR})
       GROUP BY ALL ORDER BY ALL`,
    );
    const expected: string[] = [];
    for (const now of rows.filter((r) => r.year === YEAR)) {
      const before = rows.find(
        (r) => r.year === YEAR - 1 && r.subject === now.subject && r.grade === now.grade,
      );
      if (!before) continue;
      for (const [title, hits] of [
        ['ВПР: доля «2»', (r: typeof now) => r.n2],
        ['ВПР: качество знаний', (r: typeof now) => r.n45],
      ] as const) {
        if (!significant(hits(before), before.n, hits(now), now.n)) continue;
        const pct = (r: typeof now) => pctOf(hits(r), r.n);
        expected.push(
          `${title}, ${now.subject}, ${now.grade} кл.: ${pct(before)} (n = ${intText(before.n)}) → ${pct(now)} (n = ${intText(now.n)})`,
        );
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    const listed = [
      ...between(docx.paragraphs, 'Значимо улучшились:', /^(Значимо ухудшились|Таблица)/),
      ...between(docx.paragraphs, 'Значимо ухудшились:', /^Таблица/),
    ]
      .filter((p) => p.startsWith('ВПР:'))
      .map((p) => p.replace(/, [+−]\d+,\d п\.п\.$/, ''));
    expect(listed.sort()).toEqual(expected.map(squash).sort());
    for (const line of listed) expect(pdf.text).toContain(line);
  });

  it('section 3 gives each ФГ direction its shares and target status from the raw levels', async () => {
    const rows = await t.store.all<{ direction: string; n: number; low: number; high: number }>(
      `SELECT direction, sum(pupils)::INTEGER AS n,
              sum(pupils) FILTER (WHERE level IN ('недостаточный', 'низкий'))::INTEGER AS low,
              sum(pupils) FILTER (WHERE level = 'высокий')::INTEGER AS high
       FROM raw_fg_levels WHERE year = ${YEAR} AND school_id IS NOT NULL
       GROUP BY direction ORDER BY direction`,
    );
    const table = docx.tables.find((tb) => tb[0]![0] === 'Направление')!;
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      const low = (100 * r.low) / r.n;
      const high = (100 * r.high) / r.n;
      expect(table.find((row) => row[0] === r.direction && row[1] === 'все')).toEqual([
        r.direction,
        'все',
        squash(intText(r.n)),
        squash(pctOf(r.low, r.n)),
        low <= 15 ? 'выполнена' : 'не выполнена',
        squash(pctOf(r.high, r.n)),
        high >= 10 ? 'выполнена' : 'не выполнена',
      ]);
      if (low > 15) {
        // whole pupils over the target: the low pupils beyond ⌊15 % of n⌋ (integer division)
        const over = r.low - Math.floor((15 * r.n) / 100);
        const sentence = `${r.direction} (n = ${intText(r.n)}): недостаточный и низкий уровни — ${pctOf(r.low, r.n)} при цели не более 15,0 %, превышение ${ppFromTarget(r.low, r.n, 15)}; сверх цели — ${countText(over, ['обучающийся', 'обучающихся', 'обучающихся'])}.`;
        expect(docx.paragraphs.some((p) => p.startsWith(squash(sentence)))).toBe(true);
        expect(pdf.text).toContain(squash(sentence));
      }
    }
    const met = rows.filter((r) => (100 * r.low) / r.n <= 15).length;
    expect(docx.paragraphs.join(' ')).toContain(
      `цель по недостаточному и низкому уровням выполнена в ${met} из 6 направлений`,
    );
  });

  it('section 4 lists each cluster as the flags and last year have it, with the reasons', async () => {
    const flags = await t.store.all<{ cluster: string; year: number; names: string[] }>(
      `SELECT f.cluster, f.year, list(s.short_name ORDER BY s.short_name) AS names
       FROM risk_flags f JOIN school s USING (school_id)
       WHERE f.triggered AND f.year IN (${YEAR - 1}, ${YEAR}) GROUP BY ALL`,
    );
    const names = (cluster: string, year: number) =>
      flags.find((f) => f.cluster === cluster && f.year === year)?.names ?? [];
    for (const cluster of ['ШНОР', 'ШПУН', 'ШФЗСОР', 'Необъективность', 'ШЛ']) {
      const now = names(cluster, YEAR);
      const before = names(cluster, YEAR - 1);
      const sentence = `В 2025/26 учебном году в кластере ${now.length} ${now.length === 1 ? 'школа' : now.length < 5 ? 'школы' : 'школ'} (в 2024/25 — ${before.length}).`;
      expect(docx.paragraphs.join(' '), cluster).toContain(sentence);
      const fresh = now.filter((n) => !before.includes(n));
      if (fresh.length)
        expect(docx.paragraphs.join(' ')).toContain(
          squash(`Впервые: ${fresh.join(', ').replace(/, ([^,]*)$/, ' и $1')}.`),
        );
      const table = docx.tables.find(
        (tb) =>
          tb[0]![2] === 'Основание (по методике)' &&
          now.includes(tb[1]![0]!) &&
          tb.length - 1 === now.length,
      );
      expect(
        table
          ?.slice(1)
          .map((r) => r[0])
          .sort(),
        cluster,
      ).toEqual([...now].sort());
    }
    const [lugovskaya] = await t.store.all<{ explanation: string }>(
      `SELECT explanation FROM risk_flags WHERE year = ${YEAR} AND school_id = 'sch470112' AND cluster = 'ШНОР'`,
    );
    expect(
      docx.tables
        .flat()
        .some((row) => row[0] === 'Луговская СОШ' && row[2] === squash(lugovskaya!.explanation)),
    ).toBe(true);
  });

  it('section 6 counts teachers with high or critical difficulty as the raw diagnostic has them', async () => {
    const [teachers] = await t.store.all<{ all: number; hard: number }>(
      `SELECT count(DISTINCT (school_id, teacher_key))::INTEGER AS "all",
              count(DISTINCT (school_id, teacher_key)) FILTER (WHERE level IN ('высокий', 'критический'))::INTEGER AS hard
       FROM raw_teacher_diag WHERE year = ${YEAR}`,
    );
    const phrase = `у ${teachers!.hard} из ${teachers!.all} педагога (${pctOf(teachers!.hard, teachers!.all)})`;
    expect(docx.paragraphs.join(' ')).toContain(squash(phrase));
    expect(pdf.text).toContain(squash(phrase));
  });

  it('section 4 opens with the working list, the basis written once per cluster', () => {
    // The demo's working list of 2025/26: the region's letter of 08.10.2025, nothing added.
    const letter =
      'список региона, письмо комитета общего и профессионального образования Ленинградской области от 08.10.2025 № 19-40102/2025';
    for (const line of [
      `ШЛ — 2 школы: Гимназия № 1, Лицей № 2 (${letter})`,
      `ШПУН — 3 школы: Берёзовская СОШ, Луговская СОШ, Озёрная ООШ (${letter})`,
      `ШФЗСОР — 5 школ: Берёзовская СОШ, Красноборская СОШ, Луговская СОШ, СОШ № 5, Сосновская СОШ (${letter})`,
    ])
      expect(docx.paragraphs).toContain(line);
    expect(docx.paragraphs).toContain(
      'ШПУН: Озёрная ООШ — по расчёту по методике признак не установлен',
    );
  });

  it('section 7 puts each school of the working list beside its network partner', async () => {
    const table = docx.tables.find((tb) => tb[0]![2] === 'Сетевой партнёр')!;
    // the working list's risk schools, Озёрная ООШ among them though the calculation does not flag it
    expect(table.slice(1).map((r) => r[0])).toEqual([
      'Берёзовская СОШ',
      'Красноборская СОШ',
      'Луговская СОШ',
      'Озёрная ООШ',
      'Сосновская СОШ',
      'СОШ № 5',
    ]);
    const lugovskaya = table.find((r) => r[0] === 'Луговская СОШ')!;
    expect(lugovskaya[1]).toBe('ШПУН (список региона); ШФЗСОР (список региона)');
    expect(lugovskaya[2]).toBe('Лицей № 2 (наставник, пары 2025/26; в рабочем списке: ШЛ)');
    const ozernaya = table.find((r) => r[0] === 'Озёрная ООШ')!;
    expect(ozernaya[1]).toBe('ШПУН (список региона)');
    expect(ozernaya[2]).toBe('СОШ № 6 (наставник, пары 2025/26)');
    const text = docx.paragraphs.join(' ');
    expect(text).toContain(
      'Предлагается сосредоточить адресную поддержку на 6 школах рабочего списка кластеров риска: Берёзовская СОШ, Красноборская СОШ, Луговская СОШ, Озёрная ООШ, Сосновская СОШ и СОШ № 5.',
    );
    expect(text).toContain(
      'Расчёт по методике предлагает также (в рабочем списке их нет, решение за комитетом): Сосновская СОШ — Необъективность, Луговская СОШ — ШНОР, Красноборская СОШ — ШПУН, СОШ № 5 — ШПУН, Сосновская СОШ — ШПУН и Никольская СОШ — ШФЗСОР.',
    );
  });

  it('the PDF repeats the header row of a table that runs over pages', () => {
    const appendix = pdf.pageTexts.findIndex((p) =>
      p.includes('Приложение. Все ключевые показатели'),
    );
    expect(appendix).toBeGreaterThan(0);
    const following = pdf.pageTexts.slice(appendix + 1);
    expect(following.length).toBeGreaterThan(0);
    for (const page of following)
      expect(page).toMatch(/Показатель\s+Предмет, направление\s+Прошлый год/);
  });

  it('LibreOffice renders the DOCX: A4 pages with captions and page numbers', () => {
    const renderedPdf = libreOfficePdf(docxBytes);
    pdfPagesToPng(renderedPdf, PAGES_DIR, 'district-docx');
    const rendered = readPdf(renderedPdf);
    expect(rendered.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(rendered.pages).toBeGreaterThan(8);
    expect(rendered.text).toContain('Таблица 1. Оценочные процедуры 2025/26 учебного года');
    expect(rendered.text).toContain('Рисунок 1. Целевые показатели ФГ по направлениям');
    expect(rendered.text).toContain(`Стр. 1 из ${rendered.pages}`);
  });
});

describe('school briefing of Луговская СОШ, 2025/26', () => {
  let docx: DocxContent;
  let pdf: PdfContent;

  beforeAll(async () => {
    const word = await makeBriefing(t.store, YEAR, 'sch470112', 'docx');
    const print = await makeBriefing(t.store, YEAR, 'sch470112', 'pdf');
    expect(word.fileName).toBe('Справка_Луговская_СОШ_2025-26.docx');
    docx = await readDocx(word.data);
    pdf = readPdf(print.data);
    pdfPagesToPng(print.data, PAGES_DIR, 'school');
  });

  it('names the school, its clusters with the reasons and what would clear them', async () => {
    const [school] = await t.store.all<{ full_name: string }>(
      `SELECT full_name FROM school WHERE school_id = 'sch470112'`,
    );
    expect(docx.paragraphs[0]).toBe(squash(`Аналитическая справка: ${school!.full_name}`));
    expect(docx.header.startsWith('Луговская СОШ · 2025/26 учебный год')).toBe(true);
    const flags = await t.store.all<{ cluster: string; explanation: string; clears_when: string }>(
      `SELECT cluster, explanation, clears_when FROM risk_flags
       WHERE year = ${YEAR} AND school_id = 'sch470112' AND triggered ORDER BY cluster`,
    );
    expect(flags.map((f) => f.cluster)).toEqual(['ШНОР', 'ШПУН']);
    const text = docx.paragraphs.join('\n');
    expect(text).toContain(
      'В рабочем списке кластеров 2025/26 учебного года школа есть: ШПУН и ШФЗСОР.',
    );
    expect(text).toContain(
      'По расчёту по методике в 2025/26 учебном году школа попадает в кластеры ШНОР и ШПУН.',
    );
    for (const f of flags) {
      expect(docx.paragraphs).toContain(squash(`Основание: ${f.explanation}`));
      expect(docx.paragraphs).toContain(squash(`Чтобы выйти из кластера: ${f.clears_when}`));
      expect(pdf.text).toContain(squash(`Основание: ${f.explanation}`).slice(0, 120));
    }
  });

  it('gives the school ФГ shares beside the district from the raw levels', async () => {
    const rows = await t.store.all<{ school: boolean; n: number; low: number }>(
      `SELECT school_id = 'sch470112' AS school, sum(pupils)::INTEGER AS n,
              sum(pupils) FILTER (WHERE level IN ('недостаточный', 'низкий'))::INTEGER AS low
       FROM raw_fg_levels WHERE year = ${YEAR} AND school_id IS NOT NULL
         AND direction = 'Математическая грамотность' AND grade = 6
       GROUP BY ALL`,
    );
    const school = rows.find((r) => r.school)!;
    const district = rows.reduce((s, r) => ({ n: s.n + r.n, low: s.low + r.low }), {
      n: 0,
      low: 0,
    });
    const table = docx.tables.find((tb) => tb[0]![2] === 'Недостаточный и низкий, школа')!;
    const row = table.find((r) => r[0] === 'Математическая грамотность' && r[1] === '6')!;
    expect(row[2]).toBe(squash(`${pctOf(school.low, school.n)} (n = ${school.n})`));
    expect(row[3]).toBe(squash(pctOf(district.low, district.n)));
  });

  it('lists as significant only changes with enough participants in both years', () => {
    const section = between(docx.paragraphs, '5. Значимые изменения', /^6\. /);
    const changes = section.filter((p) => p.includes('→'));
    expect(section.length).toBeGreaterThan(0);
    for (const line of changes)
      for (const [, n] of line.matchAll(/n = (\d+)/g))
        expect(Number(n), line).toBeGreaterThanOrEqual(10);
  });

  it('proposes support with the network partner', () => {
    const text = docx.paragraphs.join('\n');
    const partner = 'Сетевой партнёр: Лицей № 2 (наставник, пары 2025/26; в рабочем списке: ШЛ).';
    expect(text).toContain(partner);
    expect(text).toContain(
      'Школа в рабочем списке кластеров риска ШПУН и ШФЗСОР: ей нужна адресная поддержка.',
    );
    expect(text).toContain(
      'Расчёт по методике предлагает кластер ШНОР; решение о включении в список за комитетом.',
    );
    expect(pdf.text).toContain(squash(partner));
  });
});

describe('school briefing of Озёрная ООШ, on the region’s ШПУН list and not flagged, 2025/26', () => {
  let docx: DocxContent;

  beforeAll(async () => {
    docx = await readDocx((await makeBriefing(t.store, YEAR, 'sch470110', 'docx')).data);
  });

  it('names the list the school is on, its basis, and the calculation beside it', () => {
    const section = between(docx.paragraphs, '4. Кластеры', /^5\. /);
    expect(section).toEqual([
      'В рабочем списке кластеров 2025/26 учебного года школа есть: ШПУН.',
      'ШПУН (список региона, письмо комитета общего и профессионального образования Ленинградской области от 08.10.2025 № 19-40102/2025) — по расчёту по методике признак не установлен.',
      'По расчёту по методике в 2025/26 учебном году школа не попадает ни в один кластер.',
    ]);
  });

  it('proposes support as to a school of a risk list', () => {
    const text = docx.paragraphs.join('\n');
    expect(text).toContain(
      'Школа в рабочем списке кластера риска ШПУН: ей нужна адресная поддержка.',
    );
    expect(text).toContain('Сетевой партнёр: СОШ № 6 (наставник, пары 2025/26).');
    expect(text).not.toContain('не входит в кластеры риска');
    expect(text).not.toContain('Школы нет в рабочем списке');
  });
});
