-- District page: every school's indicators for one procedure × year × subject × grade, and the
-- district / region / RF rows; each school with last year's key share, its key share in every
-- year (the sparkline; the district and region rows have theirs too) and the clusters of the
-- year's working list it is on, with the computed mark of non-objective results (a sign the
-- methodology finds, never a list of its own).
WITH listed AS (
  SELECT school_id, cluster FROM working_list WHERE year = $year
  UNION
  SELECT school_id, cluster FROM risk_flags
  WHERE year = $year AND triggered AND cluster = 'Необъективность'
),
flags AS (
  SELECT school_id, list(cluster ORDER BY cluster) AS clusters FROM listed GROUP BY school_id
)
SELECT r.level, r.school_id, s.short_name, s.school_type, s.is_rural,
       r.participants_count, r.uspevaemost_pct, r.kachestvo_pct, r.avg_mark,
       r.dolya2_pct, r.dolya5_pct, r.avg_test_score, r.below_min_pct, r.high_band_pct,
       r.score_100_count, r.key_count, r.key_pct, r.is_small_n,
       r.prev_key_pct, r.prev_participants_count, r.history, coalesce(f.clusters, []) AS clusters
FROM ind_results AS r
LEFT JOIN school AS s USING (school_id)
-- only school rows have a school_id, so only they meet a flag
LEFT JOIN flags AS f ON f.school_id = r.school_id
WHERE r.procedure = $procedure AND r.subject = $subject
  AND (r.grade = $grade OR (r.grade IS NULL AND $grade IS NULL))
  AND r.year = $year
ORDER BY CASE r.level WHEN 'school' THEN 0 WHEN 'district' THEN 1 WHEN 'region' THEN 2 ELSE 3 END,
         s.short_name;
