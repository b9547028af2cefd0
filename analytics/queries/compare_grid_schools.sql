-- «Сравнение лет»: the schools of the status × change grid of one indicator × topic × grade in
-- year $year (vs the previous year of its series), one row each with its cell. $grade 0 stands
-- for «no grade».
SELECT
  g.school_id, s.short_name, g.pct, g.n, g.change_pp, g.change_significant,
  g.status_level, g.change_level, g.color_level, g.color
FROM status_change_grid AS g
LEFT JOIN school AS s USING (school_id)
WHERE g.year = $year AND g.indicator = $indicator AND g.topic = $topic
  AND coalesce(g.grade, 0) = $grade AND g.level = 'school';
