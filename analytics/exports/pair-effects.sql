-- Export «pair-effects»: each mentee school before and after its network pair began
-- (analytics/models/pair_effects.sql), beside comparable schools without a pair.
SELECT e.after_year AS year, e.before_year AS base_year, e.school_id, s.short_name,
  -- a school's own export names no other school: no mentor
  CASE WHEN $school IS NULL THEN array_to_string(e.mentors, ', ') END AS mentors, e.cluster, e.indicator_title AS indicator,
  e.before_count AS base_count, e.before_n AS base_n, e.before_pct AS base_pct,
  e.after_count AS measured_count, e.after_n AS measured_n, e.after_pct AS measured_pct,
  e.change_pp, e.significant AS change_significant, e.verdict, e.peer_schools, e.peer_before_pct,
  e.peer_after_pct, e.peer_change_pp, e.peer_verdict, e.difference_pp
FROM pair_effects AS e
JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR e.after_year = $year)
  AND ($school IS NULL OR e.school_id = $school)
ORDER BY e.after_year, s.short_name;
