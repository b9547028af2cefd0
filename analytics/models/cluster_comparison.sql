-- Computed flags beside the region's official lists, for the clusters the methodology has a
-- rule for and the years the region published: «совпадает», «только по расчёту» or «только в
-- списке региона».
CREATE OR REPLACE TABLE cluster_comparison AS
WITH computed AS (
  -- Only the years for which the region published a list of that cluster.
  SELECT f.year, f.school_id, f.cluster FROM risk_flags AS f
  WHERE f.triggered AND EXISTS (
    SELECT 1 FROM raw_official_cluster AS o WHERE o.year = f.year AND o.cluster = f.cluster
  )
),
official AS (
  SELECT DISTINCT o.year, o.school_id, o.cluster
  FROM raw_official_cluster AS o
  WHERE o.cluster IN (SELECT cluster FROM methodology_cluster_rule)
)
SELECT
  coalesce(c.year, o.year) AS year,
  coalesce(c.school_id, o.school_id) AS school_id,
  s.short_name,
  coalesce(c.cluster, o.cluster) AS cluster,
  c.school_id IS NOT NULL AS computed,
  o.school_id IS NOT NULL AS official,
  CASE
    WHEN c.school_id IS NOT NULL AND o.school_id IS NOT NULL THEN 'совпадает'
    WHEN c.school_id IS NOT NULL THEN 'только по расчёту'
    ELSE 'только в списке региона'
  END AS agreement
FROM computed AS c
FULL OUTER JOIN official AS o USING (year, school_id, cluster)
LEFT JOIN school AS s ON s.school_id = coalesce(c.school_id, o.school_id);
