/**
 * Every statement the code sends binds its parameters and runs: the named queries
 * (analytics/queries/*.sql), the analytics statements (analytics/sql/*.sql), the import path's
 * statements (ingest/sql/*.sql), and what each SQL builder builds (analytics/rebuild-sql.ts,
 * ingest/bulk/bulk-sql.ts, ingest/load-sql.ts, the server's pagesSql), run on a new store (or,
 * for the rebuild, on a store with models) with representative parameters. Each statement's `$names` must be exactly the
 * parameters given, so no value is ever spliced into SQL text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Params, Store } from '../../analytics/db.ts';
import { QUERY_NAMES, runQuery } from '../../analytics/queries.ts';
import * as analyticsStatements from '../../analytics/statements.ts';
import * as rebuildSql from '../../analytics/rebuild-sql.ts';
import { loadMethodology } from '../../analytics/methodology-file.ts';
import { importPaths } from '../../ingest/import.ts';
import { DATASETS, type ResultDataset } from '../../ingest/datasets.ts';
import { findHeader } from '../../ingest/header.ts';
import type { Format } from '../../ingest/formats/format.ts';
import { STATEMENT_NAMES, statementSql, type StatementName } from '../../ingest/statements.ts';
import * as bulkSql from '../../ingest/bulk/bulk-sql.ts';
import * as loadSql from '../../ingest/load-sql.ts';
import { MODELS } from '../../analytics/model-specs.ts';
import { pagesSql, type PageSpec } from '../../dashboard/server/table-page.ts';
import { tempStore, type TempStore } from '../helpers/store.ts';
import { writeRegistryFile, writeVprCsv } from '../helpers/fixtures.ts';

/** A store with the registry and a ВПР file; and one with nothing but the schema. */
let t: TempStore;
let fresh: TempStore;
beforeAll(async () => {
  [t, fresh] = await Promise.all([tempStore(), tempStore()]);
  await importPaths(t.store, [await writeRegistryFile(t.dir), writeVprCsv(t.dir)]);
});
afterAll(() => {
  t.dispose();
  fresh.dispose();
});

/** The `$names` of a statement, sorted. */
const parameterNames = (sql: string) =>
  [...new Set([...sql.matchAll(/\$([a-z_0-9]+)/gi)].map((m) => m[1]!))].sort();

/** Expects the statement to use exactly the given parameters, then runs it. */
async function runBound(store: Store, sql: string, params?: Params): Promise<void> {
  expect(parameterNames(sql), sql).toEqual(Object.keys(params ?? {}).sort());
  await store.run(sql, params);
}

/** Expects the statement to use exactly the given parameters, then returns its rows. */
async function rowsBound(store: Store, sql: string, params?: Params) {
  expect(parameterNames(sql), sql).toEqual(Object.keys(params ?? {}).sort());
  return store.all(sql, params);
}

/** The exported builders of a module: its functions named …Sql. */
const builderNames = (module: object) =>
  Object.entries(module)
    .filter(([name, value]) => typeof value === 'function' && name.endsWith('Sql'))
    .map(([name]) => name)
    .sort();

/**
 * Runs every bulk builder for a format, as the bulk path does: a CSV file of the format's header
 * and example row staged (both reader modes), the field tables, the bad rows, bulk_parsed, the
 * repeats and the insert under batch 1. Leaves the temp tables for the statements after it.
 */
async function runBulkBuilders(store: Store, dir: string, format: Format): Promise<void> {
  const layout = format.layout!;
  const dataset = format.dataset as ResultDataset;
  const captions = layout.columns.map((c) => c.names[0]!);
  const path = join(dir, `${format.id}.csv`);
  writeFileSync(path, [captions, format.example!].map((row) => row.join(';')).join('\n') + '\n');
  const header = findHeader({ name: 'лист', rows: [captions] }, layout.columns)!;
  const staged = { layout, header };
  const stage = { width: captions.length, columns: header.columns };
  for (const parallel of [true, false])
    await runBound(store, bulkSql.stageSql(stage, parallel), { path, delim: ';', skip: 1 });
  for (const [index, field] of layout.fields.entries()) {
    await rowsBound(store, bulkSql.distinctValuesSql(staged, field));
    await runBound(store, bulkSql.fieldTableSql(staged, index));
  }
  await rowsBound(store, bulkSql.badRowsSql(staged, [...layout.fields.keys()]));
  for (const index of layout.fields.keys()) await runBound(store, bulkSql.dropBadValuesSql(index));
  const parsed = bulkSql.parsedSql(staged, dataset);
  await runBound(store, parsed.sql, parsed.params);
  await rowsBound(store, bulkSql.anyRepeatedSql(layout));
  await rowsBound(store, bulkSql.repeatedRowsSql(layout));
  await runBound(store, bulkSql.insertParsedSql(dataset), { batch: 1 });
}

