-- The key indicator by which the support of a risk cluster's schools is judged
-- (docs/methodology.md, «Результативность мер»): the share its rule counts, over the procedures,
-- subjects and grades the rule counts, so the effect is measured on what put a school on the
-- list — the share of «2» (ЕГЭ: below the minimum score; fewer is better) for a rule of failing
-- shares (ШПУН, ШНОР), the share of «4» and «5» (more is better) for a rule of quality (ШФЗСОР:
-- its decline or lag). One row per cluster with a rule (the default version, latest in force)
-- and one row with cluster NULL for a listed cluster the methodology has no rule for: the share of
-- «2» in ВПР, Russian and mathematics, all grades. Leaders (a rule of the top band) and the
-- non-objectivity mark are not supported schools and have no row. worse_clusters: the clusters
-- the rule excludes as more severe (ШФЗСОР excludes ШНОР), so moving into one is a worse outcome.
CREATE OR REPLACE TABLE effect_scope AS
WITH rule AS (
  SELECT cluster, arg_max(rule, effective_from) AS rule, arg_max(params, effective_from) AS params
  FROM methodology_cluster_rule
  WHERE is_default AND rule <> 'objectivity_signs' AND coalesce(params->>'band', '') <> 'top'
  GROUP BY cluster
),
scope AS (
  SELECT cluster,
    coalesce(from_json(params->'procedures', '["VARCHAR"]'), ['ВПР']) AS kinds,
    from_json(params->'subjects', '["VARCHAR"]') AS subjects,
    from_json(params->'grades', '["INTEGER"]') AS grades,
    coalesce(from_json(params->'excludeClusters', '["VARCHAR"]'), []) AS worse_clusters,
    rule = 'decline_or_below'
      OR list_contains(coalesce(from_json(params->'metrics', '["VARCHAR"]'), []), 'kachestvo')
      AS higher_is_better
  FROM rule
  UNION ALL
  SELECT NULL, ['ВПР'], ['Русский язык', 'Математика'], NULL, [], false
)
SELECT *,
  CASE WHEN higher_is_better THEN 'Доля «4» и «5»'
       WHEN list_contains(kinds, 'ЕГЭ') THEN 'Доля «2» и не преодолевших минимум ЕГЭ'
       ELSE 'Доля «2»' END
    || ': ' || array_to_string(kinds, ', ')
    || CASE WHEN grades IS NOT NULL
         THEN ' (' || list_min(grades) || '–' || list_max(grades) || ' кл.)' ELSE '' END
    || ' — ' || coalesce(lower(array_to_string(subjects, ', ')), 'все предметы')
    AS indicator_title
FROM scope;
