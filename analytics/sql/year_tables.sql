-- The tables and models with a year column, which a rebuild of some years shadows by temp views.
SELECT DISTINCT table_name FROM duckdb_columns()
WHERE database_name = current_database() AND column_name = 'year';
