-- The clusters a measure of year $year may serve: those the methodology computes and those on
-- the year's working list, each with its title.
SELECT cluster, arg_max(cluster_title, precedence) AS cluster_title
FROM (
  SELECT cluster, title AS cluster_title, 1 AS precedence FROM methodology_cluster_rule
  UNION ALL
  SELECT cluster, cluster_title, 2 AS precedence FROM working_list WHERE year = $year
)
GROUP BY cluster
ORDER BY cluster;
