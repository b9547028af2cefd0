-- Which schools each measure of the road map serves (docs/methodology.md, «Результативность
-- мер»): the schools it names, the schools of its cluster on the year's working list, or every
-- school of the year's working list — the same rule as the road map's page
-- (queries/roadmap_measures.sql, school_roadmap.sql). One row per measure × school, with how the
-- school is reached, so a school's briefing can list its measures and the effect can be summed up
-- per section of the road map (support_effects keeps the schools whose effect is measured).
CREATE OR REPLACE TABLE roadmap_reach AS
WITH reached AS (
  SELECT m.measure_id, u.school_id, 'названа в мероприятии' AS via
  FROM roadmap_measure AS m, unnest(m.serves_schools) AS u(school_id)
  WHERE m.serves = 'schools'
  UNION ALL
  SELECT DISTINCT m.measure_id, w.school_id, 'кластер ' || m.serves_cluster
  FROM roadmap_measure AS m
  JOIN working_list AS w ON w.year = m.year AND w.cluster = m.serves_cluster
  WHERE m.serves = 'cluster'
  UNION ALL
  SELECT DISTINCT m.measure_id, w.school_id, 'рабочий список'
  FROM roadmap_measure AS m
  JOIN working_list AS w ON w.year = m.year
  WHERE m.serves = 'list'
)
SELECT m.year, m.section, m.position, r.measure_id, m.title, m.term, m.deadline, m.status,
  m.status_on, r.school_id, r.via
FROM reached AS r JOIN roadmap_measure AS m USING (measure_id)
ORDER BY m.year, m.position, r.school_id;
