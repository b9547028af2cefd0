-- The years, directions and grades with district ФГ results (grade NULL: all grades pooled).
SELECT DISTINCT year, direction, grade
FROM fg_targets
WHERE level = 'district'
ORDER BY year, direction, grade NULLS FIRST;
