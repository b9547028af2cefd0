-- The migrations a store has had (ingest/migrations/NNN-name.sql), one row each; its schema
-- version is the highest.
CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL,
  applied_at TIMESTAMP NOT NULL
);
