-- Справка, section 1: what was measured in a school year, per procedure — the schools with
-- results, the works written (participants summed over subjects or directions), the subjects
-- and grades; for one school ($school_id) or every school (NULL). ЕГЭ subjects with scores but
-- no grading scale for the year: their share below the minimum is unknown, and the text says so.
WITH school_rows AS (
  SELECT procedure, school_id, participants_count, subject, grade,
    procedure = 'ЕГЭ' AND key_pct IS NULL AND avg_test_score IS NOT NULL AS unknown_scale
  FROM ind_results
  WHERE level = 'school' AND year = $year
  UNION ALL
  SELECT 'ФГ', school_id, participants_count, direction, grade, false
  FROM fg_targets
  WHERE level = 'school' AND year = $year AND grade IS NOT NULL
  UNION ALL
  -- the row over all areas counts each diagnosed teacher once
  SELECT 'Диагностика педагогов', school_id, teachers_count, NULL, NULL, false
  FROM teacher_deficits
  WHERE level = 'school' AND year = $year AND area IS NULL
)
SELECT
  procedure,
  count(DISTINCT school_id)::INTEGER AS schools_count,
  sum(participants_count)::INTEGER AS works_count,
  list(DISTINCT subject ORDER BY subject) FILTER (WHERE subject IS NOT NULL) AS subjects,
  list(DISTINCT grade ORDER BY grade) FILTER (WHERE grade IS NOT NULL) AS grades,
  list(DISTINCT subject ORDER BY subject) FILTER (WHERE unknown_scale) AS unknown_scale_subjects
FROM school_rows
WHERE $school_id IS NULL OR school_id = $school_id
GROUP BY procedure
ORDER BY list_position(['ВПР', 'ОГЭ', 'ЕГЭ', 'ФГ', 'Диагностика педагогов'], procedure);
