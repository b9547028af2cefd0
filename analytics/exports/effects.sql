-- Export «effects»: the effect of support on each school of a risk cluster's working list
-- (analytics/models/support_effects.sql): the key indicator in the base year and the support
-- year, the change and its significance, the later years, and where the school went next.
SELECT list_year AS year, base_year, cluster, school_id, short_name, source,
  indicator_title AS indicator,
  base_count, base_n, base_pct, count AS measured_count, n AS measured_n, pct AS measured_pct,
  change_pp, change_significant, verdict,
  array_to_string(list_transform(list_filter(series, lambda x: x.year > list_year),
    lambda x: ru_school_year(x.year) || ': ' || ru_num(x.pct, 1) || ' % (' || x.count || ' из '
      || x.n || ')'), '; ') AS later_years,
  array_to_string(mentors, ', ') AS mentors,
  outcome, outcome_basis, array_to_string(next_clusters, ', ') AS next_clusters
FROM support_effects
WHERE ($year IS NULL OR list_year = $year)
  AND ($school IS NULL OR school_id = $school)
ORDER BY list_year, cluster, short_name;