describe('every statement binds and runs on the schema', () => {
  it('every named query', async () => {
    const params: Record<string, Record<string, string | number | null>> = {
      district_results: { year: 2025, procedure: 'ВПР', subject: 'Математика', grade: 5 },
      district_distribution: { year: 2025, procedure: 'ВПР', subject: 'Математика', grade: 5 },
      district_changes: { year: 2025 },
      cluster_changes: { year: 2025, list_max: null },
      cluster_history: {},
      cluster_span: { from: 2024, to: 2025 },
      school_cluster_years: { school_id: 'sch000001' },
      working_list: { year: 2025 },
      list_decisions: { year: 2025 },
      working_list_entry: { year: 2025, school_id: 'sch000001', cluster: 'ШПУН' },
      working_list_years: {},
      district_working_list: { year: 2025, list_max: 30 },
      school_working_list: { year: 2025, school_id: 'sch000001' },
      roadmap_years: {},
      roadmap_measures: { year: 2025, school_id: 'sch000001', today: '2025-06-01' },
      roadmap_measure: { id: 1 },
      roadmap_clusters: { year: 2025 },
      roadmap_schools: {},
      school_roadmap: { school_id: 'sch000001', today: '2025-06-01' },
      risk_school_count: { year: 2025, leader_cluster: 'ШЛ' },
      school_card: { school_id: 'sch000001' },
      effect_years: {},
      support_effects: { year: 2025, school: null },
      support_effect_summary: { year: 2025 },
      pair_effects: { year: 2025, school: 'sch000001' },
      list_proposal: { year: 2025 },
      briefing_school_roadmap: { year: 2025, school_id: 'sch000001' },
      briefing_pairs_year: { year: 2025 },
      pairs: { year: null },
      pair_years: {},
      school_pairs: { school_id: 'sch000001' },
      school_results: { school_id: 'sch000001' },
      school_task_deficits: { school_id: 'sch000001' },
      school_fg: { school_id: 'sch000001' },
      school_teachers: { school_id: 'sch000001' },
      school_custom: { school_id: 'sch000001' },
      risk_flags: { year: 2025, school_id: 'sch000001', cluster: 'ШПУН' },
      cluster_comparison: { year: 2025 },
      triggered_flags: { year: 2025 },
      compare_years: {
        year_a: 2024,
        year_b: 2025,
        indicator: 'vpr_dolya2',
        topic: 'Математика',
        grade: 5,
      },
      compare_grid: {
        year: 2025,
        indicator: 'vpr_dolya2',
        topic: 'Математика',
        grade: 5,
        list_max: 15,
      },
      compare_grid_schools: { year: 2025, indicator: 'vpr_dolya2', topic: 'Математика', grade: 5 },
      compare_grid_outside: { year: 2025, indicator: 'vpr_dolya2', topic: 'Математика', grade: 5 },
      deficits_vpr_tasks: { year: 2025, subject: 'Математика', grade: 5 },
      deficits_vpr_schools: { year: 2025, subject: 'Математика', grade: 5 },
      deficits_teachers: { year: 2025 },
      fg_district: { year: 2026 },
      fg_schools: { year: 2026, direction: 'Читательская грамотность', grade: 6 },
      fg_schools_summary: {
        year: 2026,
        direction: 'Читательская грамотность',
        grade: 6,
        own_school: null,
      },
      fg_trend: { direction: 'Читательская грамотность', grade: 6 },
      briefing_measured: { year: 2025, school_id: 'sch000001' },
      briefing_sources: { year: 2025 },
      briefing_district_shares: { year: 2025 },
      briefing_changes: { year: 2025, school_id: 'sch000001' },
      briefing_recurring_tasks: { year: 2025 },
      briefing_school_focus: { year: 2025, school_id: 'sch000001' },
      briefing_school_fg: { year: 2025, school_id: 'sch000001' },
      briefing_school_tasks: { year: 2025, school_id: 'sch000001' },
      briefing_schools: { year: 2025 },
      decision_lists: { year: 2025 },
    };
    for (const name of QUERY_NAMES) {
      const sql = readFileSync(
        new URL(`../../analytics/queries/${name}.sql`, import.meta.url),
        'utf8',
      );
      const used = [...new Set([...sql.matchAll(/\$([a-z_]+)/g)].map((m) => m[1]!))].sort();
      expect(used, name).toEqual(Object.keys(params[name] ?? {}).sort());
      await expect(runQuery(t.store, name, params[name])).resolves.toBeInstanceOf(Array);
    }
  });

  it('every statement of the import path (ingest/sql), in the order of STATEMENT_NAMES', async () => {
    const params: Partial<Record<StatementName, Params>> = {
      record_migration: { version: 1000, name: 'тест' },
      log_import: {
        file: 'отметки.csv',
        sha: 'ab12',
        dataset: 'vpr_marks',
        outcome: 'loaded',
        rows: 3,
        message: null,
        user: 'тест',
      },
      save_custom_mapping: { signature: 'подпись', set: 'Набор', json: '{}', user: 'тест' },
      insert_batch: {
        dataset: 'vpr_marks',
        format: 'vpr_marks_canonical',
        name: 'отметки.csv',
        sha: 'ab12',
        years: '2025',
        rows: 3,
        demo: false,
        user: 'тест',
      },
      batch_of_file: { sha: 'ab12', dataset: 'vpr_marks' },
      set_batch_rows: { n: 2, id: 1 },
      delete_batch: { id: 1 },
      school_short_name: { school: 'sch000001' },
      mark_models_pending: { year: 2025 },
      mark_demo_load: { finished: true },
      roadmap_imported: { year: 2024 },
      roadmap_page_measures: { year: 2024 },
      roadmap_delete_imported: { year: 2024 },
      roadmap_insert_measure: {
        id: null,
        year: 2024,
        section: 'Раздел',
        position: 1,
        number: '1.',
        title: 'Мероприятие',
        term: '15.09.',
        deadline: '2023-09-15',
        municipal: 'МИМС',
        school: null,
        result: null,
        document: null,
        serves: 'schools',
        cluster: null,
        schools: '["sch000001"]',
        status: 'запланировано',
        status_on: null,
        note: null,
        batch: 1,
        source_row: 9,
        user: 'тест',
      },
      roadmap_batch_rows: { id: 1 },
    };
    // parsed_facts and parsed_scopes read bulk_parsed, which the bulk builders make.
    await runBulkBuilders(fresh.store, fresh.dir, bulkSql.BULK_FORMATS[0]!);
    for (const name of STATEMENT_NAMES)
      await runBound(fresh.store, statementSql(name), params[name]);
  });

  it('every bulk builder, for every format the bulk path takes', async () => {
    expect(bulkSql.BULK_FORMATS.map((f) => f.id)).toEqual([
      'vpr_marks_canonical',
      'vpr_tasks_canonical',
    ]);
    for (const format of bulkSql.BULK_FORMATS) {
      await runBulkBuilders(fresh.store, fresh.dir, format);
      for (const drop of bulkSql.dropTempTablesSql(format.layout!))
        await runBound(fresh.store, drop);
    }
    // The builders above are all of them: a new one must be added here.
    expect(builderNames(bulkSql)).toEqual(
      [
        'anyRepeatedSql',
        'badRowsSql',
        'distinctValuesSql',
        'dropBadValuesSql',
        'dropTempTablesSql',
        'fieldTableSql',
        'insertParsedSql',
        'parsedSql',
        'repeatedRowsSql',
        'stageSql',
      ].sort(),
    );
  });

  it('the bulk builders refuse a layout or a column outside the bulk formats', () => {
    const layout = { ...bulkSql.BULK_FORMATS[0]!.layout! };
    expect(() => bulkSql.anyRepeatedSql(layout)).toThrow(/BULK_FORMATS/);
    expect(() => bulkSql.stageSql({ width: 1, columns: new Map([['x"; DROP', 0]]) }, true)).toThrow(
      /layout columns/,
    );
  });

  it('every loader builder, for every dataset', async () => {
    await runBound(fresh.store, statementSql('stage_scopes'));
    for (const dataset of Object.keys(DATASETS) as ResultDataset[]) {
      await rowsBound(fresh.store, loadSql.batchRowsSql(dataset), { id: 1 });
      await rowsBound(fresh.store, loadSql.yearStoredSql(dataset), { year: 2025 });
      await rowsBound(fresh.store, loadSql.overlappingFilesSql(dataset));
      await rowsBound(fresh.store, loadSql.touchedBatchesSql(dataset));
      for (const remove of loadSql.removeScopesSql(dataset)) await runBound(fresh.store, remove);
    }
    expect(builderNames(loadSql)).toEqual(
      [
        'batchRowsSql',
        'overlappingFilesSql',
        'removeScopesSql',
        'touchedBatchesSql',
        'yearStoredSql',
      ].sort(),
    );
  });

  it('the pages builder, over a named query, with totals, search and a page', async () => {
    const spec: PageSpec = {
      sort: { school: 'lower(short_name)' },
      search: ['short_name', 'school_id'],
      order: 'school_id',
      totals: { urban: 'count(*) FILTER (WHERE NOT is_rural)' },
    };
    const all = { sort: undefined, dir: 'asc' as const, offset: 0 };
    const statement = pagesSql('school_list', {}, [
      { spec, page: { ...all, sort: 'school', limit: 2, offset: 0, q: 'СОШ' } },
      { spec: { ...spec, totals: undefined }, page: all },
    ])!;
    const rows = (await rowsBound(t.store, statement.sql, statement.params)) as {
      page_part: number;
      page_total: number;
      page_totals: unknown;
      school_id: string;
    }[];
    // The registry has three schools; the search «СОШ» finds one, «СОШ № 1», an urban school.
    expect(rows.map((r) => [r.page_part, r.page_total, r.page_totals, r.school_id])).toEqual([
      [0, 1, { urban: 1 }, 'sch000001'],
      [1, 3, null, 'sch000001'],
      [1, 3, null, 'sch000002'],
      [1, 3, null, 'sch000003'],
    ]);
    expect(pagesSql('school_list', {}, [{ spec, page: { ...all, sort: 'нет' } }])).toBeUndefined();
  });

  it('every analytics statement (analytics/sql), in the order of STATEMENT_NAMES', async () => {
    const params: Partial<Record<analyticsStatements.StatementName, Params>> = {
      store_methodology_revision: {
        version: '2025.1',
        body: JSON.stringify(loadMethodology()),
        user: 'тест',
      },
      insert_cluster_rule: {
        cluster: 'ШПУН',
        title: 'Школа с признаками',
        rule: 'fail_share',
        version: '1',
        is_default: true,
        from: 2025,
        until: null,
        params: '{"threshold": 10}',
      },
      insert_grid_indicator: { indicator: 'vpr_dolya2', status: '[10,20]', change: '[-5,5]' },
      table_exists: { name: 'school' },
      write_model_build: { fingerprint: 'ab12' },
      table_rows: { name: 'school' },
      insert_list_decision: {
        year: 2025,
        school_id: 'sch000001',
        cluster: 'ШПУН',
        action: 'add',
        reason: 'тест',
        basis: null,
        user: 'тест',
      },
      roadmap_section_end: { year: 2025, section: 'Раздел' },
      shift_roadmap_positions: { year: 2025, after: 0 },
      insert_roadmap_measure: {
        year: 2025,
        position: 1,
        section: 'Раздел',
        number: '1',
        title: 'Мероприятие',
        term: 'Май 2025 г',
        deadline: '2025-05-31',
        responsible_municipal: null,
        responsible_school: null,
        expected_result: null,
        confirming_document: null,
        serves: 'schools',
        serves_cluster: null,
        schools: '["sch000001"]',
        user: 'тест',
      },
      update_roadmap_measure: {
        id: 1,
        position: 1,
        section: 'Раздел',
        number: '1',
        title: 'Мероприятие',
        term: 'Июнь 2025 г',
        deadline: '2025-06-30',
        responsible_municipal: 'МИМС',
        responsible_school: null,
        expected_result: null,
        confirming_document: null,
        serves: 'list',
        serves_cluster: null,
        schools: null,
        user: 'тест',
      },
      set_roadmap_status: {
        id: 1,
        status: 'выполнено',
        on: '2025-06-01',
        note: null,
        user: 'тест',
      },
      delete_roadmap_measure: { id: 1 },
    };
    for (const name of analyticsStatements.STATEMENT_NAMES)
      await runBound(fresh.store, analyticsStatements.statementSql(name), params[name]);
    const row = (name: analyticsStatements.StatementName, given?: Params) =>
      analyticsStatements.statementRow(fresh.store, name, given);
    expect(await row('table_exists', { name: 'school' })).toEqual({ 1: 1 });
    expect(await row('table_exists', { name: 'нет_такой' })).toBeUndefined();
    expect(await row('model_build')).toEqual({ fingerprint: 'ab12' });
    expect(await row('methodology_revisions')).toMatchObject({ revision_id: 1, saved_by: 'тест' });
  });

  it('the rebuild builders, for a model of the same years and one of earlier years', async () => {
    const store = t.store;
    const count = async (model: string) =>
      (await store.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${model}`))!.n;
    const sql = analyticsStatements.statementSql;
    const { db } = (await rowsBound(store, sql('current_database')))[0] as { db: string };
    // 'same': stg_vpr_marks of 2025, through temp views of the ВПР tables it reads.
    const before = await count('stg_vpr_marks');
    const withYear = (await rowsBound(store, sql('year_tables'))) as {
      table_name: string;
    }[];
    const sources = withYear
      .map((r) => r.table_name)
      .filter((table) => MODELS.find((m) => m.name === 'stg_vpr_marks')!.dependsOn.includes(table))
      .sort();
    expect(sources).toEqual(['raw_vpr_marks', 'raw_vpr_participant']);
    await runBound(store, sql('create_rebuild_years'));
    await store.append('rebuild_years', [[2025]]);
    for (const table of sources) await runBound(store, rebuildSql.yearViewSql(db, table));
    await runBound(store, rebuildSql.deleteYearsSql(db, 'stg_vpr_marks'));
    const deleted = await count('stg_vpr_marks');
    await runBound(store, rebuildSql.insertYearsSql(db, 'stg_vpr_marks'));
    for (const table of sources) await runBound(store, rebuildSql.dropYearViewSql(table));
    // The ВПР file has 3 rows, all of 2025: deleted, then inserted again.
    expect([before, deleted, await count('stg_vpr_marks')]).toEqual([3, 0, 3]);
    // 'earlier': trend_shares from 2025 on.
    const trend = await count('trend_shares');
    await runBound(store, rebuildSql.deleteFromYearSql(db, 'trend_shares'), { from: 2025 });
    const trendDeleted = await count('trend_shares');
    await runBound(store, rebuildSql.insertFromYearSql(db, 'trend_shares'), { from: 2025 });
    expect(
      await rowsBound(store, rebuildSql.yearsFromSql(db, 'trend_shares'), { from: 2025 }),
    ).toEqual([{ year: 2025 }]);
    expect([trend, trendDeleted, await count('trend_shares')]).toEqual([8, 0, 8]);
    // The builders above are all of them: a new one must be added here.
    expect(builderNames(rebuildSql)).toEqual(
      [
        'deleteFromYearSql',
        'deleteYearsSql',
        'dropYearViewSql',
        'insertFromYearSql',
        'insertYearsSql',
        'yearViewSql',
        'yearsFromSql',
      ].sort(),
    );
  });

  it('the rebuild builders refuse a name outside MODELS and SOURCE_TABLES, or a model of the other kind', () => {
    expect(() => rebuildSql.yearViewSql('db', 'school; DROP TABLE school')).toThrow(
      /SOURCE_TABLES/,
    );
    expect(() => rebuildSql.deleteYearsSql('db', 'trend_shares')).toThrow(/'same'/);
    expect(() => rebuildSql.deleteFromYearSql('db', 'stg_vpr_marks')).toThrow(/'earlier'/);
    expect(() => rebuildSql.insertYearsSql('db', 'risk_flags')).toThrow(/'same'/);
  });
});
