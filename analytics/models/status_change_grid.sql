-- Status × change grid (California School Dashboard style) for the key shares of each school
-- and the district in each year with a previous year (year − 1): the share's level 1–5 and its
-- change's level 1–5 by the methodology's cut points, both counted from the worst (so a low
-- share of «2» is a high level), and the colour of the cell (1 красный … 5 синий). Only a
-- significant change (beyond chance) is placed by its size; a change within chance sits in the
-- middle level «без значимых изменений», whatever its size. Small groups (fewer than min_n in
-- either year) are left out, as everywhere in ranking.
CREATE OR REPLACE TABLE status_change_grid AS
WITH levels AS (
  SELECT t.indicator, t.title, t.higher_is_better, t.topic, t.grade, t.level, t.school_id,
         t.year, t.n, t.pct, t.change_pp, t.change_significant,
         -- A value on a cut point belongs to the level above it (the lower bound is in the
         -- interval), compared without float noise: a change of exactly −5 п.п. is on the −5 cut.
         (1 + len(list_filter(g.status_cuts, c -> drop_float_noise(t.pct) >= c)))::INTEGER AS status_raw,
         CASE WHEN t.change_significant
           THEN 1 + len(list_filter(g.change_cuts, c -> drop_float_noise(t.change_pp) >= c))
           ELSE 3 END::INTEGER AS change_raw
  FROM trend_shares AS t
  JOIN methodology_grid AS g USING (indicator)
  WHERE t.change_pp IS NOT NULL AND NOT t.is_small_n AND NOT t.is_small_prev_n
),
oriented AS (
  SELECT *,
    CASE WHEN higher_is_better THEN status_raw ELSE 6 - status_raw END AS status_level,
    CASE WHEN higher_is_better THEN change_raw ELSE 6 - change_raw END AS change_level
  FROM levels
)
SELECT o.* EXCLUDE (status_raw, change_raw),
  c.color_level,
  ['красный', 'оранжевый', 'жёлтый', 'зелёный', 'синий'][c.color_level] AS color
FROM oriented AS o
JOIN methodology_grid_color AS c USING (status_level, change_level)
-- In series order, as trend_shares: a grid reads one series' rows.
ORDER BY o.level, o.indicator, o.topic, o.grade, o.year, o.school_id;
