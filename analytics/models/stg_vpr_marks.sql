-- ВПР mark counts of every group row, typed and tied to the registry; school rows must name a
-- registry school. Schools known only from «Индивидуальные результаты» get their counts from
-- the participants' marks, unless «Статистика по отметкам» already gives them.
CREATE OR REPLACE TABLE stg_vpr_marks AS
WITH from_participants AS (
  SELECT
    year,
    subject,
    grade,
    'school' AS level,
    school_id,
    NULL AS group_name,
    count(*)::INTEGER AS participants,
    count(*) FILTER (WHERE mark = 2)::INTEGER AS n2,
    count(*) FILTER (WHERE mark = 3)::INTEGER AS n3,
    count(*) FILTER (WHERE mark = 4)::INTEGER AS n4,
    count(*) FILTER (WHERE mark = 5)::INTEGER AS n5,
    min(batch_id) AS batch_id
  FROM raw_vpr_participant
  WHERE mark IS NOT NULL
  GROUP BY year, subject, grade, school_id
),
all_rows AS (
  SELECT year, subject, grade, level, school_id, group_name, participants, n2, n3, n4, n5, batch_id
  FROM raw_vpr_marks
  UNION ALL
  SELECT p.*
  FROM from_participants AS p
  WHERE NOT EXISTS (
    SELECT 1 FROM raw_vpr_marks AS m
    WHERE m.level = 'school' AND m.school_id = p.school_id AND m.year = p.year
      AND m.subject = p.subject AND m.grade = p.grade
  )
)
SELECT
  r.year,
  r.subject,
  r.grade,
  r.level,
  r.school_id,
  coalesce(r.group_name, s.short_name) AS group_name,
  r.participants,
  r.n2,
  r.n3,
  r.n4,
  r.n5,
  r.batch_id
FROM all_rows AS r
LEFT JOIN school AS s ON s.school_id = r.school_id
WHERE r.participants > 0
  AND (r.level <> 'school' OR s.school_id IS NOT NULL);
