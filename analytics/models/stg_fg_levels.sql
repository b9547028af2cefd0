-- ФГ pupils per school × direction × grade × canonical level. Counts per school come as
-- delivered; per-participant results are counted, unless counts for the same school,
-- direction and grade were delivered too.
CREATE OR REPLACE TABLE stg_fg_levels AS
WITH delivered AS (
  SELECT year, direction, grade, school_id, level, sum(pupils)::INTEGER AS pupils
  FROM raw_fg_levels
  GROUP BY ALL
),
counted AS (
  SELECT year, direction, grade, school_id, level, count(*)::INTEGER AS pupils
  FROM raw_fg_participant AS p
  WHERE NOT EXISTS (
    SELECT 1 FROM raw_fg_levels AS l
    WHERE l.year = p.year AND l.direction = p.direction AND l.grade = p.grade
      AND l.school_id = p.school_id
  )
  GROUP BY ALL
)
SELECT r.*
FROM (SELECT * FROM delivered UNION ALL SELECT * FROM counted) AS r
JOIN school AS s USING (school_id);
