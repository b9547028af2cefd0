-- Network pairs' mentees before and after their pair began, beside schools without a pair: the
-- pairs that began in $year, or every pair when $year is NULL; one school's when $school is set.
SELECT *
FROM pair_effects
WHERE ($year IS NULL OR began = $year) AND ($school IS NULL OR school_id = $school)
ORDER BY began, short_name;
