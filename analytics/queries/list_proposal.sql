-- The correction of the working list (docs/methodology.md, «Результативность мер»): for the list
-- of school year $year + 1, proposed from the list of $year and the results of $year (the support
-- year). A risk cluster's school on the list leaves when its key indicator improved significantly
-- AND the cluster's rule is no longer met on $year's results, or when the next working list puts
-- it in a more severe cluster; otherwise it stays. A school enters
-- when the flags computed on $year's results suggest it, or when an official list of $year + 1
-- already names it. Leaders and clusters outside the effect's scope are not proposed. One row per
-- school × cluster, with the words of the reason and whether the next list already has it.
WITH stays AS (
  SELECT e.cluster, e.cluster_title, e.school_id, e.short_name, e.verdict, e.change_pp,
    e.base_pct, e.base_n, e.pct, e.n, e.outcome, e.outcome_basis, e.next_clusters,
    coalesce(f.triggered, false) AS rule_met, r.cluster IS NOT NULL AS has_rule
  FROM support_effects AS e
  LEFT JOIN risk_flags AS f
    ON f.year = e.list_year AND f.school_id = e.school_id AND f.cluster = e.cluster
  LEFT JOIN (SELECT DISTINCT cluster FROM methodology_cluster_rule) AS r ON r.cluster = e.cluster
  WHERE e.list_year = $year
),
-- A school the next working list already puts in a more severe cluster leaves this one.
staying AS (
  SELECT cluster, cluster_title, school_id, short_name,
    CASE WHEN outcome = 'хуже' AND outcome_basis = 'список следующего года' THEN 'исключить'
         WHEN verdict = 'улучшение' AND has_rule AND NOT rule_met THEN 'исключить'
         ELSE 'оставить' END AS proposal,
    CASE
      WHEN outcome = 'хуже' AND outcome_basis = 'список следующего года'
        THEN 'в рабочем списке ' || ru_school_year($year + 1) || ' — в более тяжёлом кластере: '
             || array_to_string(next_clusters, ', ')
      ELSE
        CASE verdict
          WHEN 'улучшение' THEN 'значимое улучшение'
          WHEN 'ухудшение' THEN 'значимое ухудшение'
          WHEN 'мало данных' THEN 'мало участников для вывода'
          ELSE verdict
        END
        || coalesce(' (' || ru_num(base_pct, 1) || ' %, n = ' || base_n || ' → ' || ru_num(pct, 1)
                    || ' %, n = ' || n || ')', '')
        || CASE
             WHEN NOT has_rule THEN '; в методике нет правила этого кластера, решение за комитетом'
             WHEN rule_met THEN '; по результатам ' || ru_school_year($year) || ' правило кластера выполняется'
             WHEN verdict = 'улучшение' THEN '; по результатам ' || ru_school_year($year) || ' правило кластера не выполняется'
             ELSE '; правило кластера не выполняется, но значимого улучшения нет'
           END
    END AS reason
  FROM stays
),
listed AS (SELECT DISTINCT cluster, school_id FROM working_list WHERE year = $year),
entering AS (
  SELECT f.cluster, any_value(f.cluster_title) AS cluster_title, f.school_id,
    any_value(s.short_name) AS short_name, 'включить' AS proposal,
    'предложено расчётом: ' || any_value(f.explanation) AS reason
  FROM risk_flags AS f
  JOIN effect_scope AS c ON c.cluster = f.cluster
  LEFT JOIN school AS s ON s.school_id = f.school_id
  WHERE f.year = $year AND f.triggered
    AND NOT EXISTS (SELECT 1 FROM listed AS l WHERE l.cluster = f.cluster AND l.school_id = f.school_id)
  GROUP BY f.cluster, f.school_id
  UNION ALL
  SELECT o.cluster, coalesce(any_value(t.title), o.cluster), o.school_id, any_value(s.short_name),
    'включить', 'в официальном списке на ' || ru_school_year($year + 1) || coalesce(': ' || any_value(o.basis), '')
  FROM raw_official_cluster AS o
  LEFT JOIN effect_scope AS c ON c.cluster = o.cluster
  LEFT JOIN methodology_cluster_rule AS t ON t.cluster = o.cluster
  LEFT JOIN school AS s ON s.school_id = o.school_id
  WHERE o.year = $year + 1
    AND (c.cluster IS NOT NULL OR t.cluster IS NULL)
    AND NOT EXISTS (SELECT 1 FROM listed AS l WHERE l.cluster = o.cluster AND l.school_id = o.school_id)
  GROUP BY o.cluster, o.school_id
),
proposed AS (
  SELECT * FROM staying
  UNION ALL
  SELECT * FROM entering
  QUALIFY row_number() OVER (PARTITION BY cluster, school_id ORDER BY reason) = 1
)
SELECT p.*, n.school_id IS NOT NULL AS in_next_list
FROM proposed AS p
LEFT JOIN (SELECT DISTINCT cluster, school_id FROM working_list WHERE year = $year + 1) AS n
  USING (cluster, school_id)
ORDER BY p.cluster, CASE p.proposal WHEN 'исключить' THEN 1 WHEN 'оставить' THEN 2 ELSE 3 END,
  p.short_name;
