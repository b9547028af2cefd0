-- «Сравнение лет»: the schools of the status × change grid of one indicator × topic × grade in
-- year $year (vs year − 1), one row each with its cell and the years of the two in which it is
-- flagged for signs of non-objective results. $grade 0 stands for «no grade».
WITH nonobjective AS (
  SELECT school_id, list(DISTINCT year ORDER BY year) AS years
  FROM risk_flags
  WHERE triggered AND cluster = 'Необъективность' AND year IN ($year - 1, $year)
  GROUP BY school_id
)
SELECT
  g.school_id, s.short_name, g.pct, g.n, g.change_pp, g.change_significant,
  coalesce(o.years, []) AS nonobjective_years,
  g.status_level, g.change_level, g.color_level, g.color
FROM status_change_grid AS g
LEFT JOIN school AS s USING (school_id)
LEFT JOIN nonobjective AS o USING (school_id)
WHERE g.year = $year AND g.indicator = $indicator AND g.topic = $topic
  AND coalesce(g.grade, 0) = $grade AND g.level = 'school';
