-- Migration 1, the baseline: the raw and reference tables written by the importer (models in
-- analytics/ read these), as they were when schema versions began to be recorded.
--
-- Unlike later migrations, which run exactly once, this one is written to run on any store made
-- before versions were recorded (release 15f8ca6 and earlier, which have no schema_version table)
-- as well as on a new one: every table `IF NOT EXISTS`, every change guarded. The two statements
-- at the end bring such an older store's state forward.
CREATE SEQUENCE IF NOT EXISTS import_batch_id;

-- One row per file that was loaded: where every stored row came from.
CREATE TABLE IF NOT EXISTS import_batch (
  batch_id INTEGER PRIMARY KEY DEFAULT nextval('import_batch_id'),
  dataset VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,
  file_sha256 VARCHAR NOT NULL,
  years VARCHAR NOT NULL,
  rows_count INTEGER NOT NULL,
  is_demo BOOLEAN NOT NULL,
  imported_by VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS import_log_id;

-- Journal of every import attempt, including rejected and unchanged ones.
CREATE TABLE IF NOT EXISTS import_log (
  log_id INTEGER PRIMARY KEY DEFAULT nextval('import_log_id'),
  file_name VARCHAR NOT NULL,
  file_sha256 VARCHAR NOT NULL,
  dataset VARCHAR,
  outcome VARCHAR NOT NULL,
  rows_count INTEGER NOT NULL,
  message VARCHAR,
  imported_by VARCHAR NOT NULL,
  imported_at TIMESTAMP NOT NULL
);

-- School registry; school_id is the ФИС ОКО login, the stable join key across years.
CREATE TABLE IF NOT EXISTS school (
  school_id VARCHAR PRIMARY KEY,
  full_name VARCHAR NOT NULL,
  short_name VARCHAR NOT NULL,
  school_type VARCHAR NOT NULL,
  is_rural BOOLEAN,
  batch_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS school_alias (
  school_id VARCHAR NOT NULL,
  alias VARCHAR NOT NULL
);

-- Pupils enrolled per school and grade (from the registry), for the coverage of diagnostics.
-- year NULL: the figures hold for every year without figures of its own.
CREATE TABLE IF NOT EXISTS school_enrolment (
  school_id VARCHAR NOT NULL,
  year INTEGER,
  grade INTEGER NOT NULL,
  pupils INTEGER NOT NULL,
  batch_id INTEGER NOT NULL
);

-- Every raw table starts with batch_id (the file it came from) and ends with scope: the
-- slice of data a row belongs to (for example year|subject|grade|school). A later file with
-- rows in the same scope replaces the earlier rows only when replacement was asked for.
-- Benchmark rows (municipality, region, RF) have school_id NULL and level set.

-- ВПР «Статистика по отметкам»: mark counts per group row.
CREATE TABLE IF NOT EXISTS raw_vpr_marks (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  subject VARCHAR NOT NULL,
  grade INTEGER NOT NULL,
  level VARCHAR NOT NULL,
  school_id VARCHAR,
  group_name VARCHAR NOT NULL,
  schools_count INTEGER,
  participants INTEGER NOT NULL,
  n2 INTEGER NOT NULL,
  n3 INTEGER NOT NULL,
  n4 INTEGER NOT NULL,
  n5 INTEGER NOT NULL
);
-- Stores made before scopes existed get the column and its values.
ALTER TABLE raw_vpr_marks ADD COLUMN IF NOT EXISTS scope VARCHAR;
UPDATE raw_vpr_marks SET scope = concat_ws('|', year, subject, grade, coalesce(school_id, level))
WHERE scope IS NULL;

-- ВПР «Сравнение отметок с отметками по журналу»: pupils whose ВПР mark was below, equal to
-- or above their journal mark.
CREATE TABLE IF NOT EXISTS raw_vpr_journal (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  subject VARCHAR NOT NULL,
  grade INTEGER NOT NULL,
  level VARCHAR NOT NULL,
  school_id VARCHAR,
  group_name VARCHAR NOT NULL,
  participants INTEGER NOT NULL,
  n_lower INTEGER NOT NULL,
  n_same INTEGER NOT NULL,
  n_higher INTEGER NOT NULL,
  scope VARCHAR NOT NULL
);

-- ВПР «Выполнение заданий»: mean % completion of each task per group row.
CREATE TABLE IF NOT EXISTS raw_vpr_tasks (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  subject VARCHAR NOT NULL,
  grade INTEGER NOT NULL,
  level VARCHAR NOT NULL,
  school_id VARCHAR,
  group_name VARCHAR NOT NULL,
  participants INTEGER,
  task VARCHAR NOT NULL,
  max_score INTEGER NOT NULL,
  difficulty VARCHAR,
  completion_pct DOUBLE NOT NULL,
  scope VARCHAR NOT NULL
);

-- ВПР «Достижение планируемых результатов»: the checked skill of each task and its mean %
-- completion per group.
CREATE TABLE IF NOT EXISTS raw_vpr_planned (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  subject VARCHAR NOT NULL,
  grade INTEGER NOT NULL,
  level VARCHAR NOT NULL,
  school_id VARCHAR,
  group_name VARCHAR NOT NULL,
  participants INTEGER,
  task VARCHAR NOT NULL,
  skill VARCHAR NOT NULL,
  max_score INTEGER NOT NULL,
  difficulty VARCHAR,
  completion_pct DOUBLE NOT NULL,
  scope VARCHAR NOT NULL
);

-- ВПР «Индивидуальные результаты»: one row per participant (by code, never by name) and one
-- per participant × task.
CREATE TABLE IF NOT EXISTS raw_vpr_participant (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  subject VARCHAR NOT NULL,
  grade INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  participant_code VARCHAR NOT NULL,
  class_name VARCHAR,
  variant VARCHAR,
  primary_score INTEGER,
  mark INTEGER,
  journal_mark INTEGER,
  scope VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS raw_vpr_participant_task (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  subject VARCHAR NOT NULL,
  grade INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  participant_code VARCHAR NOT NULL,
  task VARCHAR NOT NULL,
  max_score INTEGER NOT NULL,
  difficulty VARCHAR,
  score INTEGER,
  scope VARCHAR NOT NULL
);

-- ОГЭ / ЕГЭ per participant (code only: ФИО columns are dropped before anything is stored).
CREATE TABLE IF NOT EXISTS raw_gia_participant (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  exam VARCHAR NOT NULL,
  subject VARCHAR NOT NULL,
  school_id VARCHAR NOT NULL,
  participant_code VARCHAR,
  primary_score INTEGER,
  test_score INTEGER,
  mark INTEGER,
  scope VARCHAR NOT NULL
);

-- ОГЭ / ЕГЭ per school × subject, as РЦОИ reports them.
CREATE TABLE IF NOT EXISTS raw_gia_school (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  exam VARCHAR NOT NULL,
  subject VARCHAR NOT NULL,
  school_id VARCHAR NOT NULL,
  participants INTEGER NOT NULL,
  mean_score DOUBLE,
  n_below_min INTEGER,
  n_81_99 INTEGER,
  n_100 INTEGER,
  n2 INTEGER,
  n3 INTEGER,
  n4 INTEGER,
  n5 INTEGER,
  scope VARCHAR NOT NULL
);

-- Grading scales loaded from files; they take precedence over the shipped defaults.
CREATE TABLE IF NOT EXISTS raw_grading_scale (
  batch_id INTEGER NOT NULL,
  exam VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  subject VARCHAR NOT NULL,
  grade INTEGER,
  max_primary INTEGER,
  min_score INTEGER,
  cut3 INTEGER,
  cut4 INTEGER,
  cut5 INTEGER,
  scope VARCHAR NOT NULL
);

-- Shipped default scales (docs/methodology.md §1.4, §5), rewritten at each start from the JSON.
CREATE TABLE IF NOT EXISTS seed_grading_scale (
  exam VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  subject VARCHAR NOT NULL,
  grade INTEGER,
  max_primary INTEGER,
  min_score INTEGER,
  cut3 INTEGER,
  cut4 INTEGER,
  cut5 INTEGER,
  source VARCHAR NOT NULL
);

-- ФГ per school × direction × grade: pupils at each level as delivered (level_raw) and the
-- canonical five-level label it maps to.
CREATE TABLE IF NOT EXISTS raw_fg_levels (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  direction VARCHAR NOT NULL,
  grade INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  level_raw VARCHAR NOT NULL,
  level VARCHAR NOT NULL,
  pupils INTEGER NOT NULL,
  scope VARCHAR NOT NULL
);

-- ФГ per participant (code only).
CREATE TABLE IF NOT EXISTS raw_fg_participant (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  direction VARCHAR NOT NULL,
  grade INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  participant_code VARCHAR,
  score_pct DOUBLE,
  level_raw VARCHAR,
  level VARCHAR NOT NULL,
  scope VARCHAR NOT NULL
);

-- Teacher diagnostics: the teacher is a salted hash, never a name.
CREATE TABLE IF NOT EXISTS raw_teacher_diag (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  teacher_key VARCHAR NOT NULL,
  subject VARCHAR,
  area VARCHAR NOT NULL,
  score_pct DOUBLE,
  level_raw VARCHAR,
  level VARCHAR,
  scope VARCHAR NOT NULL
);

-- Network pairs: a mentor school supports a school in difficulty.
CREATE TABLE IF NOT EXISTS raw_network_pair (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  mentor_school_id VARCHAR NOT NULL,
  mentee_school_id VARCHAR NOT NULL,
  kind VARCHAR,
  scope VARCHAR NOT NULL
);

-- The region's official cluster lists (ШНОР, ШФЗСОР, ШПУН, ШЛ…).
CREATE TABLE IF NOT EXISTS raw_official_cluster (
  batch_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  cluster VARCHAR NOT NULL,
  scope VARCHAR NOT NULL
);

-- A region's own per-school indicators, read with a column mapping the user saved once.
CREATE TABLE IF NOT EXISTS custom_mapping (
  signature VARCHAR PRIMARY KEY,
  set_name VARCHAR NOT NULL,
  mapping_json VARCHAR NOT NULL,
  saved_by VARCHAR NOT NULL,
  saved_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS raw_custom_indicator (
  batch_id INTEGER NOT NULL,
  set_name VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  school_id VARCHAR NOT NULL,
  indicator VARCHAR NOT NULL,
  value DOUBLE,
  scope VARCHAR NOT NULL
);

-- Methodology edits saved from the dashboard: every saved version is kept; the latest is in force
-- (before the first edit, the methodology file is).
CREATE TABLE IF NOT EXISTS methodology_revision (
  revision_id INTEGER PRIMARY KEY,
  version     VARCHAR NOT NULL,
  body        VARCHAR NOT NULL,
  saved_by    VARCHAR NOT NULL,
  saved_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- What the models still lack: written in the transaction that changes the rows (a year, or
-- NULL for every year), cleared by the rebuild that brings it in (analytics/rebuild.ts).
CREATE TABLE IF NOT EXISTS model_pending (year INTEGER, since TIMESTAMP NOT NULL);

-- The first start's demo load: false while it runs, true once every demo file is in.
CREATE TABLE IF NOT EXISTS demo_load (finished BOOLEAN NOT NULL);

-- A store made before demo_load existed whose demo files are in has finished its demo load: the
-- next start must not take it for an interrupted one (an empty demo_load table says nothing).
INSERT INTO demo_load
SELECT true
WHERE NOT EXISTS (SELECT * FROM demo_load) AND EXISTS (SELECT * FROM import_batch WHERE is_demo);

-- A store made before model_pending existed gets its models rebuilt once, whatever model_build
-- says: its version could be killed between a load and the load's rebuild (issue 22).
INSERT INTO model_pending
SELECT NULL, now()::TIMESTAMP
WHERE EXISTS (SELECT * FROM import_batch);
