-- The earlier batch of the same file (same SHA-256) and dataset, if any.
SELECT batch_id FROM import_batch WHERE file_sha256 = $sha AND dataset = $dataset;
