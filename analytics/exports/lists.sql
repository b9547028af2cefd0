-- Export «lists»: the committee's working list of each school year (analytics/models/working_list.sql),
-- one row per school and cluster, with where the entry came from, its basis and date.
SELECT w.year, w.school_id, s.short_name, s.full_name, w.cluster, w.source, w.basis,
       strftime(w.listed_on, '%d.%m.%Y') AS listed_on, w.reason
FROM working_list AS w LEFT JOIN school AS s USING (school_id)
WHERE ($year IS NULL OR w.year = $year)
  AND ($school IS NULL OR w.school_id = $school)
ORDER BY w.year, w.cluster, s.short_name, w.school_id;
