-- District ФГ low and high shares by year for one direction × grade (NULL: all grades pooled),
-- with Wilson 95 % intervals and the year-over-year change and its significance.
SELECT
  indicator, year, count, n, pct, ci_low_pct, ci_high_pct,
  prev_year, prev_pct, change_pp, change_significant, direction_5y, is_small_n
FROM trend_shares
WHERE indicator IN ('fg_low', 'fg_high') AND level = 'district'
  AND topic = $direction AND grade IS NOT DISTINCT FROM $grade
ORDER BY indicator, year;
