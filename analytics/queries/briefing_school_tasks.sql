-- Справка школы, section 6: the school's ВПР tasks of a school year below the ФИОКО threshold,
-- the furthest behind the district first, with how many schools of the district share the deficit.
SELECT s.subject, s.grade, s.task, s.skill, s.participants_count, s.completion_pct,
       s.district_pct, s.vs_district_pp, s.is_small_n,
       d.insufficient_schools_count, d.schools_count
FROM vpr_task_deficits AS s
LEFT JOIN vpr_task_deficits AS d ON d.level = 'district' AND d.year = s.year
  AND d.subject = s.subject AND d.grade = s.grade AND d.task = s.task
WHERE s.level = 'school' AND s.school_id = $school_id AND s.year = $year
  AND s.status = 'недостаточно'
ORDER BY s.vs_district_pp, s.subject, s.grade, s.task;
