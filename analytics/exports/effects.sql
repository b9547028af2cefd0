-- Export «effects»: the effect of support on each school of a risk cluster's working list
-- (analytics/models/support_effects.sql): the key indicator in the base year and the support
-- year, the change and its significance, the later years, and where the school went next. The
-- school's name as the registry has it now.
SELECT e.list_year AS year, e.base_year, e.cluster, e.school_id, s.short_name, e.source,
  e.indicator_title AS indicator, e.base_count, e.base_n, e.base_pct, e.count AS measured_count,
  e.n AS measured_n, e.pct AS measured_pct, e.change_pp, e.change_significant, e.verdict,
  array_to_string(list_transform(list_filter(e.series, lambda x: x.year > e.list_year),
    lambda x: ru_school_year(x.year) || ': ' || ru_num(x.pct, 1) || ' % (' || x.count || ' из '
      || x.n || ')'), '; ') AS later_years,
  -- a school's own export names no other school: no mentor
  CASE WHEN $school IS NULL THEN array_to_string(e.mentors, ', ') END AS mentors,
  e.outcome, e.outcome_basis, array_to_string(e.next_clusters, ', ') AS next_clusters
FROM support_effects AS e
JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR e.list_year = $year)
  AND ($school IS NULL OR e.school_id = $school)
ORDER BY e.list_year, e.cluster, s.short_name;
