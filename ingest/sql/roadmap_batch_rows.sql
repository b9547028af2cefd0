-- The number of measures batch $id still has.
SELECT count(*)::INTEGER AS n FROM roadmap_measure WHERE batch_id = $id;
