-- The effect of support on the working list of $year summed up per cluster, per form of support
-- (with a network pair or without) and per section of the road map (the schools a done measure
-- of the section reached): whole schools by the change of the key indicator and by the outcome.
-- The counts of each row add up to its schools; a school in two clusters counts in each.
WITH effects AS (
  SELECT school_id, cluster, has_pair, verdict, outcome FROM support_effects WHERE list_year = $year
),
reached AS (
  SELECT DISTINCT section, school_id FROM roadmap_reach WHERE year = $year AND status = 'выполнено'
),
groups AS (
  SELECT 'cluster' AS grouping, cluster AS label, * FROM effects
  UNION ALL
  SELECT 'support', CASE WHEN has_pair THEN 'с сетевой парой' ELSE 'без сетевой пары' END, *
  FROM effects
  UNION ALL
  SELECT 'section', r.section, e.* FROM effects AS e JOIN reached AS r USING (school_id)
)
SELECT grouping, label,
  count(*)::INTEGER AS schools,
  count(*) FILTER (WHERE verdict = 'улучшение')::INTEGER AS improved,
  count(*) FILTER (WHERE verdict = 'без значимых изменений')::INTEGER AS unchanged,
  count(*) FILTER (WHERE verdict = 'ухудшение')::INTEGER AS worsened,
  count(*) FILTER (WHERE verdict NOT IN ('улучшение', 'без значимых изменений', 'ухудшение'))::INTEGER
    AS not_measured,
  count(*) FILTER (WHERE outcome = 'вышла')::INTEGER AS left_count,
  count(*) FILTER (WHERE outcome = 'осталась')::INTEGER AS stayed,
  count(*) FILTER (WHERE outcome = 'хуже')::INTEGER AS worse_cluster,
  count(*) FILTER (WHERE outcome IS NULL)::INTEGER AS outcome_unknown
FROM groups
GROUP BY ALL
ORDER BY grouping, label;
