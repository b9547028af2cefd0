-- Rule «rank_band» (ШНОР: docs/methodology.md §2.3; ШЛ: §2.5): each school's ВПР results over the
-- rule's subjects and grades (participant-weighted; each subject on its own with eachSubject), per
-- year, judged on each metric by one of two comparisons:
-- - 'district': ranked among the district's schools; in the band when the share of schools at or
--   beyond it (cume_dist) is within the band's percent (a district almost always has such schools);
-- - 'threshold': at or beyond the boundary the methodology gives (a region's published value), so
--   a district may have none.
-- With eachSubject a metric is in the band only when every subject is (and has results); the school is in the band in
-- a year when any metric is, and triggered when in the band in each of the last consecutive_years
-- years. Groups below the minimum n, and schools flagged non-objective that year (if the rule says
-- so), are left out.
CREATE OR REPLACE TABLE flags_rank_band AS
WITH rule AS (
  SELECT cluster, title, rule, version, is_default, effective_from, effective_until,
    params->>'band' AS band,
    coalesce(params->>'comparison', 'district') AS comparison,
    (params->>'percent')::DOUBLE AS band_pct,
    (params->>'dolya2Pct')::DOUBLE AS dolya2_boundary,
    (params->>'avgMark')::DOUBLE AS avg_mark_boundary,
    (params->>'kachestvoPct')::DOUBLE AS kachestvo_boundary,
    from_json(params->'metrics', '["VARCHAR"]') AS metrics,
    from_json(params->'subjects', '["VARCHAR"]') AS subjects,
    from_json(params->'grades', '["INTEGER"]') AS grades,
    coalesce((params->>'eachSubject')::BOOLEAN, false) AS each_subject,
    (params->>'consecutiveYears')::INTEGER AS consecutive_years,
    (params->>'excludeNonObjective')::BOOLEAN AS exclude_non_objective,
    (params->>'includeSmallN')::BOOLEAN AS include_small_n
  FROM methodology_cluster_rule WHERE rule = 'rank_band'
),
-- Each metric of each rule with its words: «доля «2» не ниже 30 %» (in the band), «доля «2» ниже
-- 30 %» (out of it). Larger into_band is «further into the band»: worse results for the bottom
-- band, better for the top.
rule_metric AS (
  SELECT cluster, version, metric, into_band, boundary,
    name || CASE WHEN into_band > 0 THEN ' не ниже ' ELSE ' не выше ' END || boundary_text AS inside,
    name || CASE WHEN into_band > 0 THEN ' ниже ' ELSE ' выше ' END || boundary_text AS outside
  FROM (
    SELECT cluster, version, metric,
      CASE WHEN (metric = 'dolya2') = (band = 'bottom') THEN 1 ELSE -1 END AS into_band,
      CASE metric WHEN 'dolya2' THEN dolya2_boundary WHEN 'kachestvo' THEN kachestvo_boundary
        ELSE avg_mark_boundary END AS boundary,
      CASE metric WHEN 'dolya2' THEN 'доля «2»' WHEN 'kachestvo' THEN 'качество знаний'
        ELSE 'средняя отметка' END AS name,
      ru_g(boundary) || CASE WHEN metric = 'avg_mark' THEN '' ELSE ' %' END AS boundary_text
    FROM (SELECT *, unnest(metrics) AS metric FROM rule)
  )
),
pooled AS (
  -- subject_group: the subject when each subject counts on its own, else '' (subjects pooled)
  SELECT r.cluster, r.version, p.school_id, p.year,
    CASE WHEN r.each_subject THEN p.subject ELSE '' END AS subject_group,
    sum(p.n) AS n, sum(p.fails) AS fails, sum(p.good) AS good, sum(p.mark_total) AS mark_total
  FROM stg_procedure_results AS p
  JOIN rule AS r
    ON p.kind = 'ВПР' AND list_contains(r.subjects, p.subject) AND list_contains(r.grades, p.grade)
  GROUP BY ALL
),
eligible AS (
  SELECT p.*, m.metric, m.into_band, m.boundary
  FROM pooled AS p
  JOIN rule AS r USING (cluster, version)
  JOIN rule_metric AS m USING (cluster, version)
  CROSS JOIN methodology_setting AS s
  WHERE p.n > 0 AND (r.include_small_n OR p.n >= s.min_n)
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
    END AS value
  FROM eligible
),
ranked AS (
  SELECT v.*, r.band_pct, r.comparison, r.each_subject, len(r.subjects) AS subjects_count,
    -- Places counted from the best result, as a methodologist reads a ranking.
    rank() OVER (PARTITION BY cluster, version, year, metric, subject_group
                 ORDER BY CASE metric WHEN 'dolya2' THEN -value ELSE value END DESC) AS place,
    count(*) OVER (PARTITION BY cluster, version, year, metric, subject_group) AS schools_count,
    -- Without float noise: 3 of 30 schools is 10 %, within a band of 10 %; a share of exactly
    -- 30 % is «не ниже 30 %».
    CASE r.comparison
      WHEN 'district' THEN drop_float_noise(cume_dist() OVER w * 100) <= r.band_pct
      ELSE drop_float_noise(v.into_band * v.value) >= drop_float_noise(v.into_band * v.boundary)
    END AS in_band,
    -- The district's figure over the same schools, weighted by participants.
    CASE metric
      WHEN 'dolya2' THEN share_pct(sum(fails) OVER g, sum(n) OVER g)
      WHEN 'kachestvo' THEN share_pct(sum(good) OVER g, sum(n) OVER g)
      ELSE sum(mark_total) OVER g / sum(n) OVER g
    END AS district_value
  FROM valued AS v
  JOIN rule AS r USING (cluster, version)
  WINDOW w AS (PARTITION BY cluster, version, year, metric, subject_group
               ORDER BY into_band * value DESC),
         g AS (PARTITION BY cluster, version, year, metric, subject_group)
),
edged AS (
  -- The band's edge: the boundary, or the value of the last school inside the district's band.
  SELECT *,
    CASE
      WHEN comparison = 'threshold' THEN boundary
      WHEN into_band > 0 THEN min(value) FILTER (WHERE in_band)
        OVER (PARTITION BY cluster, version, year, metric, subject_group)
      ELSE max(value) FILTER (WHERE in_band)
        OVER (PARTITION BY cluster, version, year, metric, subject_group)
    END AS edge,
    -- A metric counts only when every subject counted on its own has results and is in the band.
    bool_and(in_band) OVER m
      AND (NOT each_subject OR count(*) OVER m = subjects_count) AS metric_in_band
  FROM ranked
  WINDOW m AS (PARTITION BY cluster, version, school_id, year, metric)
),
-- Each school's metrics in one list sorted by metric and subject: list_sort orders structs by
-- their first fields, many times faster than string_agg / list (… ORDER BY) at a country's size.
per_year AS (
  SELECT cluster, version, school_id, year, bool_or(metric_in_band) AS in_band,
    any_value(subject_group) = '' AS pooled, any_value(n) AS n,
    list_sort(list(struct_pack(
      metric := metric,
      subject := subject_group,
      phrase := CASE WHEN subject_group = '' THEN '' ELSE subject_group || ': ' END
        || CASE metric WHEN 'dolya2' THEN 'доля «2» ' WHEN 'kachestvo' THEN 'качество знаний ' ELSE 'средняя отметка ' END
        || CASE metric WHEN 'avg_mark' THEN ru_num(value, 2) ELSE ru_num(value, 1) || ' %' END
        || CASE WHEN comparison = 'district' THEN ', место ' || place || ' из ' || schools_count ELSE '' END
        || CASE WHEN subject_group = '' THEN '' ELSE ' (n = ' || n || ')' END,
      evidence := struct_pack(
        indicator := 'ВПР' || CASE WHEN subject_group = '' THEN '' ELSE ' ' || subject_group END || ': '
          || CASE metric WHEN 'dolya2' THEN 'доля «2», %' WHEN 'kachestvo' THEN 'качество знаний, %' ELSE 'средняя отметка' END,
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
      || CASE WHEN pooled THEN ' (n = ' || n || ')' ELSE '' END
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
),
-- What puts a school in the band and what takes it out, in words, per rule.
wording AS (
  SELECT r.cluster, r.version,
    CASE r.comparison
      WHEN 'district' THEN 'школа в ' || CASE r.band WHEN 'bottom' THEN 'нижних ' ELSE 'верхних ' END
        || ru_g(r.band_pct) || ' % школ района'
      ELSE string_agg(m.inside, ' или ' ORDER BY list_position(r.metrics, m.metric))
        || CASE WHEN r.each_subject THEN ' по каждому предмету' ELSE '' END
    END AS inside,
    CASE r.comparison
      WHEN 'district' THEN 'школа окажется вне '
        || CASE r.band WHEN 'bottom' THEN 'нижних ' ELSE 'верхних ' END || ru_g(r.band_pct)
        || ' % школ района по всем показателям: '
        || string_agg(CASE m.metric WHEN 'dolya2' THEN 'доля «2»' WHEN 'kachestvo' THEN 'качество знаний'
             ELSE 'средняя отметка' END, ', ' ORDER BY list_position(r.metrics, m.metric))
      ELSE CASE WHEN count(*) > 1 THEN 'по всем показателям окажется: ' ELSE '' END
        || string_agg(m.outside, ', ' ORDER BY list_position(r.metrics, m.metric))
        || CASE WHEN r.each_subject THEN ' хотя бы по одному предмету' ELSE '' END
    END AS outside
  FROM rule AS r
  JOIN rule_metric AS m USING (cluster, version)
  GROUP BY r.cluster, r.version, r.comparison, r.band, r.band_pct, r.each_subject, r.metrics
)
SELECT
  c.year, c.school_id, c.cluster, r.title AS cluster_title,
  c.years_in_band >= r.consecutive_years AS triggered,
  r.rule AS rule_id, r.version AS rule_version, r.is_default AS rule_is_default,
  c.years_in_band::INTEGER AS years_in_band,
  c.evidence,
  'По ВПР (' || ru_list(r.subjects) || '; ' || ru_list(r.grades) || ' кл.) ' || w.inside || ' '
    || c.years_in_band || ' ' || ru_plural(c.years_in_band, 'год', 'года', 'лет')
    || ' из ' || r.consecutive_years || ' последних (нужно ' || r.consecutive_years || ' подряд). '
    || c.listed || '.' AS explanation,
  'Признак снимается, если в одном из ' || r.consecutive_years || ' последних лет ' || w.outside
    || CASE WHEN r.exclude_non_objective THEN ' (школы с признаками необъективности не ранжируются)' ELSE '' END
    || '.' AS clears_when
FROM current AS c
JOIN rule AS r USING (cluster, version)
JOIN wording AS w USING (cluster, version);
