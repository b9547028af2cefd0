-- Each cluster's working list in year $from against year $to: how many of $from's schools are
-- still on it in $to, how many left (and the share of $from's schools, %), how many entered.
-- Whole schools, each counted once per cluster; clusters listed in either year.
WITH a AS (SELECT DISTINCT cluster, school_id, short_name FROM working_list WHERE year = $from),
b AS (SELECT DISTINCT cluster, school_id, short_name FROM working_list WHERE year = $to),
both_years AS (
  SELECT coalesce(a.cluster, b.cluster) AS cluster,
    coalesce(a.short_name, b.short_name) AS short_name,
    a.school_id IS NOT NULL AS was, b.school_id IS NOT NULL AS is_now
  FROM a FULL OUTER JOIN b USING (cluster, school_id)
),
titles AS (SELECT cluster, arg_max(cluster_title, year) AS cluster_title FROM working_list GROUP BY cluster)
SELECT cluster, any_value(t.cluster_title) AS cluster_title,
  count(*) FILTER (WHERE was)::INTEGER AS from_schools,
  count(*) FILTER (WHERE is_now)::INTEGER AS to_schools,
  count(*) FILTER (WHERE was AND is_now)::INTEGER AS still,
  count(*) FILTER (WHERE was AND NOT is_now)::INTEGER AS left_count,
  count(*) FILTER (WHERE is_now AND NOT was)::INTEGER AS entered,
  share_pct(count(*) FILTER (WHERE was AND NOT is_now), count(*) FILTER (WHERE was)) AS exit_pct,
  coalesce(list(short_name ORDER BY short_name) FILTER (WHERE was AND is_now), []) AS still_names,
  coalesce(list(short_name ORDER BY short_name) FILTER (WHERE was AND NOT is_now), []) AS left_names,
  coalesce(list(short_name ORDER BY short_name) FILTER (WHERE is_now AND NOT was), []) AS entered_names
FROM both_years LEFT JOIN titles AS t USING (cluster)
GROUP BY cluster
ORDER BY cluster;
