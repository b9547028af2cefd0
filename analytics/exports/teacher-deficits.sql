-- Export «teacher-deficits»: teachers at high + critical difficulty per area (NULL: any area).
SELECT d.year, d.area, d.level, d.school_id, s.short_name, d.teachers_count, d.deficit_count,
       d.deficit_pct, d.previous_year, d.change_pp, d.is_small_n
FROM teacher_deficits AS d LEFT JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR d.year = $year)
  AND ($school IS NULL OR d.school_id = $school OR d.level <> 'school')
ORDER BY d.year, d.area NULLS FIRST, d.level, s.short_name;
