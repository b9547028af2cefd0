-- A row when the store has a table of that name (not a temp table).
SELECT 1 FROM duckdb_tables()
WHERE database_name = current_database() AND NOT temporary AND table_name = $name;
