-- The schools with results in a school year, for the briefings of a batch and the school picker.
SELECT s.school_id, s.short_name
FROM school AS s
WHERE s.school_id IN (
  SELECT school_id FROM ind_results WHERE level = 'school' AND year = $year
  UNION SELECT school_id FROM fg_targets WHERE level = 'school' AND year = $year
  UNION SELECT school_id FROM teacher_deficits WHERE level = 'school' AND year = $year
)
ORDER BY s.short_name;
