-- Risk clusters of a year against the year before: each school × cluster flagged in either
-- year, whether the flag is new, kept or removed, and whether the region's list agrees.
-- Each row carries its cluster's counts; $list_max (NULL: no limit) keeps that many schools per
-- cluster and list (flagged now / removed), new flags first: a country's cards stay readable.
WITH flagged AS (
  SELECT year, school_id, cluster, cluster_title, explanation
  FROM risk_flags
  WHERE triggered AND year IN ($year, $year - 1)
),
pairs AS (
  SELECT coalesce(now.school_id, before.school_id) AS school_id,
         coalesce(now.cluster, before.cluster) AS cluster,
         coalesce(now.cluster_title, before.cluster_title) AS cluster_title,
         now.school_id IS NOT NULL AS this_year,
         before.school_id IS NOT NULL AS last_year,
         coalesce(now.explanation, before.explanation) AS explanation
  FROM (SELECT * FROM flagged WHERE year = $year) AS now
  FULL JOIN (SELECT * FROM flagged WHERE year = $year - 1) AS before USING (school_id, cluster)
)
SELECT p.school_id, s.short_name, p.cluster, p.cluster_title, p.this_year, p.last_year,
       CASE WHEN p.this_year AND p.last_year THEN 'сохраняется'
            WHEN p.this_year THEN 'новый' ELSE 'снят' END AS change,
       c.official, p.explanation,
       (count(*) FILTER (WHERE p.this_year) OVER cluster)::INTEGER AS now_count,
       (count(*) FILTER (WHERE p.last_year) OVER cluster)::INTEGER AS last_year_count,
       (count(*) FILTER (WHERE NOT p.this_year) OVER cluster)::INTEGER AS removed_count
FROM pairs AS p
JOIN school AS s USING (school_id)
LEFT JOIN cluster_comparison AS c
  ON c.year = $year AND c.school_id = p.school_id AND c.cluster = p.cluster
WINDOW cluster AS (PARTITION BY p.cluster)
QUALIFY $list_max::INTEGER IS NULL
  OR row_number() OVER (PARTITION BY p.cluster, p.this_year
                        ORDER BY p.this_year AND NOT p.last_year DESC, s.short_name) <= $list_max
ORDER BY p.cluster, s.short_name;
