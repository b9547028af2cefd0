-- Export «roadmap»: the road map's measures in the document's order (ingest/migrations/004-roadmap.sql),
-- each with its section, term as written and the deadline read from it, whom it serves (the named
-- schools by their short names) and its status. A school filter keeps the measures naming it and
-- names no other school: the responsible (texts that list the schools taking part) are left out.
SELECT m.year, m.section, m.number AS measure_no, m.title AS measure, m.term,
       strftime(m.deadline, '%d.%m.%Y') AS deadline,
       CASE WHEN $school IS NULL THEN m.responsible_municipal END AS responsible_municipal,
       CASE WHEN $school IS NULL THEN m.responsible_school END AS responsible_school,
       m.expected_result, m.confirming_document,
       CASE m.serves
         WHEN 'cluster' THEN 'кластер ' || m.serves_cluster
         WHEN 'schools' THEN 'школы: ' || (
           -- a school's own export names only itself
           SELECT string_agg(coalesce(s.short_name, u.id), ', ' ORDER BY u.i)
           FROM (SELECT unnest(m.serves_schools) AS id, generate_subscripts(m.serves_schools, 1) AS i) AS u
           LEFT JOIN school AS s ON s.school_id = u.id
           WHERE $school IS NULL OR u.id = $school)
         ELSE 'весь рабочий список'
       END AS serves,
       m.status AS measure_status, strftime(m.status_on, '%d.%m.%Y') AS status_on, m.status_note
FROM roadmap_measure AS m
WHERE ($year IS NULL OR m.year = $year)
  AND ($school IS NULL OR list_contains(m.serves_schools, $school))
ORDER BY m.year, m.position, m.measure_id;
