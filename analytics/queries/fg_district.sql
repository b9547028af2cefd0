-- ФГ targets of the district for one year: every direction × grade and all grades pooled
-- (grade NULL), with the configured targets, status, distance to target and coverage.
SELECT
  year, direction, grade,
  participants_count, low_count, high_count,
  low_share_pct, high_share_pct, low_target_pct, high_target_pct,
  low_met, high_met, low_gap_pp, high_gap_pp,
  low_excess_pupils, high_shortfall_pupils,
  enrolled_count, coverage_pct, is_small_n
FROM fg_targets
WHERE level = 'district' AND year = $year
ORDER BY direction, grade NULLS LAST;
