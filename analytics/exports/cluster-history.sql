-- Export «cluster-history»: each cluster's working list by year against the year before
-- (analytics/models/cluster_history.sql). The district's history: a school's own export is empty.
SELECT cluster, year, schools, prev_year, prev_schools, entered, left_count, stayed, exit_pct
FROM cluster_history
WHERE $school IS NULL
  AND ($year IS NULL OR year = $year)
ORDER BY cluster, year;
