-- The procedure × year × subject × grade combinations with school results, for the district filters.
SELECT DISTINCT procedure, year, subject, grade
FROM ind_results
WHERE level = 'school'
ORDER BY procedure, year, subject, grade;
