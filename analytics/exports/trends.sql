-- Export «trends»: the key shares by year with intervals, change and its significance.
SELECT t.title, t.topic, t.grade, t.level, t.school_id, s.short_name, t.year, t.n, t.count,
       t.pct, t.ci_low_pct, t.ci_high_pct, t.prev_year, t.change_pp, t.change_significant,
       t.direction_5y, t.higher_is_better, t.is_small_n
FROM trend_shares AS t LEFT JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR t.year = $year)
  AND ($school IS NULL OR t.school_id = $school OR t.level <> 'school')
ORDER BY t.title, t.topic, t.grade NULLS FIRST, t.level, s.short_name, t.year;
