-- Every import attempt, newest first: file, dataset, outcome, rows, first error, who, when.
SELECT
  log_id,
  file_name,
  file_sha256,
  dataset,
  outcome,
  rows_count,
  message,
  imported_by,
  strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at
FROM import_log
ORDER BY log_id DESC
LIMIT 500;
