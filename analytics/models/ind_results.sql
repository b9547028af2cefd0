-- ВПР, ОГЭ and ЕГЭ indicators in one shape, so pages filter by procedure: one row per
-- procedure × year × subject × grade (ВПР only) × level × school. The key share is what the
-- district page ranks and draws: доля «2» (ВПР, ОГЭ) or the share below the minimum score (ЕГЭ).
-- Each row carries its series across years (the sparkline) and last year's key share, made once
-- here rather than per request: at a country's size the district page would group 200 000 rows.
CREATE OR REPLACE TABLE ind_results AS
WITH results AS (
  SELECT 'ВПР' AS procedure, year, subject, grade, level, school_id, participants_count,
         uspevaemost_pct, kachestvo_pct, avg_mark, dolya2_pct, dolya5_pct,
         NULL::DOUBLE AS avg_test_score, NULL::DOUBLE AS below_min_pct,
         NULL::DOUBLE AS high_band_pct, NULL::INTEGER AS score_100_count,
         n2 AS key_count, dolya2_pct AS key_pct, is_small_n
  FROM ind_vpr
  UNION ALL
  SELECT exam, year, subject, NULL, level, school_id, participants_count,
         uspevaemost_pct, kachestvo_pct, avg_mark, dolya2_pct, NULL,
         avg_test_score, below_min_pct, high_band_pct, score_100_count,
         CASE WHEN exam = 'ЕГЭ' THEN below_min_count ELSE n2 END,
         CASE WHEN exam = 'ЕГЭ' THEN below_min_pct ELSE dolya2_pct END,
         is_small_n
  FROM ind_gia
),
-- a school's (or the district's) series of one procedure × subject × grade
series AS (
  -- list_sort orders the structs by their first field, the year (list(… ORDER BY year) is
  -- several times slower at a country's size)
  SELECT procedure, subject, coalesce(grade, 0) AS grade_key, level,
         coalesce(school_id, '') AS school_key,
         -- years whose key share is unknown (ЕГЭ without a scale) are gaps, not zeros
         list_filter(list_sort(list({'year': year, 'pct': key_pct, 'n': participants_count})),
                     h -> h.pct IS NOT NULL) AS history
  FROM results
  GROUP BY ALL
),
joined AS (
  SELECT r.*, s.history, list_filter(s.history, lambda h: h.year = r.year - 1)[1] AS prev
  FROM results AS r
  JOIN series AS s
    ON s.procedure = r.procedure AND s.subject = r.subject AND s.grade_key = coalesce(r.grade, 0)
    AND s.level = r.level AND s.school_key = coalesce(r.school_id, '')
)
SELECT * EXCLUDE (prev), prev.pct AS prev_key_pct, prev.n AS prev_participants_count
FROM joined
-- stored in the order pages ask for, so a selection reads a few row groups, not the table
ORDER BY procedure, subject, grade, year, level, school_id;
