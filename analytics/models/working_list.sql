-- The committee's working list of each school year: one row per year × cluster × school on it.
-- Official lists come first (raw_official_cluster: the region's lists, source 'регион' or no
-- source, and the committee's own approved lists, source 'комитет'), then the schools the
-- committee added by its own decision (committee_list_decision). When one school × cluster ×
-- year comes from more than one of them, the first in that order gives the row its source,
-- basis and date (an official list's: the date its basis names, else the day it was loaded; a
-- decision's: the day it was taken). A decision to remove (the latest decision in force) takes the row off whatever
-- its source. `source`: «регион», «решение комитета» (an approved list, or an addition the
-- computed flags do not suggest) or «расчёт по методике» (an addition the computed flags
-- suggest). The computed flags stay beside it as a cross-check (`agreement`): «совпадает»,
-- «только в списке», or «нет правила в методике» for a cluster the methodology does not compute;
-- the flags not on the list are in working_list_check. The district overview, the school page,
-- the briefings and the network pairs can read their lists here (WHERE year = …).
CREATE OR REPLACE TABLE working_list AS
WITH computed AS (
  SELECT DISTINCT year, school_id, cluster FROM risk_flags WHERE triggered
),
-- The latest decision on each school × cluster × year is in force.
decision AS (
  SELECT * FROM committee_list_decision
  QUALIFY row_number() OVER (PARTITION BY year, school_id, cluster
                             ORDER BY decided_at DESC, decision_id DESC) = 1
),
official AS (
  SELECT o.year, o.school_id, o.cluster, o.label,
    CASE WHEN o.source = 'комитет' THEN 'решение комитета' ELSE 'регион' END AS source,
    CASE WHEN o.source = 'комитет' THEN 2 ELSE 1 END AS precedence,
    o.basis,
    -- the date of the basis document («… от 19.10.2023 № 356»), else the day the list was loaded
    coalesce(try_strptime(regexp_extract(o.basis, '(\d{2}\.\d{2}\.\d{4})', 1), '%d.%m.%Y')::DATE,
             b.imported_at::DATE) AS listed_on,
    NULL::VARCHAR AS reason
  FROM raw_official_cluster AS o
  JOIN import_batch AS b USING (batch_id)
),
added AS (
  SELECT d.year, d.school_id, d.cluster, NULL::VARCHAR AS label,
    CASE WHEN c.school_id IS NOT NULL THEN 'расчёт по методике' ELSE 'решение комитета' END
      AS source,
    3 AS precedence, d.basis, d.decided_at::DATE AS listed_on, d.reason
  FROM decision AS d
  LEFT JOIN computed AS c USING (year, school_id, cluster)
  WHERE d.action = 'add'
),
entries AS (
  SELECT * FROM (SELECT * FROM official UNION ALL BY NAME SELECT * FROM added)
  QUALIFY row_number() OVER (PARTITION BY year, school_id, cluster
                             ORDER BY precedence, listed_on DESC NULLS LAST, basis) = 1
),
titles AS (
  SELECT cluster, arg_max(title, effective_from) AS cluster_title
  FROM methodology_cluster_rule GROUP BY cluster
)
SELECT e.year, e.cluster, coalesce(t.cluster_title, e.cluster) AS cluster_title,
  e.school_id, s.short_name, s.full_name, e.source, e.basis, e.listed_on, e.reason, e.label,
  c.school_id IS NOT NULL AS computed,
  CASE WHEN t.cluster IS NULL THEN 'нет правила в методике'
       WHEN c.school_id IS NOT NULL THEN 'совпадает'
       ELSE 'только в списке' END AS agreement
FROM entries AS e
LEFT JOIN decision AS d
  ON d.year = e.year AND d.school_id = e.school_id AND d.cluster = e.cluster
LEFT JOIN computed AS c
  ON c.year = e.year AND c.school_id = e.school_id AND c.cluster = e.cluster
LEFT JOIN titles AS t ON t.cluster = e.cluster
LEFT JOIN school AS s ON s.school_id = e.school_id
WHERE d.action IS DISTINCT FROM 'remove'
ORDER BY e.year, e.cluster, s.short_name;
