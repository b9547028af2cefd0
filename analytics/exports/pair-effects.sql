-- Export «pair-effects»: each mentee school before and after its network pair began
-- (analytics/models/pair_effects.sql), beside comparable schools without a pair.
SELECT after_year AS year, before_year AS base_year, school_id, short_name,
  array_to_string(mentors, ', ') AS mentors, cluster, indicator_title AS indicator,
  before_count AS base_count, before_n AS base_n, before_pct AS base_pct,
  after_count AS measured_count, after_n AS measured_n, after_pct AS measured_pct,
  change_pp, significant AS change_significant, verdict,
  peer_schools, peer_before_pct, peer_after_pct, peer_change_pp, peer_verdict, difference_pp
FROM pair_effects
WHERE ($year IS NULL OR after_year = $year)
  AND ($school IS NULL OR school_id = $school)
ORDER BY after_year, short_name;
