/**
 * One number, one text: a share of 56,25 % (9 of 16 pupils with «2») and a change of +12,35 п.п.
 * (3 of 16 after 8 of 125) read the same in the flag explanation (SQL), the district table, the
 * chart, the exports and the school briefing (TypeScript): «56,3 %» and «+12,4 п.п.», rounded
 * half away from zero as a methodologist rounds by hand, not «56,2 %» / «+12,3 п.п.» (printf,
 * half to even on the double). A share of 12,35 % itself needs 247 of 2 000 pupils: its text is
 * checked on the macro and the formatter directly (test/contract/rounding-cases.ts).
 */
import { describe, expect, it } from 'vitest';
import { exportTable, toCsv } from '../../analytics/export.ts';
import { drawChart } from '../../briefing/charts.ts';
import { briefingHtml } from '../../briefing/html.ts';
import { schoolBriefing } from '../../briefing/school.ts';
import type { CompareResult } from '../../contract/api/compare-types.ts';
import type { DistrictResultRow, DistrictResults } from '../../contract/api/types.ts';
import { keyShareBySchoolSpec } from '../../contract/charts/key-share-by-school.ts';
import { pctColumn, ppColumn } from '../../contract/table.ts';
import { useApp } from '../helpers/app.ts';
import { writeRegistryFile, writeVprCsv } from '../helpers/fixtures.ts';

// [school year, login, name, subject, participants, «2», «3», «4», «5»], grade 5.
const ROWS = [
  ['2024/25', 'sch000001', 'СОШ № 1', 'Русский язык', 125, 8, 60, 40, 17],
  ['2025/26', 'sch000001', 'СОШ № 1', 'Русский язык', 16, 3, 7, 4, 2],
  ['2025/26', 'sch000001', 'СОШ № 1', 'Математика', 16, 9, 3, 2, 2],
  ['2024/25', 'sch000003', 'Гимназия № 3', 'Русский язык', 40, 2, 10, 20, 8],
  ['2025/26', 'sch000003', 'Гимназия № 3', 'Русский язык', 40, 1, 10, 20, 9],
  ['2025/26', 'sch000003', 'Гимназия № 3', 'Математика', 40, 4, 12, 16, 8],
] as const;

const app = useApp(async (dir) => [
  await writeRegistryFile(dir),
  writeVprCsv(
    dir,
    ROWS.map(([year, login, name, subject, ...counts]) => [
      year,
      login,
      name,
      5,
      subject,
      ...counts,
    ]),
  ),
]);

async function districtRows(): Promise<DistrictResultRow[]> {
  const query = new URLSearchParams({
    year: '2026',
    procedure: 'ВПР',
    subject: 'Математика',
    grade: '5',
  });
  const body = (await (
    await app.request(`/api/district/results?${query}`)
  ).json()) as DistrictResults;
  return body.rows;
}

describe('56,25 % reads «56,3 %» everywhere', () => {
  it('in the ШПУН explanation written by SQL', async () => {
    const [flag] = await app.store.all<{ explanation: string }>(
      `SELECT explanation FROM risk_flags WHERE cluster = 'ШПУН' AND school_id = 'sch000001' AND year = 2026`,
    );
    expect(flag!.explanation).toContain('ВПР Математика — 56,3 % (n = 16)');
  });

  it('in the district table and its chart', async () => {
    const rows = await districtRows();
    const school = rows.find((r) => r.school_id === 'sch000001')!;
    expect(school.key_pct).toBe(56.25);
    expect(pctColumn<DistrictResultRow>('key', 'Доля «2»', (r) => r.key_pct).format!(school)).toBe(
      '56,3 %',
    );
    const schools = rows.filter((r) => r.level === 'school');
    const district = rows.find((r) => r.level === 'district')!.key_pct;
    const options = { axisLabel: 'Доля «2»', district, region: undefined };
    const chart = drawChart(keyShareBySchoolSpec(schools, options, 720));
    expect(chart.svg).toContain('56,3 % (n = 16)');
    expect(chart.svg).not.toContain('56,2');
  });

  it('in the exports: the explanation as text, the share as a number', async () => {
    const flags = await exportTable(app.store, 'flags', { year: 2026, school: 'sch000001' });
    const explanation = flags.columns.indexOf('explanation');
    expect(flags.rows.map((r) => r[explanation]).join()).toContain('56,3 %');
    const indicators = await exportTable(app.store, 'indicators', {
      year: 2026,
      school: 'sch000001',
    });
    const share = indicators.columns.indexOf('dolya2_pct');
    const school = indicators.columns.indexOf('school_id');
    const subject = indicators.columns.indexOf('subject');
    const row = indicators.rows.find(
      (r) => r[school] === 'sch000001' && r[subject] === 'Математика',
    );
    expect(row![share]).toBe(56.25);
    expect(toCsv(indicators)).toContain(';56,25;');
  });

  it('in the school briefing', async () => {
    const html = briefingHtml(await schoolBriefing(app.store, 2026, 'sch000001'));
    // the briefing joins a number and its unit with a no-break space
    expect(html).toMatch(/56,3\s%/);
    expect(html).not.toMatch(/56,2\s%/);
  });
});

describe('a change of +12,35 п.п. reads «+12,4 п.п.» everywhere', () => {
  it('is the difference of the two stored shares, 18,75 − 6,4', async () => {
    const [trend] = await app.store.all<{ change_pp: number; pct: number; prev_pct: number }>(
      `SELECT change_pp, pct, prev_pct FROM trend_shares
       WHERE indicator = 'vpr_dolya2' AND school_id = 'sch000001' AND topic = 'Русский язык' AND year = 2026`,
    );
    // 3 of 16 = 18,75 %, 8 of 125 = 6,4 %
    expect(trend).toEqual({ change_pp: 12.35, pct: 18.75, prev_pct: 6.4 });
  });

  it('in the comparison of years', async () => {
    const query = new URLSearchParams({
      year_a: '2025',
      year_b: '2026',
      indicator: 'vpr_dolya2',
      topic: 'Русский язык',
      grade: '5',
    });
    const body = (await (await app.request(`/api/compare?${query}`)).json()) as CompareResult;
    const school = body.schools.find((p) => p.school_id === 'sch000001')!;
    expect(school.change_pp).toBe(12.35);
    expect(ppColumn<typeof school>('change', 'Изменение', (p) => p.change_pp).format!(school)).toBe(
      '+12,4 п.п.',
    );
  });

  it('in the trends export and the school briefing', async () => {
    const trends = await exportTable(app.store, 'trends', { year: 2026, school: 'sch000001' });
    const change = trends.columns.indexOf('change_pp');
    expect(trends.rows.map((r) => r[change])).toContain(12.35);
    const html = briefingHtml(await schoolBriefing(app.store, 2026, 'sch000001'));
    expect(html).toMatch(/\+12,4\sп\.п\./);
    expect(html).toMatch(/18,8\s%/);
  });
});
