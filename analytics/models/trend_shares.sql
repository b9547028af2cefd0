-- Year-over-year trends of the key shares, per school and for the district. For each year:
-- the share with its Wilson 95 % interval, the change in п.п. since the previous year (strictly
-- year − 1: after a gap year there is no previous year, no change and no test, as in the
-- district table; a change over two years is only shown where it is labelled as such) with a
-- two-proportion z-test (significant when |z| > 1,96: larger than chance allows at that n),
-- and the direction over the last five years (least-squares slope over at least three years;
-- «рост» / «снижение» beyond the methodology's slope, else «без выраженной динамики»).
CREATE OR REPLACE TABLE trend_shares AS
WITH series AS (
  SELECT 'vpr_dolya2' AS indicator, 'ВПР: доля «2»' AS title, false AS higher_is_better,
         subject AS topic, grade, level, school_id, year, n2 AS hits, participants_count AS n
  FROM ind_vpr WHERE level IN ('school', 'district')
  UNION ALL
  SELECT 'vpr_kachestvo', 'ВПР: качество знаний', true, subject, grade, level, school_id, year,
         n4 + n5, participants_count
  FROM ind_vpr WHERE level IN ('school', 'district')
  UNION ALL
  SELECT 'oge_dolya2', 'ОГЭ: доля «2»', false, subject, NULL, level, school_id, year, n2, marked_count
  FROM ind_gia WHERE exam = 'ОГЭ' AND marked_count > 0
  UNION ALL
  SELECT 'ege_below_min', 'ЕГЭ: не преодолели минимальный балл', false, subject, NULL, level,
         school_id, year, below_min_count, scored_count
  FROM ind_gia WHERE exam = 'ЕГЭ' AND scored_count > 0 AND below_min_count IS NOT NULL
  UNION ALL
  SELECT 'fg_low', 'ФГ: недостаточный и низкий уровни', false, direction, grade, level,
         school_id, year, low_count, participants_count
  FROM fg_targets
  UNION ALL
  SELECT 'fg_high', 'ФГ: высокий уровень', true, direction, grade, level, school_id, year,
         high_count, participants_count
  FROM fg_targets
),
shares AS (
  SELECT s.*, hits / n AS p FROM series AS s WHERE n > 0
),
-- One pass over each series (sorted once): the row before (kept only when it is year − 1: a gap
-- year is a gap), and the slope
-- over the year and up to four before it (a window, not a subquery per row: a country has
-- millions of rows here).
with_previous AS (
  SELECT a.*,
    lag(year) OVER w AS before_year, lag(hits) OVER w AS before_hits, lag(n) OVER w AS before_n,
    CASE WHEN count(*) OVER five >= 3 THEN regr_slope(share_pct(hits, n), year) OVER five END
      AS slope_pp
  FROM shares AS a
  WINDOW
    w AS (PARTITION BY indicator, topic, grade, level, school_id ORDER BY year),
    five AS (
      PARTITION BY indicator, topic, grade, level, school_id ORDER BY year
      RANGE BETWEEN 4 PRECEDING AND CURRENT ROW
    )
),
previous AS (
  SELECT * EXCLUDE (before_year, before_hits, before_n),
    CASE WHEN before_year = year - 1 THEN before_year END AS prev_year,
    CASE WHEN before_year = year - 1 THEN before_hits END AS prev_hits,
    CASE WHEN before_year = year - 1 THEN before_n END AS prev_n
  FROM with_previous
),
tested AS (
  SELECT *,
    (hits + prev_hits) / (n + prev_n) AS pooled
  FROM previous
)
SELECT
  indicator, title, higher_is_better, topic, grade, level, school_id, year,
  hits::INTEGER AS count, n::INTEGER AS n,
  share_pct(hits, n) AS pct,
  100 * wilson_low(p, n, m.significance_z) AS ci_low_pct,
  100 * wilson_high(p, n, m.significance_z) AS ci_high_pct,
  prev_year,
  share_pct(prev_hits, prev_n) AS prev_pct,
  prev_n::INTEGER AS prev_n,
  -- the difference of the two shares as stored (share_pct): 2/24 after 4/30 is −5 exactly here,
  -- where 100 · (a / n) − 100,0 · b / m gave −5.000000000000002; compared with cut points
  -- without float noise (status_change_grid)
  share_pct(hits, n) - share_pct(prev_hits, prev_n) AS change_pp,
  CASE WHEN prev_n > 0 AND pooled > 0 AND pooled < 1 THEN
    (p - prev_hits / prev_n) / sqrt(pooled * (1 - pooled) * (1 / n + 1 / prev_n))
  END AS z_score,
  coalesce(abs((p - prev_hits / prev_n) / sqrt(pooled * (1 - pooled) * (1 / n + 1 / prev_n))) > m.significance_z, false)
    AND pooled > 0 AND pooled < 1 AS change_significant,
  slope_pp AS slope_pp_per_year,
  CASE
    WHEN slope_pp IS NULL THEN NULL
    WHEN drop_float_noise(slope_pp) > m.trend_slope_pp THEN 'рост'
    WHEN drop_float_noise(slope_pp) < -m.trend_slope_pp THEN 'снижение'
    ELSE 'без выраженной динамики'
  END AS direction_5y,
  n < m.min_n AS is_small_n,
  prev_n < m.min_n AS is_small_prev_n
FROM tested CROSS JOIN methodology_setting AS m
-- Stored in series order: a comparison reads one series' rows of a country, not all 9 million.
ORDER BY level, indicator, topic, grade, year, school_id;
