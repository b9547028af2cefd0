-- Teacher competence diagnostics of one year: per school and for the district, per area (area
-- NULL: a high or critical difficulty in at least one area), the share of teachers at a high +
-- critical level of difficulty, with n and the change since the previous diagnostic.
SELECT
  t.level, t.school_id, s.short_name, t.area, t.teachers_count, t.deficit_count, t.deficit_pct,
  t.previous_year, t.change_pp, t.is_small_n
FROM teacher_deficits AS t
LEFT JOIN school AS s USING (school_id)
WHERE t.year = $year
ORDER BY t.level, s.short_name, t.area NULLS LAST;
