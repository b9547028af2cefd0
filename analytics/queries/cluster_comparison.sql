-- Computed flags beside the region's official lists, for a year (optional).
SELECT year, school_id, short_name, cluster, computed, official, agreement
FROM cluster_comparison
WHERE ($year IS NULL OR year = $year)
ORDER BY year DESC, cluster, agreement, short_name;
