-- Removes a batch left without rows from the history.
DELETE FROM import_batch WHERE batch_id = $id;
