-- Rule «rank_band» (ШНОР: the lowest decile, docs/methodology.md §2.3; ШЛ: the top band, §2.5):
-- each school's ВПР results pooled over the rule's subjects and grades (participant-weighted),
-- ranked among the district's schools per year on each metric; the school is in the band in a year
-- when the share of schools at or beyond it (cume_dist) is within the band's percent on any metric.
-- Triggered when in the band in each of the last consecutive_years years. Groups below the minimum
-- n, and schools flagged non-objective that year (if the rule says so), are left out of ranking.
CREATE OR REPLACE TABLE flags_rank_band AS
WITH rule AS (
  SELECT cluster, title, rule, version, is_default, effective_from, effective_until,
    params->>'band' AS band,
    (params->>'percent')::DOUBLE AS band_pct,
    from_json(params->'metrics', '["VARCHAR"]') AS metrics,
    from_json(params->'subjects', '["VARCHAR"]') AS subjects,
    from_json(params->'grades', '["INTEGER"]') AS grades,
    (params->>'consecutiveYears')::INTEGER AS consecutive_years,
    (params->>'excludeNonObjective')::BOOLEAN AS exclude_non_objective,
    (params->>'includeSmallN')::BOOLEAN AS include_small_n
  FROM methodology_cluster_rule WHERE rule = 'rank_band'
),
pooled AS (
  SELECT r.cluster, r.version, p.school_id, p.year,
    sum(p.n) AS n, sum(p.fails) AS fails, sum(p.good) AS good, sum(p.mark_total) AS mark_total
  FROM stg_procedure_results AS p
  JOIN rule AS r
    ON p.kind = 'ВПР' AND list_contains(r.subjects, p.subject) AND list_contains(r.grades, p.grade)
  GROUP BY ALL
),
eligible AS (
  SELECT p.*, unnest(r.metrics) AS metric, r.band
  FROM pooled AS p
  JOIN rule AS r USING (cluster, version)
  CROSS JOIN methodology_setting AS m
  WHERE p.n > 0 AND (r.include_small_n OR p.n >= m.min_n)
    AND NOT (r.exclude_non_objective AND EXISTS (
      SELECT 1 FROM flags_objectivity AS o
      WHERE o.triggered AND o.school_id = p.school_id AND o.year = p.year
    ))
),
valued AS (
  SELECT *,
    CASE metric
      WHEN 'dolya2' THEN share_pct(fails, n)
      WHEN 'kachestvo' THEN share_pct(good, n)
      ELSE mark_total / n
    END AS value,
    -- Larger is «further into the band»: worse results for the bottom band, better for the top.
    CASE WHEN (metric = 'dolya2') = (band = 'bottom') THEN 1 ELSE -1 END AS into_band
  FROM eligible
),
ranked AS (
  SELECT v.*, r.band_pct,
    -- Places counted from the best result, as a methodologist reads a ranking.
    rank() OVER (PARTITION BY cluster, version, year, metric
                 ORDER BY CASE metric WHEN 'dolya2' THEN -value ELSE value END DESC) AS place,
    count(*) OVER (PARTITION BY cluster, version, year, metric) AS schools_count,
    -- without float noise: 3 of 30 schools is 10 %, within a band of 10 %
    drop_float_noise(cume_dist() OVER w * 100) <= r.band_pct AS in_band,
    -- The district's figure over the same schools, weighted by participants.
    CASE metric
      WHEN 'dolya2' THEN share_pct(sum(fails) OVER g, sum(n) OVER g)
      WHEN 'kachestvo' THEN share_pct(sum(good) OVER g, sum(n) OVER g)
      ELSE sum(mark_total) OVER g / sum(n) OVER g
    END AS district_value
  FROM valued AS v
  JOIN rule AS r USING (cluster, version)
  WINDOW w AS (PARTITION BY cluster, version, year, metric ORDER BY into_band * value DESC),
         g AS (PARTITION BY cluster, version, year, metric)
),
edged AS (
  -- The band's edge: the value of the last school inside it.
  SELECT *,
    CASE WHEN into_band > 0
      THEN min(value) FILTER (WHERE in_band) OVER (PARTITION BY cluster, version, year, metric)
      ELSE max(value) FILTER (WHERE in_band) OVER (PARTITION BY cluster, version, year, metric)
    END AS edge
  FROM ranked
),
-- Each school's metrics in one list sorted by metric: list_sort orders structs by their first
-- field, many times faster than string_agg / list (… ORDER BY) at a country's size.
per_year AS (
  SELECT cluster, version, school_id, year, bool_or(in_band) AS in_band, any_value(n) AS n,
    list_sort(list(struct_pack(
      metric := metric,
      phrase := CASE metric WHEN 'dolya2' THEN 'доля «2» ' WHEN 'kachestvo' THEN 'качество знаний ' ELSE 'средняя отметка ' END
        || CASE metric WHEN 'avg_mark' THEN ru_num(value, 2) ELSE ru_num(value, 1) || ' %' END
        || ', место ' || place || ' из ' || schools_count,
      evidence := struct_pack(
        indicator := 'ВПР: ' || CASE metric WHEN 'dolya2' THEN 'доля «2», %' WHEN 'kachestvo' THEN 'качество знаний, %' ELSE 'средняя отметка' END,
        year := year, value := value, n := n::INTEGER, threshold := edge, baseline := district_value,
        baseline_label := 'район', met := in_band
      )
    ))) AS metrics
  FROM edged
  GROUP BY cluster, version, school_id, year
),
years AS (
  SELECT cluster, version, school_id, year, in_band,
    ru_school_year(year) || ': ' || array_to_string(list_transform(metrics, m -> m.phrase), ', ')
      || ' (n = ' || n || ')'
      || CASE WHEN in_band THEN ' — входит' ELSE ' — не входит' END AS phrase,
    list_transform(metrics, m -> m.evidence) AS evidence
  FROM per_year
),
-- Each year in the band, with the window of consecutive_years years that ends in it.
current AS (
  SELECT y.cluster, y.version, y.school_id, y.year,
    count(*) FILTER (WHERE w.in_band) AS years_in_band,
    flatten(list(w.evidence ORDER BY w.year DESC)) AS evidence,
    string_agg(w.phrase, '; ' ORDER BY w.year DESC) AS listed
  FROM years AS y
  JOIN rule AS r USING (cluster, version)
  JOIN years AS w
    ON w.cluster = y.cluster AND w.version = y.version AND w.school_id = y.school_id
   AND w.year BETWEEN y.year - r.consecutive_years + 1 AND y.year
  WHERE y.in_band AND in_force(y.year, r.effective_from, r.effective_until)
  GROUP BY y.cluster, y.version, y.school_id, y.year
)
SELECT
  c.year, c.school_id, c.cluster, r.title AS cluster_title,
  c.years_in_band >= r.consecutive_years AS triggered,
  r.rule AS rule_id, r.version AS rule_version, r.is_default AS rule_is_default,
  c.years_in_band::INTEGER AS years_in_band,
  c.evidence,
  'По ВПР (' || ru_list(r.subjects) || '; ' || ru_list(r.grades) || ' кл.) школа в '
    || CASE r.band WHEN 'bottom' THEN 'нижних ' ELSE 'верхних ' END || ru_g(r.band_pct)
    || ' % школ района ' || c.years_in_band || ' ' || ru_plural(c.years_in_band, 'год', 'года', 'лет')
    || ' из ' || r.consecutive_years || ' последних (нужно ' || r.consecutive_years || ' подряд). '
    || c.listed || '.' AS explanation,
  'Признак снимается, если в одном из ' || r.consecutive_years || ' последних лет школа окажется вне '
    || CASE r.band WHEN 'bottom' THEN 'нижних ' ELSE 'верхних ' END || ru_g(r.band_pct)
    || ' % школ района по всем показателям: '
    || array_to_string(list_transform(r.metrics, x -> CASE x WHEN 'dolya2' THEN 'доля «2»'
         WHEN 'kachestvo' THEN 'качество знаний' ELSE 'средняя отметка' END), ', ')
    || CASE WHEN r.exclude_non_objective THEN ' (школы с признаками необъективности не ранжируются)' ELSE '' END
    || '.' AS clears_when
FROM current AS c
JOIN rule AS r USING (cluster, version);
