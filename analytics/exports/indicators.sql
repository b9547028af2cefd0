-- Export «indicators»: ВПР, ОГЭ and ЕГЭ indicators, one row per school / district / benchmark.
SELECT * FROM (
  SELECT 'ВПР' AS procedure, i.year, i.subject, i.grade, i.level, i.school_id, s.short_name,
         i.participants_count, i.n2, i.n3, i.n4, i.n5,
         i.uspevaemost_pct, i.kachestvo_pct, i.dolya2_pct, i.dolya5_pct, i.avg_mark, i.sou_pct,
         NULL::DOUBLE AS avg_test_score, NULL::DOUBLE AS below_min_pct,
         NULL::DOUBLE AS high_band_pct, NULL::INTEGER AS score_100_count, i.is_small_n
  FROM ind_vpr AS i LEFT JOIN school AS s USING (school_id)
  UNION ALL
  SELECT g.exam, g.year, g.subject, NULL, g.level, g.school_id, s.short_name,
         g.participants_count, g.n2, g.n3, g.n4, g.n5,
         g.uspevaemost_pct, g.kachestvo_pct, g.dolya2_pct, NULL, g.avg_mark, NULL,
         g.avg_test_score, g.below_min_pct, g.high_band_pct, g.score_100_count, g.is_small_n
  FROM ind_gia AS g LEFT JOIN school AS s USING (school_id)
)
WHERE ($year IS NULL OR year = $year)
  AND ($school IS NULL OR school_id = $school OR level <> 'school')
ORDER BY procedure, year, subject, grade NULLS FIRST, level, short_name;
