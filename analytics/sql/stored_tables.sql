-- The store's own tables (no temp tables, nothing of an attached database), by name.
SELECT table_name FROM duckdb_tables()
WHERE database_name = current_database() AND NOT temporary
ORDER BY table_name;
