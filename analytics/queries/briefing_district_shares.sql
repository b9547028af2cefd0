-- Справка, section 2: every key share of the district in a school year beside the year before
-- (year − 1; none after a gap year), with the change in п.п. and whether it is larger than chance allows.
SELECT
  t.indicator, t.title, t.higher_is_better, t.topic, t.grade, t.prev_year, t.prev_pct,
  p.n AS prev_n, t.year, t.pct, t.count, t.n, t.change_pp, t.z_score, t.change_significant,
  -- words only as far as the test goes: no previous year (year − 1) is no direction
  CASE WHEN t.change_pp IS NULL THEN NULL
       WHEN t.change_pp = 0 THEN 'без изменений'
       WHEN NOT t.change_significant THEN 'в пределах случайных колебаний'
       WHEN (t.change_pp > 0) = t.higher_is_better THEN 'улучшение'
       ELSE 'ухудшение' END AS direction
FROM trend_shares AS t
LEFT JOIN trend_shares AS p
  ON p.level = 'district' AND p.year = t.prev_year AND p.indicator = t.indicator
  AND p.topic = t.topic AND p.grade IS NOT DISTINCT FROM t.grade
WHERE t.level = 'district' AND t.year = $year
ORDER BY
  list_position(['vpr_dolya2', 'vpr_kachestvo', 'oge_dolya2', 'ege_below_min', 'fg_low', 'fg_high'], t.indicator),
  t.topic, t.grade NULLS LAST;
