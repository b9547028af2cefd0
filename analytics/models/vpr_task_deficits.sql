-- ВПР deficits per task / checked skill (docs/methodology.md §1.3): each school's % completion
-- against the district (weighted by participants), the region and the RF, classified by the ФИС ОКО
-- thresholds of the methodology (basic tasks Б; advanced П/В), and, on the district row, how
-- many schools are insufficient on the task. A school's % comes from «Достижение планируемых
-- результатов», else «Выполнение заданий», else its pupils' scores (X counts as 0 points).
CREATE OR REPLACE TABLE vpr_task_deficits AS
-- Each source keeps only the groups no source of higher priority has (anti-joins: far cheaper
-- than ranking every row at a country's size).
WITH planned AS (
  SELECT year, subject, grade, level, school_id, task, skill, max_score, difficulty,
         completion_pct, participants
  FROM raw_vpr_planned
),
reported AS (
  SELECT * FROM planned
  UNION ALL
  SELECT t.year, t.subject, t.grade, t.level, t.school_id, t.task, NULL, t.max_score,
         t.difficulty, t.completion_pct, t.participants
  FROM raw_vpr_tasks AS t
  ANTI JOIN planned AS p
    ON p.year = t.year AND p.subject = t.subject AND p.grade = t.grade AND p.level = t.level
   AND coalesce(p.school_id, '') = coalesce(t.school_id, '') AND p.task = t.task
),
from_pupils AS (
  SELECT t.year, t.subject, t.grade, 'school' AS level, t.school_id, t.task, NULL AS skill,
         max(t.max_score) AS max_score, max(t.difficulty) AS difficulty,
         share_pct(sum(coalesce(t.score, 0)), sum(t.max_score)) AS completion_pct,
         count(*) AS participants
  FROM raw_vpr_participant_task AS t
  GROUP BY t.year, t.subject, t.grade, t.school_id, t.task
),
chosen AS (
  SELECT r.*
  FROM (
    SELECT * FROM reported
    UNION ALL
    SELECT u.* FROM from_pupils AS u
    ANTI JOIN reported AS r
      ON r.year = u.year AND r.subject = u.subject AND r.grade = u.grade AND r.level = 'school'
     AND r.school_id = u.school_id AND r.task = u.task
  ) AS r
  LEFT JOIN school AS s USING (school_id)
  WHERE r.level <> 'school' OR s.school_id IS NOT NULL
),
-- The skill text and level of a task, from whichever row has them.
task_info AS (
  SELECT year, subject, grade, task, max(skill) AS skill, max(difficulty) AS difficulty,
         max(max_score) AS max_score
  FROM chosen GROUP BY ALL
),
district AS (
  SELECT year, subject, grade, 'district' AS level, NULL AS school_id, task,
         sum(completion_pct * participants) / sum(participants) AS completion_pct,
         sum(participants) AS participants
  FROM chosen WHERE level = 'school' AND participants > 0
  GROUP BY year, subject, grade, task
),
all_rows AS (
  SELECT year, subject, grade, level, school_id, task, completion_pct, participants
  FROM chosen WHERE level IN ('school', 'region', 'country')
  UNION ALL
  SELECT * FROM district
),
classified AS (
  SELECT a.*, i.skill, i.difficulty, i.max_score,
    CASE WHEN i.difficulty IN ('П', 'В') THEN m.advanced_sufficient_from ELSE m.basic_sufficient_from END AS sufficient_from,
    CASE WHEN i.difficulty IN ('П', 'В') THEN m.advanced_insufficient_below ELSE m.basic_insufficient_below END AS insufficient_below,
    a.participants < m.min_n AS is_small_n
  FROM all_rows AS a
  JOIN task_info AS i USING (year, subject, grade, task)
  CROSS JOIN methodology_setting AS m
),
school_counts AS (
  SELECT year, subject, grade, task, count(*) AS schools_count,
         count(*) FILTER (WHERE drop_float_noise(completion_pct) < insufficient_below)
           AS insufficient_schools_count
  FROM classified WHERE level = 'school'
  GROUP BY ALL
)
SELECT
  c.year, c.subject, c.grade, c.level, c.school_id, c.task, c.skill, c.difficulty, c.max_score,
  c.participants::INTEGER AS participants_count,
  c.completion_pct,
  c.sufficient_from, c.insufficient_below,
  -- The district's % is a weighted mean of doubles: compared without its float noise, so a
  -- district exactly at a threshold is on the side the methodology's text says.
  CASE
    WHEN drop_float_noise(c.completion_pct) >= c.sufficient_from THEN 'достаточно'
    WHEN drop_float_noise(c.completion_pct) < c.insufficient_below THEN 'недостаточно'
    ELSE 'пограничная зона'
  END AS status,
  d.completion_pct AS district_pct,
  r.completion_pct AS region_pct,
  f.completion_pct AS country_pct,
  c.completion_pct - d.completion_pct AS vs_district_pp,
  c.completion_pct - r.completion_pct AS vs_region_pp,
  c.is_small_n,
  -- On the district row: schools with data on the task, and how many of them are insufficient.
  CASE WHEN c.level = 'district' THEN coalesce(k.schools_count, 0) END::INTEGER AS schools_count,
  CASE WHEN c.level = 'district' THEN coalesce(k.insufficient_schools_count, 0) END::INTEGER
    AS insufficient_schools_count
FROM classified AS c
LEFT JOIN district AS d USING (year, subject, grade, task)
LEFT JOIN (SELECT * FROM all_rows WHERE level = 'region') AS r USING (year, subject, grade, task)
LEFT JOIN (SELECT * FROM all_rows WHERE level = 'country') AS f USING (year, subject, grade, task)
LEFT JOIN school_counts AS k USING (year, subject, grade, task)
-- In school order within each year: a school page reads a few row groups of a country's 31
-- million rows (an index would cost more per rebuild than this sort).
ORDER BY c.year, c.school_id;
