-- Removes the imported measures of a road map's year, before its new version is written.
DELETE FROM roadmap_measure WHERE year = $year AND batch_id IS NOT NULL;
