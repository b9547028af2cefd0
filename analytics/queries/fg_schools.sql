-- Each school's ФГ result for one year × direction × grade (NULL: all grades pooled) and its
-- contribution to the district gap: its whole pupils of the district's excess (fg_targets) and
-- their share of that excess.
SELECT
  f.school_id, s.short_name, s.school_type,
  f.participants_count, f.low_count, f.high_count,
  f.low_share_pct, f.high_share_pct, f.low_target_pct, f.high_target_pct,
  f.low_met, f.high_met, f.low_gap_pp, f.high_gap_pp,
  f.low_excess_pupils, f.high_shortfall_pupils, f.low_gap_contribution_pupils,
  f.low_gap_contribution_pct,
  f.enrolled_count, f.coverage_pct, f.is_small_n
FROM fg_targets AS f
JOIN school AS s USING (school_id)
WHERE f.level = 'school' AND f.year = $year AND f.direction = $direction
  AND f.grade IS NOT DISTINCT FROM $grade
ORDER BY f.low_gap_contribution_pupils DESC, f.low_excess_pupils DESC, f.low_share_pct DESC, s.short_name;
