/**
 * The «Справки» API on a small hand-made store: what can be made, a district DOCX whose
 * sentences are checked by hand against the files below (sections without data say so), the
 * ZIP batch, and every kind of bad request answered in Russian.
 */
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeCsv } from '../../../data/generator/files.ts';
import type { BriefingOptions } from '../../../contract/api/briefing-types.ts';
import { readDocx } from '../../e2e/documents.ts';
import { useApp } from '../../helpers/app.ts';
import { writeRegistryFile, writeVprCsv } from '../../helpers/fixtures.ts';

const LEVELS = ['Недостаточный', 'Низкий', 'Средний', 'Повышенный', 'Высокий'];

const app = useApp(async (dir) => {
  const fg = join(dir, 'фг.csv');
  // 2024/25: one school, reading, grade 9: low 2 of 20 (10 %), high 3 of 20 (15 %).
  writeCsv(fg, [
    ['Учебный год', 'Логин ОО', 'Направление', 'Класс', ...LEVELS],
    ['2024/25', 'sch000001', 'Читательская грамотность', 9, 1, 1, 10, 5, 3],
  ]);
  // ВПР 2024/25, Математика 5: 10 + 90 + 4 = 104 works in 3 schools (fixtures.ts).
  return [await writeRegistryFile(dir), writeVprCsv(dir), fg];
});

const get = (path: string) => app.request(`/api/briefings${path}`);

async function error(path: string, status: number): Promise<string> {
  const response = await get(path);
  expect(response.status, path).toBe(status);
  return ((await response.json()) as { error: string }).error;
}

describe('GET /api/briefings/options', () => {
  it('offers the years with school results and the schools of the chosen year', async () => {
    const body = (await (await get('/options')).json()) as BriefingOptions;
    expect(body.years).toEqual([2025]);
    expect(body.year).toBe(2025);
    expect(body.schools.map((s) => s.short_name)).toEqual([
      'Гимназия № 3',
      'Лесная ООШ',
      'СОШ № 1',
    ]);
    expect(body.pdfAvailable).toBe(true);
  });
});

describe('GET /api/briefings/file', () => {
  it('makes the district DOCX, telling what was measured and which sections have no data', async () => {
    const response = await get('/file?year=2025&format=docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Справка_район_2024-25.docx')}`,
    );
    const { paragraphs } = await readDocx(Buffer.from(await response.arrayBuffer()));
    const text = paragraphs.join('\n');
    expect(paragraphs[0]).toBe(
      'Аналитическая справка о результатах оценочных процедур в 2024/25 учебном году',
    );
    expect(text).toContain(
      'В 2024/25 учебном году в хранилище есть результаты школ района по 2 процедурам:',
    );
    expect(paragraphs).toContain('ВПР (5 класс; 1 предмет): 3 школы, работ — 104');
    expect(paragraphs).toContain('ФГ (9 класс; 1 направление): 1 школа, работ — 20');
    expect(text).toContain('Для района нет показателей, которые можно сравнить с прошлым годом.');
    expect(text).toContain(
      'По всем классам вместе цель по недостаточному и низкому уровням выполнена в 1 из 1 направления, по высокому уровню — в 1 из 1.',
    );
    expect(text).toContain('Результатов диагностики педагогов за этот или прошлые годы нет.');
    expect(text).not.toMatch(/undefined|NaN|null/);
  });

  it('makes a school PDF', async () => {
    const response = await get('/file?year=2025&format=pdf&school=sch000003');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('answers bad requests in Russian', async () => {
    const bad =
      'Справка не сформирована: нужны учебный год (например, 2026), формат docx или pdf и, для справки по школе, логин школы.';
    expect(await error('/file?year=2025&format=rtf', 400)).toBe(bad);
    expect(await error('/file?format=docx', 400)).toBe(bad);
    expect(await error('/file?year=2025&format=docx&school=../x', 400)).toBe(bad);
    expect(await error('/file?year=2019&format=docx', 404)).toBe(
      'За 2018/19 учебный год результатов школ нет. Есть данные за: 2024/25.',
    );
    expect(await error('/file?year=2025&format=docx&school=sch999999', 404)).toBe(
      'Школы с логином «sch999999» нет в реестре.',
    );
    expect(await error('/batch?year=2025&format=docx&schools=a,b/c', 400)).toBe(bad);
  });
});

describe('GET /api/briefings/batch', () => {
  it('zips the district briefing and one per chosen school', async () => {
    const response = await get('/batch?year=2025&format=docx&schools=sch000001,sch000002');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    expect(
      Object.keys(zip.files)
        .filter((f) => !f.endsWith('/'))
        .sort(),
    ).toEqual([
      'Справка_район_2024-25.docx',
      'Школы/Справка_Лесная_ООШ_2024-25.docx',
      'Школы/Справка_СОШ_№_1_2024-25.docx',
    ]);
  });
});

describe('PDF without Chromium', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('offers DOCX only and answers a PDF request with what to install, not a stack', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/нет/chromium');
    const body = (await (await get('/options')).json()) as BriefingOptions;
    expect(body.pdfAvailable).toBe(false);
    const message =
      'Для PDF нужен браузер Chromium, а по пути /нет/chromium его нет. Установите его: от root выполните npm run provision (или apt-get install -y chromium), либо укажите путь к Chromium в переменной CHROMIUM_PATH. Справка в DOCX формируется и без него.';
    expect(await error('/file?year=2025&format=pdf&school=sch000003', 503)).toBe(message);
    expect(await error('/file?year=2025&format=pdf', 503)).toBe(message);
    expect(await error('/batch?year=2025&format=pdf&schools=sch000001', 503)).toBe(message);
  });
});
