-- Export «deficits»: ВПР % completion per task / checked skill, against district, region, RF.
SELECT d.year, d.subject, d.grade, d.task, d.difficulty, d.max_score, d.skill, d.level,
       d.school_id, s.short_name, d.participants_count, d.completion_pct, d.status,
       d.district_pct, d.region_pct, d.country_pct, d.vs_district_pp, d.vs_region_pp,
       d.schools_count, d.insufficient_schools_count, d.is_small_n
FROM vpr_task_deficits AS d LEFT JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR d.year = $year)
  AND ($school IS NULL OR d.school_id = $school OR d.level <> 'school')
ORDER BY d.year, d.subject, d.grade, d.task, d.level, s.short_name;
