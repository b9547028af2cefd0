/** npm run briefing as a user runs it: a file written on a small store, and Russian errors for bad arguments. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../ingest/import.ts';
import { writeRegistryFile, writeVprCsv } from '../helpers/fixtures.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';

let t: TempStore;
let dbPath: string;

beforeAll(async () => {
  t = await tempStore();
  await importPaths(t.store, [await writeRegistryFile(t.dir), writeVprCsv(t.dir)]);
  dbPath = join(t.dir, 'test.duckdb');
  // The CLI opens the store file itself; DuckDB lets one process hold it.
  t.store.close();
});
afterAll(() => t.dispose());

function briefing(...args: string[]) {
  return briefingWith({}, ...args);
}

function briefingWith(env: Record<string, string>, ...args: string[]) {
  // node with tsx's loader, as `npm run briefing` runs it, without npm's own notices on stderr
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/briefing.ts', ...args], {
    env: { ...process.env, DB_PATH: dbPath, ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run briefing', () => {
  it('writes the district DOCX and says where, how big and how long', () => {
    const out = join(t.dir, 'район.docx');
    const run = briefing('--year', '2024/25', '--format', 'docx', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^Справка записана: ${out} \\(\\d+ КБ, [\\d,]+ с\\)\\n$`),
    );
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('zips the district and every school with results', async () => {
    const out = join(t.dir, 'все.zip');
    expect(
      briefing('--year', '2025', '--all-schools', '--format', 'docx', '--out', out).status,
    ).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).filter((f) => f.endsWith('.docx'))).toHaveLength(4);
  });

  it('explains bad arguments in Russian and writes nothing', () => {
    const out = join(t.dir, 'нет.docx');
    const cases: [string[], string][] = [
      [['--year', '25-26'], 'Учебный год «25-26» не понят: ожидалось, например, 2025/26 или 2026.'],
      [
        ['--year', '2024/25', '--format', 'rtf'],
        'Формат «rtf» не поддерживается: ожидалось docx или pdf.',
      ],
      [
        ['--year', '2024/25', '--school', 'sch000001', '--all-schools'],
        'Укажите либо --school, либо --all-schools, но не оба сразу.',
      ],
      [
        ['--year', '2019/20'],
        'За 2019/20 учебный год результатов школ нет. Есть данные за: 2024/25.',
      ],
      [
        ['--year', '2024/25', '--school', 'sch999999'],
        'Школы с логином «sch999999» нет в реестре.',
      ],
    ];
    for (const [args, message] of cases) {
      const run = briefing(...args, '--out', out);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr.trim()).toBe(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('explains the draft order’s arguments that do not fit, and a year without a list, in Russian', () => {
    const out = join(t.dir, 'нет.docx');
    const cases: [string[], string][] = [
      [
        ['--kind', 'order'],
        'Вид документа «order» не поддерживается: ожидалось district или decision.',
      ],
      [
        ['--number', '338'],
        'Параметр --number относится к проекту распоряжения: добавьте --kind decision.',
      ],
      [
        ['--kind', 'decision', '--school', 'sch470101'],
        'Проект распоряжения составляется по району: --school и --all-schools с --kind decision не указываются.',
      ],
      [
        ['--kind', 'decision'],
        'На 2025/26 учебный год рабочего списка нет: загрузите списки региона или комитета либо добавьте школы в разделе «Кластеры по годам». Списков нет ни на один год.',
      ],
      [
        ['--kind', 'decision', '--deadline', 'завтра'],
        'Поле «Срок внесения мероприятий в план работы ОО»: «завтра» — не дата; ожидалась дата вида 20.10.2025.',
      ],
    ];
    for (const [args, message] of cases) {
      const run = briefing('--year', '2025/26', ...args, '--out', out);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr.trim()).toBe(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('on a store that does not exist, says how to make one and creates no file', () => {
    const missing = join(t.dir, 'нет-хранилища.duckdb');
    const run = briefingWith(
      { DB_PATH: missing },
      '--year',
      '2024/25',
      '--out',
      join(t.dir, 'x.docx'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Хранилища ${missing} нет: сначала загрузите данные (npm run import -- файлы) или запустите npm start, который создаст демонстрационный район. Другое хранилище задаётся переменной DB_PATH.`,
    );
    expect(existsSync(missing)).toBe(false);
  });

  it('without Chromium, says what to install instead of a stack, for one PDF and the ZIP', () => {
    const out = join(t.dir, 'нет.pdf');
    const message =
      'Для PDF нужен браузер Chromium, а по пути /нет/chromium его нет. Установите его: от root выполните npm run provision (или apt-get install -y chromium), либо укажите путь к Chromium в переменной CHROMIUM_PATH. Справка в DOCX формируется и без него.';
    for (const which of [[], ['--all-schools']]) {
      const args = ['--year', '2024/25', ...which, '--format', 'pdf', '--out', out];
      const run = briefingWith({ CHROMIUM_PATH: '/нет/chromium' }, ...args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr.trim()).toBe(message);
    }
    expect(existsSync(out)).toBe(false);
  });
});
