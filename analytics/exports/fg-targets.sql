-- Export «fg-targets»: ФГ target status per direction × grade (NULL: all grades) × school / district.
SELECT f.year, f.direction, f.grade, f.level, f.school_id, s.short_name, f.participants_count,
       f.low_count, f.low_share_pct, f.low_target_pct, f.low_met, f.low_gap_pp,
       f.low_excess_pupils, f.low_gap_contribution_pupils, f.low_gap_contribution_pct,
       f.high_count, f.high_share_pct, f.high_target_pct, f.high_met, f.high_gap_pp,
       f.enrolled_count, f.coverage_pct, f.is_small_n
FROM fg_targets AS f LEFT JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR f.year = $year)
  AND ($school IS NULL OR f.school_id = $school OR f.level <> 'school')
ORDER BY f.year, f.direction, f.grade NULLS FIRST, f.level, s.short_name;
