-- Grading scales in force: a loaded «Шкалы перевода баллов» row wins over the shipped default
-- for the same exam, year, subject and grade.
CREATE OR REPLACE TABLE ref_grading_scale AS
SELECT exam, year, subject, grade, max_primary, min_score, cut3, cut4, cut5, source
FROM (
  SELECT *, row_number() OVER (PARTITION BY exam, year, subject, grade ORDER BY priority DESC) AS rank
  FROM (
    SELECT exam, year, subject, grade, max_primary, min_score, cut3, cut4, cut5,
           'загружена' AS source, 1 AS priority
    FROM raw_grading_scale
    UNION ALL
    SELECT exam, year, subject, grade, max_primary, min_score, cut3, cut4, cut5, source, 0
    FROM seed_grading_scale
  )
)
WHERE rank = 1;
