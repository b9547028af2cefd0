-- ВПР, ОГЭ and ЕГЭ indicators in one shape, so pages filter by procedure: one row per
-- procedure × year × subject × grade (ВПР only) × level × school. The key share is what the
-- district page ranks and draws: доля «2» (ВПР, ОГЭ) or the share below the minimum score (ЕГЭ).
CREATE OR REPLACE TABLE ind_results AS
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
FROM ind_gia;
