-- District page: every school's indicators for one procedure × year × subject × grade, and the
-- district / region / RF rows; each school with last year's key share, its key share in every
-- year (the sparkline; the district and region rows have theirs too) and the risk clusters it is flagged in that year.
WITH selected AS (
  SELECT * FROM ind_results
  WHERE procedure = $procedure AND subject = $subject
    AND (grade = $grade OR (grade IS NULL AND $grade IS NULL))
),
history AS (
  SELECT level, school_id,
         list({'year': year, 'pct': key_pct, 'n': participants_count} ORDER BY year) AS history
  FROM selected
  GROUP BY level, school_id
),
flags AS (
  SELECT school_id, list(cluster ORDER BY cluster) AS clusters
  FROM risk_flags
  WHERE year = $year AND triggered
  GROUP BY school_id
)
SELECT r.level, r.school_id, s.short_name, s.school_type, s.is_rural,
       r.participants_count, r.uspevaemost_pct, r.kachestvo_pct, r.avg_mark,
       r.dolya2_pct, r.dolya5_pct, r.avg_test_score, r.below_min_pct, r.high_band_pct,
       r.score_100_count, r.key_count, r.key_pct, r.is_small_n,
       prev.key_pct AS prev_key_pct, prev.participants_count AS prev_participants_count,
       coalesce(h.history, []) AS history, coalesce(f.clusters, []) AS clusters
FROM selected AS r
LEFT JOIN school AS s USING (school_id)
LEFT JOIN selected AS prev
  ON prev.level = r.level AND prev.school_id IS NOT DISTINCT FROM r.school_id
  AND prev.year = r.year - 1
LEFT JOIN history AS h ON h.level = r.level AND h.school_id IS NOT DISTINCT FROM r.school_id
LEFT JOIN flags AS f ON r.level = 'school' AND f.school_id = r.school_id
WHERE r.year = $year
ORDER BY CASE r.level WHEN 'school' THEN 0 WHEN 'district' THEN 1 WHEN 'region' THEN 2 ELSE 3 END,
         s.short_name;
