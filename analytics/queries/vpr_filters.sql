-- The years, subjects and grades for which district ВПР indicators exist.
SELECT DISTINCT year, subject, grade
FROM ind_vpr
WHERE level = 'district'
ORDER BY year, subject, grade;
