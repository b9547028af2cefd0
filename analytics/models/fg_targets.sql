-- ФГ targets (docs/methodology.md §4) per school and for the district, per direction and grade and
-- for all grades together (grade NULL): low share = (недостаточный + низкий) / N ≤ target, high
-- share = высокий / N ≥ target. Shares are participant-weighted (sums of counts). Pupils are
-- whole (docs/methodology.md §4): the excess is the fewest pupils who would have to leave the low
-- levels for the target to be met, n_low − ⌊N · target⌋; the shortfall the fewest who would have
-- to reach the high level, ⌈N · target⌉ − n_high. A school's contribution to the district's gap
-- is the district's excess shared out over the schools above their own target in proportion to
-- their excess, by the largest remainder (integer arithmetic), so that the schools' contributions
-- add up to the district's excess exactly; schools within the target contribute 0.
CREATE OR REPLACE TABLE fg_targets AS
WITH school_rows AS (
  SELECT year, direction, grade, school_id,
    sum(pupils) AS n,
    coalesce(sum(pupils) FILTER (WHERE level IN ('недостаточный', 'низкий')), 0) AS n_low,
    coalesce(sum(pupils) FILTER (WHERE level = 'высокий'), 0) AS n_high
  FROM stg_fg_levels
  GROUP BY GROUPING SETS ((year, direction, grade, school_id), (year, direction, school_id))
),
district_rows AS (
  SELECT year, direction, grade, NULL AS school_id, sum(n) AS n, sum(n_low) AS n_low,
         sum(n_high) AS n_high
  FROM school_rows
  GROUP BY year, direction, grade
),
enrolled AS (
  -- Figures for the year itself, else the ones given without a year.
  SELECT school_id, grade, y.year,
         coalesce(max(e.pupils) FILTER (WHERE e.year = y.year),
                  max(e.pupils) FILTER (WHERE e.year IS NULL)) AS pupils
  FROM school_enrolment AS e CROSS JOIN (SELECT DISTINCT year FROM stg_fg_levels) AS y
  GROUP BY school_id, grade, y.year
),
school_enrolled AS (
  -- Enrolment of the grades a school was tested in, for its all-grades row too.
  SELECT r.year, r.direction, r.grade, r.school_id,
         sum(e.pupils) AS pupils, count(e.pupils) = count(*) AS complete
  FROM school_rows AS r
  JOIN (SELECT DISTINCT year, direction, grade, school_id FROM stg_fg_levels) AS t
    ON t.year = r.year AND t.direction = r.direction AND t.school_id = r.school_id
   AND (r.grade IS NULL OR t.grade = r.grade)
  LEFT JOIN enrolled AS e
    ON e.school_id = t.school_id AND e.grade = t.grade AND e.year = t.year
  GROUP BY ALL
),
all_rows AS (
  SELECT r.*, 'school' AS level,
         CASE WHEN se.complete THEN se.pupils END AS enrolled
  FROM school_rows AS r
  LEFT JOIN school_enrolled AS se
    ON se.year = r.year AND se.direction = r.direction AND se.school_id = r.school_id
   AND se.grade IS NOT DISTINCT FROM r.grade
  UNION ALL
  SELECT d.*, 'district' AS level,
         (SELECT CASE WHEN bool_and(se.complete) THEN sum(se.pupils) END
          FROM school_enrolled AS se
          WHERE se.year = d.year AND se.direction = d.direction
            AND se.grade IS NOT DISTINCT FROM d.grade) AS enrolled
  FROM district_rows AS d
),
shares AS (
  SELECT a.*,
    -- shares from counts (share_pct): one exactly on a target equals it, so ≤ / ≥ below are exact
    share_pct(n_low, n) AS low_share_pct,
    share_pct(n_high, n) AS high_share_pct,
    m.fg_low_max_pct AS low_target_pct,
    m.fg_high_min_pct AS high_target_pct,
    m.min_n
  FROM all_rows AS a CROSS JOIN methodology_setting AS m
  WHERE n > 0
),
counted AS (
  SELECT s.*,
    -- 1e-9 absorbs the noise of N · target / 100 in doubles (40 · 15 / 100 must be 6, not 6.0000001)
    greatest(0, n_low - floor(n * low_target_pct / 100 + 1e-9))::BIGINT AS low_excess,
    greatest(0, ceil(n * high_target_pct / 100 - 1e-9) - n_high)::BIGINT AS high_shortfall
  FROM shares AS s
),
quotas AS (
  -- The district's excess D split over schools by their excess e: ⌊D · e / E⌋ and the remainder
  -- (D · e) mod E, all integers; E is the schools' excess summed.
  SELECT c.*,
    CASE WHEN level = 'school' AND schools_excess > 0
      THEN (district_excess * low_excess) // schools_excess END AS quota_floor,
    CASE WHEN level = 'school' AND schools_excess > 0
      THEN (district_excess * low_excess) % schools_excess END AS quota_rest
  FROM (
    SELECT c.*,
      max(low_excess) FILTER (WHERE level = 'district') OVER w AS district_excess,
      sum(low_excess) FILTER (WHERE level = 'school') OVER w AS schools_excess
    FROM counted AS c
    WINDOW w AS (PARTITION BY year, direction, grade)
  ) AS c
),
apportioned AS (
  -- The pupils the floors leave over go one each to the largest remainders (ties: the larger
  -- excess, then the school id).
  SELECT q.*,
    quota_floor + CASE WHEN row_number() OVER (
        PARTITION BY year, direction, grade, level
        ORDER BY quota_rest DESC, low_excess DESC, school_id)
      <= district_excess - sum(quota_floor) OVER (PARTITION BY year, direction, grade, level)
      THEN 1 ELSE 0 END AS contribution
  FROM quotas AS q
)
SELECT
  year, direction, grade, level, school_id,
  n::INTEGER AS participants_count,
  n_low::INTEGER AS low_count,
  n_high::INTEGER AS high_count,
  low_share_pct, high_share_pct, low_target_pct, high_target_pct,
  low_share_pct <= low_target_pct AS low_met,
  high_share_pct >= high_target_pct AS high_met,
  low_share_pct - low_target_pct AS low_gap_pp,
  high_target_pct - high_share_pct AS high_gap_pp,
  low_excess::INTEGER AS low_excess_pupils,
  high_shortfall::INTEGER AS high_shortfall_pupils,
  CASE WHEN level = 'school' THEN coalesce(contribution, 0)::INTEGER END
    AS low_gap_contribution_pupils,
  CASE WHEN level = 'school' AND district_excess > 0
    THEN share_pct(coalesce(contribution, 0), district_excess) END AS low_gap_contribution_pct,
  enrolled::INTEGER AS enrolled_count,
  share_pct(n, enrolled) AS coverage_pct,
  n < min_n AS is_small_n
FROM apportioned;
