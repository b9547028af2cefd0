-- The key indicator by which the support of a risk cluster's schools is judged
-- (docs/methodology.md, «Результативность мер»): the share of participants with «2» (ЕГЭ: below
-- the minimum score) over the procedures, subjects and grades the cluster's rule counts, so the
-- effect is measured on what put a school on the list. One row per cluster with a rule (the
-- default version, latest in force) and one row with cluster NULL for a listed cluster the
-- methodology has no rule for: ВПР, Russian and mathematics, all grades. Leaders (a rule of the
-- top band) and the non-objectivity mark are not supported schools and have no row.
-- worse_clusters: the clusters the rule excludes as more severe (ШФЗСОР excludes ШНОР), so
-- moving into one of them is a worse outcome.
CREATE OR REPLACE TABLE effect_scope AS
WITH rule AS (
  SELECT cluster, arg_max(params, effective_from) AS params
  FROM methodology_cluster_rule
  WHERE is_default AND rule <> 'objectivity_signs' AND coalesce(params->>'band', '') <> 'top'
  GROUP BY cluster
),
scope AS (
  SELECT cluster,
    coalesce(from_json(params->'procedures', '["VARCHAR"]'), ['ВПР']) AS kinds,
    from_json(params->'subjects', '["VARCHAR"]') AS subjects,
    from_json(params->'grades', '["INTEGER"]') AS grades,
    coalesce(from_json(params->'excludeClusters', '["VARCHAR"]'), []) AS worse_clusters
  FROM rule
  UNION ALL
  SELECT NULL, ['ВПР'], ['Русский язык', 'Математика'], NULL, []
)
SELECT *,
  CASE WHEN list_contains(kinds, 'ЕГЭ') THEN 'Доля «2» и не преодолевших минимум ЕГЭ'
       ELSE 'Доля «2»' END
    || ': ' || array_to_string(kinds, ', ')
    || CASE WHEN grades IS NOT NULL
         THEN ' (' || list_min(grades) || '–' || list_max(grades) || ' кл.)' ELSE '' END
    || ' — ' || coalesce(lower(array_to_string(subjects, ', ')), 'все предметы')
    AS indicator_title
FROM scope;
