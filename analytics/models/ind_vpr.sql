-- ВПР indicators per school and for the district (sum of school counts, i.e. participant-weighted),
-- with the region and RF rows of ФИС ОКО exports as benchmarks. Formulas: docs/methodology.md §5.
CREATE OR REPLACE TABLE ind_vpr AS
WITH groups AS (
  SELECT year, subject, grade, 'school' AS level, school_id,
         participants, n2, n3, n4, n5
  FROM stg_vpr_marks WHERE level = 'school'
  UNION ALL
  SELECT year, subject, grade, 'district', NULL,
         sum(participants), sum(n2), sum(n3), sum(n4), sum(n5)
  FROM stg_vpr_marks WHERE level = 'school'
  GROUP BY year, subject, grade
  UNION ALL
  SELECT year, subject, grade, level, NULL,
         sum(participants), sum(n2), sum(n3), sum(n4), sum(n5)
  FROM stg_vpr_marks WHERE level IN ('region', 'country')
  GROUP BY year, subject, grade, level
)
SELECT
  year, subject, grade, level, school_id,
  participants::INTEGER AS participants_count,
  n2::INTEGER AS n2, n3::INTEGER AS n3, n4::INTEGER AS n4, n5::INTEGER AS n5,
  share_pct(n3 + n4 + n5, participants) AS uspevaemost_pct,
  share_pct(n4 + n5, participants) AS kachestvo_pct,
  share_pct(n2, participants) AS dolya2_pct,
  share_pct(n5, participants) AS dolya5_pct,
  (2.0 * n2 + 3 * n3 + 4 * n4 + 5 * n5) / participants AS avg_mark,
  (100.0 * n5 + 64 * n4 + 36 * n3 + 16 * n2) / participants AS sou_pct,
  participants < (SELECT min_n FROM methodology_setting) AS is_small_n
FROM groups;
