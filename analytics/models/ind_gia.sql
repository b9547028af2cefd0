-- ОГЭ / ЕГЭ indicators (docs/methodology.md §5) per school and for the district (sums of counts).
-- Per-participant lists are counted; per-school totals are used where no list was loaded for
-- the same school, exam and subject. ЕГЭ «below the minimum» uses the scale's minimum score;
-- the high band starts at the methodology's ege_high_from (default 81). Without a scale for the
-- exam, year and subject, «below the minimum» is unknown (NULL), not 0: nobody can be below a
-- minimum no one knows. The district's count is unknown when any school's is.
CREATE OR REPLACE TABLE ind_gia AS
WITH counted AS (
  SELECT p.year, p.exam, p.subject, p.school_id,
    count(*) AS n,
    count(p.mark) AS n_marked,
    count(*) FILTER (WHERE p.mark = 2) AS n2,
    count(*) FILTER (WHERE p.mark = 3) AS n3,
    count(*) FILTER (WHERE p.mark = 4) AS n4,
    count(*) FILTER (WHERE p.mark = 5) AS n5,
    count(p.test_score) AS n_scored,
    sum(p.test_score) AS score_sum,
    CASE WHEN any_value(r.min_score) IS NOT NULL
      THEN count(*) FILTER (WHERE p.test_score < r.min_score) END AS n_below_min,
    count(*) FILTER (WHERE p.test_score >= m.ege_high_from AND p.test_score < 100) AS n_high,
    count(*) FILTER (WHERE p.test_score = 100) AS n_100,
    sum(p.primary_score) AS primary_sum,
    count(p.primary_score) AS n_primary
  FROM raw_gia_participant AS p
  CROSS JOIN methodology_setting AS m
  LEFT JOIN (
    SELECT exam, year, subject, max(min_score) AS min_score
    FROM ref_grading_scale GROUP BY exam, year, subject
  ) AS r ON r.exam = p.exam AND r.year = p.year AND r.subject = p.subject
  GROUP BY p.year, p.exam, p.subject, p.school_id
),
delivered AS (
  SELECT g.year, g.exam, g.subject, g.school_id,
    g.participants AS n,
    CASE WHEN g.n2 IS NULL THEN 0 ELSE g.participants END AS n_marked,
    g.n2, g.n3, g.n4, g.n5,
    CASE WHEN g.mean_score IS NULL THEN 0 ELSE g.participants END AS n_scored,
    g.mean_score * g.participants AS score_sum,
    g.n_below_min, g.n_81_99 AS n_high, g.n_100,
    NULL AS primary_sum, 0 AS n_primary
  FROM raw_gia_school AS g
  WHERE NOT EXISTS (
    SELECT 1 FROM raw_gia_participant AS p
    WHERE p.year = g.year AND p.exam = g.exam AND p.subject = g.subject
      AND p.school_id = g.school_id
  )
),
schools AS (
  SELECT r.* FROM (SELECT * FROM counted UNION ALL SELECT * FROM delivered) AS r
  JOIN school AS s USING (school_id)
),
all_rows AS (
  SELECT 'school' AS level, * FROM schools
  UNION ALL
  SELECT 'district', year, exam, subject, NULL,
    sum(n), sum(n_marked), sum(n2), sum(n3), sum(n4), sum(n5), sum(n_scored), sum(score_sum),
    CASE WHEN bool_and(n_below_min IS NOT NULL OR n_scored = 0) THEN sum(n_below_min) END,
    sum(n_high), sum(n_100), sum(primary_sum), sum(n_primary)
  FROM schools
  GROUP BY year, exam, subject
)
SELECT
  year, exam, subject, level, school_id,
  n::INTEGER AS participants_count,
  n_marked::INTEGER AS marked_count,
  n2::INTEGER AS n2, n3::INTEGER AS n3, n4::INTEGER AS n4, n5::INTEGER AS n5,
  share_pct(n3 + n4 + n5, n_marked) AS uspevaemost_pct,
  share_pct(n4 + n5, n_marked) AS kachestvo_pct,
  share_pct(n2, n_marked) AS dolya2_pct,
  (2.0 * n2 + 3 * n3 + 4 * n4 + 5 * n5) / nullif(n_marked, 0) AS avg_mark,
  primary_sum / nullif(n_primary, 0) AS avg_primary_score,
  n_scored::INTEGER AS scored_count,
  score_sum / nullif(n_scored, 0) AS avg_test_score,
  n_below_min::INTEGER AS below_min_count,
  share_pct(n_below_min, n_scored) AS below_min_pct,
  (n_high + n_100)::INTEGER AS high_band_count,
  share_pct(n_high + n_100, n_scored) AS high_band_pct,
  n_100::INTEGER AS score_100_count,
  n < (SELECT min_n FROM methodology_setting) AS is_small_n
FROM all_rows;
