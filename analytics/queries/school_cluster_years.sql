-- Each school's clusters on the working list over all years ($school_id NULL: every school),
-- with where each entry came from.
SELECT school_id, short_name, year, cluster, source
FROM working_list
WHERE $school_id IS NULL OR school_id = $school_id
ORDER BY short_name, school_id, year, cluster;
