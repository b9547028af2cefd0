-- The school years a briefing can be made for: any year with results of schools.
SELECT DISTINCT year FROM (
  SELECT year FROM ind_results WHERE level = 'school'
  UNION ALL SELECT year FROM fg_targets WHERE level = 'school'
  UNION ALL SELECT year FROM teacher_deficits WHERE level = 'school'
)
ORDER BY year DESC;
