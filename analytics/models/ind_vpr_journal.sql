-- ВПР objectivity against journal marks (docs/methodology.md §1.2 report 3, §1.3): per school, for
-- the district (sum of school counts) and the region / RF rows of the report, the shares of pupils
-- whose ВПР mark was below («понизили»), equal to («подтвердили») or above («повысили») their
-- journal mark. Schools without the report get the counts from «Индивидуальные результаты»,
-- which also give the pupils whose marks differ by 2 or more.
CREATE OR REPLACE TABLE ind_vpr_journal AS
WITH reported AS (
  SELECT year, subject, grade, level, school_id, participants, n_lower, n_same, n_higher,
         NULL::INTEGER AS n_differ_2
  FROM raw_vpr_journal
),
from_participants AS (
  SELECT year, subject, grade, 'school' AS level, school_id,
    count(*) AS participants,
    count(*) FILTER (WHERE mark < journal_mark) AS n_lower,
    count(*) FILTER (WHERE mark = journal_mark) AS n_same,
    count(*) FILTER (WHERE mark > journal_mark) AS n_higher,
    count(*) FILTER (WHERE abs(mark - journal_mark) >= 2) AS n_differ_2
  FROM raw_vpr_participant AS p
  WHERE mark IS NOT NULL AND journal_mark IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM raw_vpr_journal AS j
      WHERE j.level = 'school' AND j.school_id = p.school_id AND j.year = p.year
        AND j.subject = p.subject AND j.grade = p.grade
    )
  GROUP BY year, subject, grade, school_id
),
schools AS (
  SELECT r.* FROM (
    SELECT * FROM reported WHERE level = 'school'
    UNION ALL
    SELECT * FROM from_participants
  ) AS r
  JOIN school AS s USING (school_id)
),
all_rows AS (
  SELECT * FROM schools
  UNION ALL
  SELECT year, subject, grade, 'district', NULL, sum(participants), sum(n_lower), sum(n_same),
         sum(n_higher), NULL
  FROM schools GROUP BY year, subject, grade
  UNION ALL
  SELECT * FROM reported WHERE level IN ('region', 'country')
)
SELECT
  year, subject, grade, level, school_id,
  participants::INTEGER AS participants_count,
  n_lower::INTEGER AS lowered_count,
  n_same::INTEGER AS confirmed_count,
  n_higher::INTEGER AS raised_count,
  n_differ_2::INTEGER AS differ_2_count,
  share_pct(n_lower, participants) AS lowered_pct,
  share_pct(n_same, participants) AS confirmed_pct,
  share_pct(n_higher, participants) AS raised_pct,
  participants < (SELECT min_n FROM methodology_setting) AS is_small_n
FROM all_rows
WHERE participants > 0;
