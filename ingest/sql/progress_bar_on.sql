-- Lets the bulk path read DuckDB's progress of a statement, without printing it.
SET enable_progress_bar = true; SET enable_progress_bar_print = false;
