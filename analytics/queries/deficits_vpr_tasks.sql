-- ВПР tasks of one year × subject × grade: the checked skill, the ФИС ОКО thresholds, the
-- district (participant-weighted), region and RF completion with their n, and how many schools
-- are insufficient on the task. Tasks in their natural order (1, 1К1, 2, 3.1, …, 10).
SELECT
  d.task, d.skill, d.difficulty, d.max_score, d.sufficient_from, d.insufficient_below,
  d.completion_pct AS district_pct, d.participants_count AS district_n, d.status AS district_status,
  d.is_small_n AS district_small_n,
  r.completion_pct AS region_pct, r.participants_count AS region_n, r.status AS region_status,
  c.completion_pct AS country_pct, c.participants_count AS country_n, c.status AS country_status,
  d.schools_count, d.insufficient_schools_count
FROM vpr_task_deficits AS d
LEFT JOIN vpr_task_deficits AS r
  ON r.level = 'region' AND r.year = d.year AND r.subject = d.subject AND r.grade = d.grade
  AND r.task = d.task
LEFT JOIN vpr_task_deficits AS c
  ON c.level = 'country' AND c.year = d.year AND c.subject = d.subject AND c.grade = d.grade
  AND c.task = d.task
WHERE d.level = 'district' AND d.year = $year AND d.subject = $subject AND d.grade = $grade
ORDER BY try_cast(regexp_extract(d.task, '^[0-9]+') AS INTEGER) NULLS LAST, d.task;
