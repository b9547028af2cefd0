-- Raw and reference tables written by the importer. Models in analytics/ read these.
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

-- ВПР mark counts per group row: schools, and the municipality / region / RF benchmarks.
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
