-- The road-map measures of $year that serve school $school_id, in the document's order, with how
-- they reach it (named, its cluster, the whole working list).
SELECT measure_id, title, term, strftime(deadline, '%Y-%m-%d') AS deadline, status,
  strftime(status_on, '%Y-%m-%d') AS status_on, via
FROM roadmap_reach
WHERE year = $year AND school_id = $school_id
ORDER BY position, measure_id;
