-- Справка: the key shares of schools in a school year against the year before (trend_shares:
-- year − 1, none after a gap year), with the district's share of the same year beside each. A
-- change is significant when it is larger than chance allows and both years have enough
-- participants. For one school ($school_id) every row; for the whole district (NULL) only the
-- significant changes.
SELECT
  t.school_id, s.short_name, t.indicator, t.title, t.higher_is_better, t.topic, t.grade,
  t.prev_year, t.prev_pct, p.n AS prev_n, t.year, t.pct, t.count, t.n, t.change_pp, t.z_score,
  -- a school's change counts as significant only when both years have enough participants
  t.change_significant AND t.n >= m.min_n AND p.n >= m.min_n AS change_significant,
  -- words only as far as the test goes: no previous year (year − 1) is no direction
  CASE WHEN t.change_pp IS NULL THEN NULL
       WHEN t.change_pp = 0 THEN 'без изменений'
       WHEN NOT (t.change_significant AND t.n >= m.min_n AND p.n >= m.min_n)
         THEN 'в пределах случайных колебаний'
       WHEN (t.change_pp > 0) = t.higher_is_better THEN 'улучшение'
       ELSE 'ухудшение' END AS direction,
  d.pct AS district_pct, d.n AS district_n, t.is_small_n,
  -- signs of non-objective results that year: the briefing marks the school where it ranks it
  t.school_id IN (
    SELECT school_id FROM risk_flags
    WHERE triggered AND cluster = 'Необъективность' AND year = $year
  ) AS is_nonobjective
FROM trend_shares AS t
JOIN school AS s USING (school_id)
LEFT JOIN trend_shares AS d
  ON d.level = 'district' AND d.year = t.year AND d.indicator = t.indicator
  AND d.topic = t.topic AND d.grade IS NOT DISTINCT FROM t.grade
LEFT JOIN trend_shares AS p
  ON p.level = 'school' AND p.school_id = t.school_id AND p.year = t.prev_year
  AND p.indicator = t.indicator AND p.topic = t.topic AND p.grade IS NOT DISTINCT FROM t.grade
CROSS JOIN methodology_setting AS m
WHERE t.level = 'school' AND t.year = $year
  AND (t.school_id = $school_id
    OR ($school_id IS NULL AND t.change_significant AND t.n >= m.min_n AND p.n >= m.min_n))
ORDER BY
  s.short_name,
  list_position(['vpr_dolya2', 'vpr_kachestvo', 'oge_dolya2', 'ege_below_min', 'fg_low', 'fg_high'], t.indicator),
  t.topic, t.grade NULLS LAST;
