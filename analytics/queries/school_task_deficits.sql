-- One school's ВПР task completion in its latest ВПР year, against the district, region and RF.
SELECT year, subject, grade, task, skill, difficulty, participants_count, completion_pct,
       status, district_pct, region_pct, country_pct, vs_district_pp, is_small_n
FROM vpr_task_deficits
WHERE level = 'school' AND school_id = $school_id
  AND year = (SELECT max(year) FROM vpr_task_deficits WHERE school_id = $school_id)
ORDER BY subject, grade, try_cast(regexp_extract(task, '^\d+') AS INTEGER), task;
