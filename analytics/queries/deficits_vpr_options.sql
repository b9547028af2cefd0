-- The years, subjects and grades with ВПР task completion (district rows of vpr_task_deficits).
SELECT DISTINCT year, subject, grade
FROM vpr_task_deficits
WHERE level = 'district'
ORDER BY year, subject, grade;
