-- The measures serving school $school_id in the latest two years of the road map that serve it:
-- naming it, serving its cluster of that year's working list, or serving the whole list while
-- the school is on it; latest year first, then in the document's order. `overdue` as in
-- roadmap_measures (deadline before $today, still open); the other schools it names are left out.
WITH serving AS (
  SELECT m.*
  FROM roadmap_measure AS m
  WHERE (m.serves = 'schools' AND list_contains(m.serves_schools, $school_id))
     OR (m.serves = 'cluster' AND EXISTS (
           SELECT 1 FROM working_list AS w
           WHERE w.year = m.year AND w.school_id = $school_id AND w.cluster = m.serves_cluster))
     OR (m.serves = 'list' AND EXISTS (
           SELECT 1 FROM working_list AS w WHERE w.year = m.year AND w.school_id = $school_id))
),
latest AS (SELECT DISTINCT year FROM serving ORDER BY year DESC LIMIT 2)
SELECT m.measure_id, m.year, m.section, m.position, m.number, m.title, m.term,
  strftime(m.deadline, '%Y-%m-%d') AS deadline,
  m.responsible_municipal, m.responsible_school, m.expected_result, m.confirming_document,
  m.serves, m.serves_cluster,
  CASE WHEN m.serves = 'schools'
       THEN [{'school_id': s.school_id, 'short_name': s.short_name}] ELSE [] END AS serves_schools,
  m.status, strftime(m.status_on, '%Y-%m-%d') AS status_on, m.status_note,
  m.batch_id IS NOT NULL AS imported,
  coalesce(m.deadline < CAST($today AS DATE)
           AND m.status IN ('запланировано', 'перенесено'), false) AS overdue,
  m.updated_by, strftime(m.updated_at, '%Y-%m-%dT%H:%M:%S') AS updated_at
FROM serving AS m
JOIN latest USING (year)
LEFT JOIN school AS s ON s.school_id = $school_id
ORDER BY m.year DESC, m.position, m.measure_id;
