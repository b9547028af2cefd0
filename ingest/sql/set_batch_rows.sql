-- Keeps the row count of a batch that lost some of its rows honest.
UPDATE import_batch SET rows_count = $n WHERE batch_id = $id;
