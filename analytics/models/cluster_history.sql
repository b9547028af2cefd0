-- Each cluster's working list over the years: one row per cluster × year from the cluster's
-- first list to the last year any list was kept. The years are those with a list of any cluster,
-- so a cluster missing from a year's lists has 0 schools that year (all of its schools left).
-- Against the year before (prev_year: the previous year with lists; NULL in the first year of the
-- series, when nobody can be said to have entered or left): how many were on it then, who entered,
-- who left, who stayed, and the exit rate (left of those on it the year before, %; NULL when
-- there were none). Schools are counted once per cluster and year (whole schools).
CREATE OR REPLACE TABLE cluster_history AS
WITH members AS (
  SELECT DISTINCT year, cluster, school_id, short_name FROM working_list
),
years AS (
  SELECT year, lag(year) OVER (ORDER BY year) AS prev_year
  FROM (SELECT DISTINCT year FROM members)
),
clusters AS (
  SELECT cluster, min(year) AS first_year, arg_max(cluster_title, year) AS cluster_title
  FROM working_list GROUP BY cluster
),
grid AS (
  SELECT c.cluster, c.cluster_title, y.year, y.prev_year
  FROM clusters AS c JOIN years AS y ON y.year >= c.first_year
),
-- Each school on the cluster's list this year or the year before, and where it was.
presence AS (
  SELECT g.cluster, g.year, m.school_id, any_value(m.short_name) AS short_name,
    bool_or(m.year = g.year) AS now, bool_or(m.year = g.prev_year) AS before
  FROM grid AS g
  JOIN members AS m ON m.cluster = g.cluster AND (m.year = g.year OR m.year = g.prev_year)
  GROUP BY ALL
),
counted AS (
  SELECT g.cluster, g.cluster_title, g.year, g.prev_year,
    count(p.school_id) FILTER (WHERE p.now)::INTEGER AS schools,
    count(p.school_id) FILTER (WHERE p.before)::INTEGER AS prev_schools,
    count(p.school_id) FILTER (WHERE p.now AND NOT p.before)::INTEGER AS entered,
    count(p.school_id) FILTER (WHERE p.before AND NOT p.now)::INTEGER AS left_count,
    count(p.school_id) FILTER (WHERE p.now AND p.before)::INTEGER AS stayed,
    coalesce(list(p.short_name ORDER BY p.short_name) FILTER (WHERE p.now AND NOT p.before), [])
      AS entered_names,
    coalesce(list(p.short_name ORDER BY p.short_name) FILTER (WHERE p.before AND NOT p.now), [])
      AS left_names,
    coalesce(list(p.short_name ORDER BY p.short_name) FILTER (WHERE p.now AND p.before), [])
      AS stayed_names
  FROM grid AS g
  LEFT JOIN presence AS p USING (cluster, year)
  GROUP BY ALL
)
SELECT cluster, cluster_title, year, prev_year, schools,
  CASE WHEN prev_year IS NOT NULL THEN prev_schools END AS prev_schools,
  CASE WHEN prev_year IS NOT NULL THEN entered END AS entered,
  CASE WHEN prev_year IS NOT NULL THEN left_count END AS left_count,
  CASE WHEN prev_year IS NOT NULL THEN stayed END AS stayed,
  CASE WHEN prev_year IS NOT NULL THEN share_pct(left_count, prev_schools) END AS exit_pct,
  CASE WHEN prev_year IS NOT NULL THEN entered_names ELSE [] END AS entered_names,
  CASE WHEN prev_year IS NOT NULL THEN left_names ELSE [] END AS left_names,
  CASE WHEN prev_year IS NOT NULL THEN stayed_names ELSE [] END AS stayed_names
FROM counted
ORDER BY cluster, year;
