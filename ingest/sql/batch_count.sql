-- The number of files stored (0 on a new store, which the server fills with the demo district).
SELECT count(*)::INTEGER AS n FROM import_batch;
