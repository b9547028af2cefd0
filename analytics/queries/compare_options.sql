-- «Сравнение лет»: the indicator × topic × grade series of the district that can be compared,
-- with the years each has (trend_shares; grade NULL for ОГЭ / ЕГЭ and for ФГ over all grades).
SELECT
  indicator,
  any_value(title) AS title,
  bool_or(higher_is_better) AS higher_is_better,
  topic,
  grade,
  list(year ORDER BY year) AS years
FROM trend_shares
WHERE level = 'district'
GROUP BY indicator, topic, grade
ORDER BY
  list_position(['vpr_dolya2', 'vpr_kachestvo', 'oge_dolya2', 'ege_below_min', 'fg_low', 'fg_high'], indicator),
  topic, grade NULLS LAST;
