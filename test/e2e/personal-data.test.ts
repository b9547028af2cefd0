/**
 * No personal data in the store. The demo source files (regenerated here byte for byte, and
 * checked against the sha256 the store recorded for every imported file) carry pupil and
 * teacher names in «ФИО» columns. Every text cell of every table and view of the demo store is
 * scanned for those names (whole, «Фамилия Имя», «Фамилия И.О.»), case- and ё-insensitively.
 * Teachers must be present only as keyed hashes: one key per teacher and school, the same in
 * every year. A negative control plants names in a scratch store to prove the scanner sees them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Store } from '../../analytics/db.ts';
import { generateDemo } from '../../data/generate-demo.ts';
import { teacherKey } from '../../ingest/teacher-key.ts';
import { parseSchoolYear } from '../../ingest/values.ts';
import { insertRows, tempStore, useStoreCopy } from '../helpers/store.ts';

const DEMO_STORE = inject('demoStore');
const t = useStoreCopy(DEMO_STORE);

// ---------------------------------------------------------------------------------------------
// Source files

/** One sheet of a source file: its rows as trimmed text ('' for an empty cell). */
interface SourceSheet {
  file: string;
  sheet: string;
  rows: string[][];
}

/** A column whose header names a person, with the values under it. */
interface NameColumn {
  file: string;
  sheet: string;
  header: string;
  headerRow: number;
  column: number;
  values: string[];
}

/** CSV text: UTF-8 (with or without BOM) when it decodes cleanly, windows-1251 otherwise. */
function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'win1251');
  }
}

/** A small RFC 4180 parser; the separator is the most frequent of `;`, `,`, tab in line one. */
function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = [';', ',', '\t'].reduce((best, c) =>
    firstLine.split(c).length > firstLine.split(best).length ? c : best,
  );
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell.trim()]);
  return rows;
}

