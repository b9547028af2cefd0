-- One school's teacher diagnostics per year and competence area, beside the district.
SELECT s.year, s.area, s.teachers_count, s.deficit_count, s.deficit_pct, s.change_pp, s.is_small_n,
       d.deficit_pct AS district_deficit_pct, d.teachers_count AS district_teachers_count
FROM teacher_deficits AS s
LEFT JOIN teacher_deficits AS d ON d.level = 'district' AND d.year = s.year
  AND d.area IS NOT DISTINCT FROM s.area
WHERE s.level = 'school' AND s.school_id = $school_id
ORDER BY s.year DESC, s.area NULLS LAST;
