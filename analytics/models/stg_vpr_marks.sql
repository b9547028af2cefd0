-- ВПР mark counts of every group row, typed and tied to the registry; school rows must name a registry school.
CREATE OR REPLACE TABLE stg_vpr_marks AS
SELECT
  m.year,
  m.subject,
  m.grade,
  m.level,
  m.school_id,
  m.group_name,
  m.participants,
  m.n2,
  m.n3,
  m.n4,
  m.n5,
  m.batch_id
FROM raw_vpr_marks AS m
LEFT JOIN school AS s ON s.school_id = m.school_id
WHERE m.participants > 0
  AND (m.level <> 'school' OR s.school_id IS NOT NULL);
