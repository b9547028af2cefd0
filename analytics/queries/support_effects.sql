-- The effect of support on each school of the risk clusters' working list of $year.
SELECT list_year, base_year, cluster, cluster_title, school_id, short_name, source,
  indicator_title, higher_is_better, base_count, base_n, base_pct, count, n, pct, change_pp, change_significant,
  verdict, list_filter(series, lambda x: x.year > list_year) AS later, mentors, outcome,
  outcome_basis, next_clusters
FROM support_effects
WHERE list_year = $year AND ($school IS NULL OR school_id = $school)
ORDER BY cluster, short_name;
