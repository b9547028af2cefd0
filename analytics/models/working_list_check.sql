-- The working list beside the computed flags, one row per year × cluster × school on either:
-- «совпадает» (on the list and computed), «только в списке» (on the list, not computed),
-- «только по расчёту» (computed, not on the list: the committee's suggestions to consider) and
-- «нет правила в методике» (on the list of a cluster the methodology does not compute).
CREATE OR REPLACE TABLE working_list_check AS
WITH computed AS (
  SELECT year, school_id, cluster, any_value(cluster_title) AS cluster_title,
    any_value(explanation) AS explanation
  FROM risk_flags WHERE triggered
  GROUP BY ALL
)
SELECT coalesce(w.year, c.year) AS year,
  coalesce(w.cluster, c.cluster) AS cluster,
  coalesce(w.cluster_title, c.cluster_title) AS cluster_title,
  coalesce(w.school_id, c.school_id) AS school_id,
  s.short_name,
  w.school_id IS NOT NULL AS in_list,
  c.school_id IS NOT NULL AS computed,
  w.source, w.basis, w.listed_on, w.reason,
  coalesce(w.agreement, 'только по расчёту') AS agreement,
  c.explanation
FROM working_list AS w
FULL OUTER JOIN computed AS c
  ON c.year = w.year AND c.school_id = w.school_id AND c.cluster = w.cluster
LEFT JOIN school AS s ON s.school_id = coalesce(w.school_id, c.school_id)
ORDER BY 1, 2, s.short_name;
