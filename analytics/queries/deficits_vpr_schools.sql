-- Each school's % completion per ВПР task of one year × subject × grade, with its n, the
-- ФИС ОКО status and the difference from the district and the region in п.п.
SELECT
  d.school_id, s.short_name, d.task, d.completion_pct, d.participants_count, d.status,
  d.vs_district_pp, d.vs_region_pp, d.is_small_n
FROM vpr_task_deficits AS d
JOIN school AS s USING (school_id)
WHERE d.level = 'school' AND d.year = $year AND d.subject = $subject AND d.grade = $grade
ORDER BY s.short_name, try_cast(regexp_extract(d.task, '^[0-9]+') AS INTEGER) NULLS LAST, d.task;
