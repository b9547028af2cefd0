-- Teacher professional deficits (docs/methodology.md §6): per school and for the district, per
-- competence area and over all areas (area NULL: teachers with a high or critical difficulty
-- in at least one area), the share of teachers at a high + critical level of difficulty, and
-- its change in п.п. since the school's (district's) previous diagnostic.
CREATE OR REPLACE TABLE teacher_deficits AS
WITH per_teacher AS (
  SELECT year, school_id, area, teacher_key,
         bool_or(level IN ('высокий', 'критический')) AS has_deficit
  FROM raw_teacher_diag AS d
  JOIN school AS s USING (school_id)
  WHERE level IS NOT NULL
  GROUP BY GROUPING SETS ((year, school_id, area, teacher_key), (year, school_id, teacher_key))
),
schools AS (
  SELECT year, 'school' AS level, school_id, area,
         count(*) AS teachers, count(*) FILTER (WHERE has_deficit) AS with_deficit
  FROM per_teacher GROUP BY year, school_id, area
),
all_rows AS (
  SELECT * FROM schools
  UNION ALL
  SELECT year, 'district', NULL, area, sum(teachers), sum(with_deficit)
  FROM schools GROUP BY year, area
),
shares AS (
  SELECT *, share_pct(with_deficit, teachers) AS deficit_pct FROM all_rows
)
SELECT
  s.year, s.level, s.school_id, s.area,
  s.teachers::INTEGER AS teachers_count,
  s.with_deficit::INTEGER AS deficit_count,
  s.deficit_pct,
  p.year AS previous_year,
  s.deficit_pct - p.deficit_pct AS change_pp,
  s.teachers < (SELECT min_n FROM methodology_setting) AS is_small_n
FROM shares AS s
LEFT JOIN LATERAL (
  SELECT year, deficit_pct FROM shares AS q
  WHERE q.level = s.level AND q.school_id IS NOT DISTINCT FROM s.school_id
    AND q.area IS NOT DISTINCT FROM s.area AND q.year < s.year
  ORDER BY q.year DESC LIMIT 1
) AS p ON TRUE;
