-- The years of teacher competence diagnostics with district figures.
SELECT DISTINCT year
FROM teacher_deficits
WHERE level = 'district'
ORDER BY year;
