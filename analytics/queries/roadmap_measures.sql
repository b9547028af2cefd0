-- The road map of year $year in the document's order (position), each measure with the names of
-- the schools it names and whether it is overdue: its deadline before $today (the server's date)
-- while still open (запланировано, перенесено). $school_id (NULL: every measure) keeps the
-- measures serving that school: naming it, serving its cluster of that year's working list, or
-- serving the whole list while the school is on it.
SELECT m.measure_id, m.year, m.section, m.position, m.number, m.title, m.term,
  strftime(m.deadline, '%Y-%m-%d') AS deadline,
  m.responsible_municipal, m.responsible_school, m.expected_result, m.confirming_document,
  m.serves, m.serves_cluster,
  coalesce((SELECT list({'school_id': u.id, 'short_name': s.short_name} ORDER BY u.i)
            FROM (SELECT unnest(m.serves_schools) AS id,
                    generate_subscripts(m.serves_schools, 1) AS i) AS u
            LEFT JOIN school AS s ON s.school_id = u.id), []) AS serves_schools,
  m.status, strftime(m.status_on, '%Y-%m-%d') AS status_on, m.status_note,
  m.batch_id IS NOT NULL AS imported,
  coalesce(m.deadline < CAST($today AS DATE)
           AND m.status IN ('запланировано', 'перенесено'), false) AS overdue,
  m.updated_by, strftime(m.updated_at, '%Y-%m-%dT%H:%M:%S') AS updated_at
FROM roadmap_measure AS m
WHERE m.year = $year
  AND ($school_id IS NULL
       OR (m.serves = 'schools' AND list_contains(m.serves_schools, $school_id))
       OR (m.serves = 'cluster' AND EXISTS (
             SELECT 1 FROM working_list AS w
             WHERE w.year = m.year AND w.school_id = $school_id AND w.cluster = m.serves_cluster))
       OR (m.serves = 'list' AND EXISTS (
             SELECT 1 FROM working_list AS w
             WHERE w.year = m.year AND w.school_id = $school_id)))
ORDER BY m.position, m.measure_id;
