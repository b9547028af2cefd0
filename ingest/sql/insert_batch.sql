-- The batch row of a loaded file; its id tags every row the file brings.
INSERT INTO import_batch (dataset, format, file_name, file_sha256, years, rows_count, is_demo, imported_by, imported_at)
VALUES ($dataset, $format, $name, $sha, $years, $rows, $demo, $user, now()::TIMESTAMP) RETURNING batch_id;
