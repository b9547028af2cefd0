-- Справка, section 6: ВПР tasks of a school year that are insufficient in several schools —
-- in at least the methodology's share of the schools with results for the task, and in two
-- at least — with the checked skill, the district's completion and the schools concerned.
WITH tasks AS (
  SELECT
    d.subject, d.grade, d.task, d.skill, d.difficulty, d.completion_pct AS district_pct,
    d.participants_count AS district_n, d.region_pct, d.schools_count,
    d.insufficient_schools_count,
    (SELECT list(s.short_name ORDER BY x.completion_pct, s.short_name)
     FROM vpr_task_deficits AS x JOIN school AS s USING (school_id)
     WHERE x.level = 'school' AND x.year = d.year AND x.subject = d.subject
       AND x.grade = d.grade AND x.task = d.task AND x.status = 'недостаточно') AS schools
  FROM vpr_task_deficits AS d
  WHERE d.level = 'district' AND d.year = $year
)
SELECT t.*, m.recurring_deficit_schools_pct
FROM tasks AS t CROSS JOIN methodology_setting AS m
WHERE t.insufficient_schools_count >= 2
  AND 100.0 * t.insufficient_schools_count >= m.recurring_deficit_schools_pct * t.schools_count
ORDER BY t.insufficient_schools_count DESC, t.subject, t.grade,
  -- tasks in their natural order (1, 1К1, 2, 3.1, …, 10), as on the Дефициты page
  try_cast(regexp_extract(t.task, '^[0-9]+') AS INTEGER), t.task;
