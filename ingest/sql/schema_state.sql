-- How far the store's schema is: whether it records versions (schema_version), and whether it
-- has the importer's tables (import_batch) — a store without the first but with the second was
-- made before versions were recorded (release 15f8ca6 and earlier).
SELECT
  coalesce(bool_or(table_name = 'schema_version'), false) AS versioned,
  coalesce(bool_or(table_name = 'import_batch'), false) AS has_tables
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main';
