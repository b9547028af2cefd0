-- Computed flags beside the official lists (the region's and the committee's), for the years a
-- list of the cluster was loaded: «совпадает», «только по расчёту» or «только в списке региона».
-- Every stored list row is here, also of a cluster the methodology has no rule for (ШНСУ, «500+»,
-- a name kept as its own cluster): such a cluster is never computed, so its rows are «только в
-- списке региона».
CREATE OR REPLACE TABLE cluster_comparison AS
WITH computed AS (
  -- Only the years for which a list of that cluster was loaded.
  SELECT f.year, f.school_id, f.cluster FROM risk_flags AS f
  WHERE f.triggered AND EXISTS (
    SELECT 1 FROM raw_official_cluster AS o WHERE o.year = f.year AND o.cluster = f.cluster
  )
),
official AS (
  SELECT DISTINCT o.year, o.school_id, o.cluster
  FROM raw_official_cluster AS o
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
