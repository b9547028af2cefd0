-- One line of the import journal per attempt, whatever its outcome.
INSERT INTO import_log (file_name, file_sha256, dataset, outcome, rows_count, message, imported_by, imported_at)
VALUES ($file, $sha, $dataset, $outcome, $rows, $message, $user, now()::TIMESTAMP);