async function readSource(path: string): Promise<SourceSheet[]> {
  const file = basename(path);
  if (/\.csv$/i.test(path))
    return [{ file, sheet: '', rows: parseCsv(decodeCsv(readFileSync(path))) }];
  if (!/\.xlsx$/i.test(path)) throw new Error(`unexpected source file type: ${file}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text.trim();
      });
      rows[number - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { file, sheet: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** Headers that name a person; only «ФИО» columns are expected in the demo. */
const PERSON_HEADER = /фио|фамилия|отчество|(^|[^а-яё])имя([^а-яё]|$)/i;
const FIO_HEADER = /(^|[^а-яё])фио([^а-яё]|$)/i;

/** Every «ФИО» column of a sheet (a header cell anywhere), with the non-empty values below it. */
function nameColumns(sheet: SourceSheet): NameColumn[] {
  const found: NameColumn[] = [];
  sheet.rows.forEach((cells, headerRow) =>
    cells.forEach((header, column) => {
      if (!FIO_HEADER.test(header)) return;
      const values = sheet.rows
        .slice(headerRow + 1)
        .map((r) => r[column] ?? '')
        .filter((v) => v !== '');
      found.push({ file: sheet.file, sheet: sheet.sheet, header, headerRow, column, values });
    }),
  );
  return found;
}

/** How names are compared: lower case, ё as е, single spaces, none after a dot («И. О.»). */
const fold = (text: string) =>
  text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/\. /g, '.').trim();

type PatternKind = 'full name' | 'surname and name' | 'surname and initials' | 'secret';
interface Pattern {
  pattern: string;
  kind: PatternKind;
}

/** What to look for from one full name: itself, «Фамилия Имя» and «Фамилия И.О.». */
function namePatterns(fullName: string): Pattern[] {
  const words = fold(fullName).split(' ');
  const patterns: Pattern[] = [{ pattern: words.join(' '), kind: 'full name' }];
  if (words.length >= 2) {
    patterns.push({ pattern: `${words[0]} ${words[1]}`, kind: 'surname and name' });
    const initials = words
      .slice(1)
      .map((w) => `${w[0]}.`)
      .join('');
    patterns.push({ pattern: `${words[0]} ${initials}`, kind: 'surname and initials' });
  }
  return patterns;
}

// ---------------------------------------------------------------------------------------------
// Store scanner

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Column types that cannot hold a name; anything else is cast to text and scanned. */
const NON_TEXT_TYPE =
  /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|DATE|TIME|TIMESTAMP|TIMESTAMP WITH TIME ZONE|INTERVAL|UUID)(\[\])*$/;

interface ScannedColumn {
  schema: string;
  table: string;
  column: string;
  type: string;
  kind: 'table' | 'view';
}

interface Finding {
  table: string;
  column: string;
  value: string;
  pattern: string;
  kind: PatternKind;
  equal: boolean;
}

interface ScanResult {
  tables: number;
  views: number;
  scanned: ScannedColumn[];
  skipped: ScannedColumn[];
  distinctCells: number;
  findings: Finding[];
}

/** Every column of every persistent table and view of the store's own database. */
async function storeColumns(store: Store): Promise<ScannedColumn[]> {
  return store.all<ScannedColumn>(
    `WITH rel AS (
       SELECT schema_name, table_name, 'table' AS kind FROM duckdb_tables()
       WHERE database_name = current_database() AND NOT temporary
       UNION ALL
       SELECT schema_name, view_name, 'view' FROM duckdb_views()
       WHERE database_name = current_database() AND NOT temporary AND NOT internal)
     SELECT c.schema_name AS schema, c.table_name AS "table", c.column_name AS "column",
            c.data_type AS type, rel.kind
     FROM duckdb_columns() c
     JOIN rel ON rel.schema_name = c.schema_name AND rel.table_name = c.table_name
     WHERE c.database_name = current_database() AND NOT c.internal
     ORDER BY rel.kind, c.table_name, c.column_index`,
  );
}

/**
 * Looks for the patterns (already folded) in every text-bearing cell of the store. Each
 * column's distinct values are folded the same way and joined to the patterns with contains().
 */
async function scanStore(store: Store, patterns: readonly Pattern[]): Promise<ScanResult> {
  await store.run('CREATE OR REPLACE TEMP TABLE pd_pattern (pattern VARCHAR, kind VARCHAR)');
  await store.run(
    'INSERT INTO pd_pattern SELECT unnest($patterns::VARCHAR[]), unnest($kinds::VARCHAR[])',
    {
      patterns: listValue(patterns.map((p) => p.pattern)),
      kinds: listValue(patterns.map((p) => p.kind)),
    },
  );
  const columns = await storeColumns(store);
  const scanned = columns.filter((c) => !NON_TEXT_TYPE.test(c.type));
  const findings: Finding[] = [];
  let distinctCells = 0;
  for (const c of scanned) {
    const [row] = await store.all<{ cells: number; hits: Omit<Finding, 'table' | 'column'>[] }>(
      `WITH cells AS (
         SELECT DISTINCT CAST(${ident(c.column)} AS VARCHAR) AS value
         FROM ${ident(c.schema)}.${ident(c.table)}
         WHERE ${ident(c.column)} IS NOT NULL),
       folded AS (
         SELECT value,
                trim(replace(regexp_replace(replace(lower(value), 'ё', 'е'), '\\s+', ' ', 'g'),
                             '. ', '.')) AS f
         FROM cells),
       hits AS (
         SELECT value, pattern, kind, f = pattern AS equal FROM folded
         JOIN pd_pattern ON contains(f, pattern) LIMIT 50)
       SELECT (SELECT count(*) FROM cells)::INTEGER AS cells,
              (SELECT coalesce(list(hits), []) FROM hits) AS hits`,
    );
    distinctCells += row!.cells;
    for (const hit of row!.hits) findings.push({ table: c.table, column: c.column, ...hit });
  }
  await store.run('DROP TABLE pd_pattern');
  return {
    tables: new Set(columns.filter((c) => c.kind === 'table').map((c) => c.table)).size,
    views: new Set(columns.filter((c) => c.kind === 'view').map((c) => c.table)).size,
    scanned,
    skipped: columns.filter((c) => NON_TEXT_TYPE.test(c.type)),
    distinctCells,
    findings,
  };
}

/** Findings as short lines, so a failure names the table, the column and the value. */
const describeFindings = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.table}.${f.column} = «${f.value}» (${f.kind} «${f.pattern}»)`);

// ---------------------------------------------------------------------------------------------
// Tests

const HEX_KEY = /^[0-9a-f]{16}$/;

describe('personal data never reaches the store', () => {
  let sourceDir: string;
  const sheets: SourceSheet[] = [];
  let columns: NameColumn[] = [];
  const pupilNames = new Set<string>();
  const teacherNames = new Set<string>();
  /** Teacher rows of the sources: year, school login, name. */
  const teacherRows: { year: number; login: string; name: string }[] = [];
  let scan: ScanResult;

  beforeAll(async () => {
    // The demo files, written where only this test reads them (data/demo/ may be rewritten by
    // another run); the generator is deterministic, and the hashes are checked below.
    sourceDir = mkdtempSync(join(tmpdir(), 'mko-pd-sources-'));
    const paths = await generateDemo(sourceDir);
    const imported = await t.store.all<{ file_name: string; file_sha256: string }>(
      'SELECT file_name, file_sha256 FROM import_batch ORDER BY file_name',
    );
    const written = paths
      .map((p) => ({
        file_name: basename(p),
        file_sha256: createHash('sha256').update(readFileSync(p)).digest('hex'),
      }))
      .sort((a, b) => (a.file_name < b.file_name ? -1 : a.file_name > b.file_name ? 1 : 0));
    expect(written, 'the files read here are the very files the store was built from').toEqual(
      imported,
    );

    for (const path of paths) sheets.push(...(await readSource(path)));
    columns = sheets.flatMap(nameColumns);
    for (const c of columns) {
      const target = /педагог|учител/i.test(c.header) ? teacherNames : pupilNames;
      for (const v of c.values) target.add(v);
    }
    for (const c of columns.filter((c) => /педагог/i.test(c.header))) {
      const header = sheets.find((s) => s.file === c.file && s.sheet === c.sheet)!.rows[
        c.headerRow
      ]!;
      const yearCol = header.findIndex((h) => /учебный год/i.test(h));
      const loginCol = header.findIndex((h) => /логин/i.test(h));
      expect(yearCol, c.file).toBeGreaterThanOrEqual(0);
      expect(loginCol, c.file).toBeGreaterThanOrEqual(0);
      const rows = sheets.find((s) => s.file === c.file && s.sheet === c.sheet)!.rows;
      for (const r of rows.slice(c.headerRow + 1))
        if ((r[c.column] ?? '') !== '')
          teacherRows.push({
            year: parseSchoolYear(r[yearCol] ?? '')!,
            login: r[loginCol]!,
            name: r[c.column]!,
          });
    }

    const started = performance.now();
    const patterns = new Map<string, Pattern>();
    for (const name of [...pupilNames, ...teacherNames])
      for (const p of namePatterns(name)) if (!patterns.has(p.pattern)) patterns.set(p.pattern, p);
    scan = await scanStore(t.store, [...patterns.values()]);
    console.log(
      `personal data scan: ${pupilNames.size} pupil and ${teacherNames.size} teacher names ` +
        `(${patterns.size} patterns) from ${columns.length} ФИО columns of ` +
        `${new Set(columns.map((c) => c.file)).size} of ${paths.length} files; ` +
        `${scan.tables} tables, ${scan.views} views, ${scan.scanned.length} text columns ` +
        `(${scan.distinctCells} distinct cells) in ${Math.round(performance.now() - started)} ms`,
    );
  });

  afterAll(() => rmSync(sourceDir, { recursive: true, force: true }));

  it('finds many pupil and teacher names in the sources (the scan has something to find)', () => {
    const headers = new Set(columns.map((c) => c.header));
    expect([...headers].sort()).toEqual(['ФИО педагога', 'ФИО участника']);
    // ОГЭ lists of five years and teacher diagnostics of three.
    expect(new Set(columns.map((c) => c.file)).size).toBe(8);
    expect(pupilNames.size).toBeGreaterThan(500);
    expect(teacherNames.size).toBeGreaterThan(200);
    for (const name of [...pupilNames, ...teacherNames])
      expect(name).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
  });

  it('has no other column naming a person in the sources (Фамилия, Имя, Отчество)', () => {
    const personHeaders = sheets.flatMap((s) =>
      s.rows.flatMap((r) => r.filter((h) => PERSON_HEADER.test(h) && !FIO_HEADER.test(h))),
    );
    expect(personHeaders).toEqual([]);
  });

  it('scans every table and every text column of the store', () => {
    expect(scan.tables).toBeGreaterThan(40);
    expect(scan.scanned.length).toBeGreaterThan(150);
    for (const table of ['raw_gia_participant', 'raw_teacher_diag', 'import_log', 'risk_flags'])
      expect(scan.scanned.map((c) => c.table)).toContain(table);
    // Nested and JSON columns are scanned as text.
    expect(scan.scanned.some((c) => c.type.includes('STRUCT'))).toBe(true);
    expect(scan.scanned.some((c) => c.type === 'JSON')).toBe(true);
    expect(scan.skipped.every((c) => NON_TEXT_TYPE.test(c.type))).toBe(true);
  });

  it('stores no name, whole or in part, in any cell', () => {
    expect(describeFindings(scan.findings)).toEqual([]);
  });

  it('keeps the hash secret out of the store', async () => {
    const salt = readFileSync(saltPath(), 'utf8').trim();
    const result = await scanStore(t.store, [{ pattern: fold(salt), kind: 'secret' }]);
    expect(describeFindings(result.findings)).toEqual([]);
  });

  it('stores teachers as keyed hashes: one per teacher and school, the same every year', async () => {
    const stored = await t.store.all<{ key: string; school_id: string; years: number[] }>(
      `SELECT teacher_key AS key, any_value(school_id) AS school_id,
              list_sort(list(DISTINCT year)) AS years
       FROM raw_teacher_diag GROUP BY teacher_key ORDER BY teacher_key`,
    );
    for (const s of stored) expect(s.key).toMatch(HEX_KEY);

    // One key per distinct (school, name) of the sources: no merging, no splitting.
    const people = new Map<string, { login: string; name: string; years: Set<number> }>();
    for (const r of teacherRows) {
      const id = `${r.login}|${r.name}`;
      const p = people.get(id) ?? { login: r.login, name: r.name, years: new Set<number>() };
      p.years.add(r.year);
      people.set(id, p);
    }
    expect(people.size).toBeGreaterThan(200);
    expect(stored.length).toBe(people.size);
    expect(people.size).toBeGreaterThanOrEqual(teacherNames.size);

    // The same keys the importer makes with the secret kept next to the store: a teacher keeps
    // one key across the years, so results stay comparable.
    const salt = readFileSync(saltPath(), 'utf8').trim();
    const expected = [...people.values()]
      .map((p) => ({
        key: teacherKey(salt, p.login, p.name),
        school_id: p.login,
        years: [...p.years].sort((a, b) => a - b),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(stored.map(({ key, school_id, years }) => ({ key, school_id, years }))).toEqual(
      expected,
    );

    // Keyed, not a plain hash of the name that anyone could recompute from a list of names.
    const storedKeys = new Set(stored.map((s) => s.key));
    for (const p of people.values())
      for (const plain of [p.name, `${p.login}|${p.name}`, `${p.login}|${fold(p.name)}`]) {
        for (const algorithm of ['sha256', 'md5', 'sha1'])
          expect(
            storedKeys.has(createHash(algorithm).update(plain).digest('hex').slice(0, 16)),
          ).toBe(false);
      }
    // And no key holds a name (already covered by the scan, stated here for the key itself).
    const folded = [...teacherNames].map(fold);
    for (const s of stored) expect(folded.some((n) => fold(s.key).includes(n))).toBe(false);
  });

  it('negative control: the scanner reports names planted in a store, with table and column', async () => {
    const names = [...teacherNames].sort();
    const withYo = names.find((n) => n.includes('ё')) ?? names[0]!;
    const [exact, partial] = names.filter((n) => n !== withYo);
    const control = await tempStore();
    try {
      const patterns = [...new Set([exact!, partial!, withYo])].flatMap(namePatterns);
      expect(describeFindings((await scanStore(control.store, patterns)).findings)).toEqual([]);

      // A whole name as a value; «Фамилия Имя» and «Фамилия И.О.» inside longer texts; an
      // upper-case name with ё written as е, seen through a view and in a LIST of STRUCT column.
      const [surname, first, patronymic] = partial!.split(' ');
      await insertRows(control.store, 'raw_teacher_diag', [
        {
          year: 2026,
          school_id: 'sch000001',
          teacher_key: exact!,
          subject: `Математика (${surname} ${first})`,
          level_raw: `проверил ${surname} ${first![0]}. ${patronymic![0]}.`,
          area: 'Предметная',
          level: 'средний',
        },
      ]);
      await insertRows(control.store, 'import_log', [
        {
          log_id: 1,
          file_name: 'f.csv',
          file_sha256: '0',
          outcome: 'loaded',
          rows_count: 1,
          message: withYo.toUpperCase().replace(/Ё/g, 'Е'),
          imported_by: 'тест',
          imported_at: '2026-01-01 00:00:00',
        },
      ]);
      await control.store.run(
        `CREATE VIEW pd_control_view AS SELECT 'Отчёт: ' || message AS caption FROM import_log;
         CREATE TABLE pd_control_nested AS
           SELECT [{'label': message, 'n': 1}] AS items FROM import_log`,
      );
      const result = await scanStore(control.store, patterns);
      expect(result.views).toBe(1);
      const hits = result.findings
        .map((f) => `${f.table}.${f.column} ${f.kind}${f.equal ? ' (equal)' : ''}`)
        .sort();
      expect([...new Set(hits)]).toEqual(
        [
          'import_log.message full name (equal)',
          'import_log.message surname and name',
          'pd_control_nested.items full name',
          'pd_control_nested.items surname and name',
          'pd_control_view.caption full name',
          'pd_control_view.caption surname and name',
          'raw_teacher_diag.level_raw surname and initials',
          'raw_teacher_diag.subject surname and name',
          'raw_teacher_diag.teacher_key full name (equal)',
          'raw_teacher_diag.teacher_key surname and name',
        ].sort(),
      );
      expect(result.findings.find((f) => f.table === 'raw_teacher_diag' && f.equal)?.value).toBe(
        exact,
      );
    } finally {
      control.dispose();
    }
  });
});

/** Where the importer kept the teacher-key secret of the demo store (see ingest/import.ts). */
function saltPath(): string {
  const path = process.env.TEACHER_SALT_PATH ?? `${DEMO_STORE}.teacher-salt`;
  expect(existsSync(path), path).toBe(true);
  return path;
}
