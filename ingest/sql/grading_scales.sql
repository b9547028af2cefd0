-- Grading scales: the defaults first, then the loaded files, which overwrite them.
SELECT 0 AS priority, exam, year, subject, grade, max_primary, min_score, cut3, cut4, cut5
FROM seed_grading_scale
UNION ALL
SELECT 1, exam, year, subject, grade, max_primary, min_score, cut3, cut4, cut5
FROM raw_grading_scale
ORDER BY priority;
