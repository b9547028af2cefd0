-- Deletes a measure added on the page; an imported one (with a batch) is never deleted here.
DELETE FROM roadmap_measure WHERE measure_id = $id AND batch_id IS NULL;
