-- The district overview's cluster cards: the working list of $year, each entry with its source,
-- basis, date and the cross-check with the calculation, then the schools only the calculation
-- suggests (not on the list). Each row carries its cluster's counts: on the list this year, on the
-- list last year (NULL when last year has no working list at all), suggested; and the schools that
-- left the list since last year. $list_max (NULL: no limit) keeps that many schools per cluster
-- and kind (on the list / suggested): a country's cards stay readable.
WITH this_year AS (
  SELECT * FROM working_list_check WHERE year = $year
),
last_year AS (
  SELECT cluster, school_id, short_name FROM working_list WHERE year = $year - 1
),
last_counts AS (
  SELECT cluster, count(*)::INTEGER AS last_year_count FROM last_year GROUP BY cluster
),
left_list AS (
  SELECT l.cluster, list(l.short_name ORDER BY l.short_name) AS left_names
  FROM last_year AS l
  WHERE NOT EXISTS (SELECT 1 FROM this_year AS t
                    WHERE t.in_list AND t.cluster = l.cluster AND t.school_id = l.school_id)
  GROUP BY l.cluster
)
SELECT t.cluster, t.cluster_title, t.school_id, t.short_name, t.in_list, t.source, t.basis,
  strftime(t.listed_on, '%Y-%m-%d') AS listed_on, t.reason, t.agreement, t.explanation,
  l.school_id IS NOT NULL AS last_year,
  (count(*) FILTER (WHERE t.in_list) OVER cluster)::INTEGER AS list_count,
  (count(*) FILTER (WHERE NOT t.in_list) OVER cluster)::INTEGER AS suggested_count,
  CASE WHEN EXISTS (SELECT 1 FROM last_year) THEN coalesce(c.last_year_count, 0) END
    AS last_year_count,
  coalesce(ll.left_names, []) AS left_names
FROM this_year AS t
LEFT JOIN last_year AS l ON l.cluster = t.cluster AND l.school_id = t.school_id
LEFT JOIN last_counts AS c ON c.cluster = t.cluster
LEFT JOIN left_list AS ll ON ll.cluster = t.cluster
WINDOW cluster AS (PARTITION BY t.cluster)
QUALIFY $list_max::INTEGER IS NULL
  OR row_number() OVER (PARTITION BY t.cluster, t.in_list ORDER BY t.short_name) <= $list_max
ORDER BY t.cluster, NOT t.in_list, t.short_name;
