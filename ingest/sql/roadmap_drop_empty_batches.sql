-- Road map batches left without measures (a newer version replaced them) leave the history.
DELETE FROM import_batch
WHERE dataset = 'roadmap'
  AND batch_id NOT IN (SELECT batch_id FROM roadmap_measure WHERE batch_id IS NOT NULL);
