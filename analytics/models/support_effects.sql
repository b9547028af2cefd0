-- The effect of support (docs/methodology.md, «Результативность мер»): one row per school on a
-- risk cluster's working list of a school year Y (list_year). The list was drawn from the results
-- of the year before (the base year, Y − 1); support runs through Y; Y's results are the
-- re-measurement. The cluster's key indicator (effect_scope) in the base year and in Y, the change
-- in п.п. with the same two-proportion z-test and words as the trends (significance_z, min_n),
-- every year's value from the base year on (series), and the outcome: where the school is in the
-- next year's working list or, while there is none, in the flags computed on Y's results.
CREATE OR REPLACE TABLE support_effects AS
WITH listed AS (
  SELECT year AS list_year, cluster, any_value(cluster_title) AS cluster_title, school_id,
    any_value(short_name) AS short_name, any_value(source) AS source
  FROM working_list GROUP BY ALL
),
default_scope AS (SELECT * FROM effect_scope WHERE cluster IS NULL),
-- Risk clusters only: a cluster with a rule in effect_scope, or one the methodology has no rule for.
scoped AS (
  SELECT l.*,
    coalesce(s.kinds, d.kinds) AS kinds,
    CASE WHEN s.cluster IS NULL THEN d.subjects ELSE s.subjects END AS subjects,
    CASE WHEN s.cluster IS NULL THEN d.grades ELSE s.grades END AS grades,
    coalesce(s.worse_clusters, d.worse_clusters) AS worse_clusters,
    coalesce(s.indicator_title, d.indicator_title) AS indicator_title,
    coalesce(s.higher_is_better, d.higher_is_better) AS higher_is_better
  FROM listed AS l
  LEFT JOIN effect_scope AS s ON s.cluster = l.cluster
  CROSS JOIN default_scope AS d
  WHERE s.cluster IS NOT NULL
     OR l.cluster NOT IN (SELECT cluster FROM methodology_cluster_rule)
),
series AS (
  SELECT c.list_year, c.cluster, c.school_id, p.year,
    sum(effect_count(p.fails, p.good, c.higher_is_better))::INTEGER AS count,
    sum(p.n)::INTEGER AS n
  FROM scoped AS c
  JOIN stg_procedure_results AS p
    ON p.school_id = c.school_id AND p.year >= c.list_year - 1
   AND in_effect_scope(p.kind, p.subject, p.grade, c.kinds, c.subjects, c.grades)
  GROUP BY ALL
),
series_list AS (
  SELECT list_year, cluster, school_id,
    list({'year': year, 'count': count, 'n': n, 'pct': share_pct(count, n)} ORDER BY year)
      AS series
  FROM series GROUP BY ALL
),
measured AS (
  SELECT c.*, b.count AS base_count, b.n AS base_n, r.count, r.n, l.series
  FROM scoped AS c
  LEFT JOIN series AS b
    ON b.list_year = c.list_year AND b.cluster = c.cluster AND b.school_id = c.school_id
   AND b.year = c.list_year - 1
  LEFT JOIN series AS r
    ON r.list_year = c.list_year AND r.cluster = c.cluster AND r.school_id = c.school_id
   AND r.year = c.list_year
  LEFT JOIN series_list AS l
    ON l.list_year = c.list_year AND l.cluster = c.cluster AND l.school_id = c.school_id
),
tested AS (
  SELECT m.*, share_pct(m.base_count, m.base_n) AS base_pct, share_pct(m.count, m.n) AS pct,
    share_pct(m.count, m.n) - share_pct(m.base_count, m.base_n) AS change_pp,
    shares_differ(m.count, m.n, m.base_count, m.base_n, s.significance_z) AS change_significant,
    s.min_n
  FROM measured AS m CROSS JOIN methodology_setting AS s
),
-- Where the school is the next year: its clusters in the next working list, or, before that list
-- exists, the clusters the flags computed on the support year's results suggest.
next_list AS (
  SELECT year, school_id, list(DISTINCT cluster ORDER BY cluster) AS clusters
  FROM working_list GROUP BY ALL
),
computed AS (
  SELECT year, school_id, list(DISTINCT cluster ORDER BY cluster) AS clusters
  FROM risk_flags WHERE triggered GROUP BY ALL
),
list_years AS (SELECT DISTINCT year FROM working_list),
result_years AS (SELECT DISTINCT year FROM stg_procedure_results),
mentees AS (
  SELECT year, mentee_school_id AS school_id,
    list(DISTINCT mentor_name ORDER BY mentor_name) AS mentors
  FROM network_pairs GROUP BY ALL
),
placed AS (
  SELECT t.*, me.mentors,
    CASE WHEN ly.year IS NOT NULL THEN 'список следующего года'
         WHEN ry.year IS NOT NULL THEN 'расчёт по результатам года поддержки' END AS outcome_basis,
    CASE WHEN ly.year IS NOT NULL THEN coalesce(nl.clusters, [])
         WHEN ry.year IS NOT NULL THEN coalesce(cf.clusters, []) END AS next_clusters
  FROM tested AS t
  LEFT JOIN list_years AS ly ON ly.year = t.list_year + 1
  LEFT JOIN result_years AS ry ON ry.year = t.list_year
  LEFT JOIN next_list AS nl ON nl.year = t.list_year + 1 AND nl.school_id = t.school_id
  LEFT JOIN computed AS cf ON cf.year = t.list_year AND cf.school_id = t.school_id
  LEFT JOIN mentees AS me ON me.year = t.list_year AND me.school_id = t.school_id
)
SELECT list_year, list_year - 1 AS base_year, cluster, cluster_title, school_id, short_name,
  source, indicator_title, higher_is_better,
  base_count, base_n, base_pct, count, n, pct, change_pp, change_significant,
  effect_verdict(base_n, n, change_pp, change_significant, min_n, higher_is_better) AS verdict,
  series, mentors, mentors IS NOT NULL AS has_pair, outcome_basis, next_clusters,
  CASE
    WHEN next_clusters IS NULL THEN NULL
    WHEN list_contains(next_clusters, cluster) THEN 'осталась'
    WHEN list_has_any(next_clusters, worse_clusters) THEN 'хуже'
    ELSE 'вышла'
  END AS outcome
FROM placed
ORDER BY list_year, cluster, short_name;
