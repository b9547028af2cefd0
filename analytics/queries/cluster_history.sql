-- Every cluster's working list by year: count, the year before, entered, left, stayed, exit rate.
SELECT cluster, cluster_title, year, prev_year, schools, prev_schools, entered, left_count,
  stayed, exit_pct, entered_names, left_names, stayed_names
FROM cluster_history
ORDER BY cluster, year;
