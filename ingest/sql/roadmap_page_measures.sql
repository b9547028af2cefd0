-- How many measures of a road map's year were added on the page (they stay when a new version loads).
SELECT count(*)::INTEGER AS n FROM roadmap_measure WHERE year = $year AND batch_id IS NULL;
