-- Rule «decline_or_below» (ШФЗСОР, docs/methodology.md §2.5): on the key procedures (ВПР per
-- subject with grades pooled, ОГЭ per subject), the share of «4» and «5» either fell significantly
-- since years_back years before (two-proportion z-test, |z| > z_critical), or lies significantly
-- below the district (the school's Wilson interval entirely under the district's share), in either
-- case by at least min_gap_pp п.п., so that tiny gaps in large schools do not count. Triggered when
-- at least min_procedures procedures show either, unless the school is flagged that year in one
-- of the excluded clusters (ШНОР). Groups below the minimum n are not judged.
CREATE OR REPLACE TABLE flags_decline AS
WITH rule AS (
  SELECT cluster, title, rule, version, is_default, effective_from, effective_until,
    from_json(params->'subjects', '["VARCHAR"]') AS subjects,
    from_json(params->'procedures', '["VARCHAR"]') AS procedures,
    (params->>'yearsBack')::INTEGER AS years_back,
    (params->>'zCritical')::DOUBLE AS z_critical,
    (params->>'minGapPp')::DOUBLE AS min_gap_pp,
    (params->>'minProcedures')::INTEGER AS min_procedures,
    from_json(params->'excludeClusters', '["VARCHAR"]') AS exclude_clusters
  FROM methodology_cluster_rule WHERE rule = 'decline_or_below'
),
key_results AS (
  SELECT r.cluster, r.version, p.kind || ' ' || p.subject AS procedure, p.school_id, p.year,
    sum(p.n) AS n, sum(p.good) AS good
  FROM stg_procedure_results AS p
  JOIN rule AS r ON list_contains(r.procedures, p.kind) AND list_contains(r.subjects, p.subject)
  GROUP BY ALL
),
district AS (
  SELECT cluster, version, procedure, year, sum(good) / sum(n) AS district_p,
    share_pct(sum(good), sum(n)) AS district_pct
  FROM key_results GROUP BY ALL
),
compared AS (
  SELECT k.cluster, k.version, k.procedure, k.school_id, k.year, k.n, k.good / k.n AS p,
    d.district_p, r.z_critical, r.min_gap_pp,
    b.year AS before_year, b.n AS before_n, b.good / b.n AS before_p,
    -- the shares in per cent as every table has them (share_pct), for the gaps and the text
    share_pct(k.good, k.n) AS pct, share_pct(b.good, b.n) AS before_pct, d.district_pct,
    (k.good + b.good) / (k.n + b.n) AS pooled
  FROM key_results AS k
  JOIN rule AS r USING (cluster, version)
  JOIN district AS d USING (cluster, version, procedure, year)
  CROSS JOIN methodology_setting AS m
  LEFT JOIN key_results AS b
    ON b.cluster = k.cluster AND b.version = k.version AND b.procedure = k.procedure
   AND b.school_id = k.school_id AND b.year = k.year - r.years_back AND b.n >= m.min_n
  WHERE k.n >= m.min_n AND in_force(k.year, r.effective_from, r.effective_until)
),
tested AS (
  SELECT *,
    z_critical * sqrt(pooled * (1 - pooled) * (1 / n + 1 / before_n)) AS critical_drop,
    wilson_low(p, n, z_critical) AS ci_low,
    wilson_high(p, n, z_critical) AS ci_high
  FROM compared
),
-- «не меньше min_gap_pp п.п.» on the gap of the shares without float noise: 50 % against 40 %
-- is 10 п.п., not 9.999999999999998 (macros.sql, drop_float_noise).
signals AS (
  SELECT *,
    coalesce(before_p - p > critical_drop AND drop_float_noise(before_pct - pct) >= min_gap_pp
             AND pooled > 0 AND pooled < 1, false) AS declined,
    ci_high < district_p AND drop_float_noise(district_pct - pct) >= min_gap_pp AS below,
    -- the share the school had to fall to for a decline (beyond chance and by min_gap_pp)
    before_pct - greatest(100 * critical_drop, min_gap_pp) AS decline_to
  FROM tested
),
sentences AS (
  SELECT *,
    CASE WHEN declined THEN procedure || ': доля «4» и «5» снизилась с ' || ru_num(before_pct, 1)
      || ' % в ' || ru_school_year(before_year) || ' (n = ' || before_n || ') до ' || ru_num(pct, 1)
      || ' % (n = ' || n || '), на ' || ru_num(before_pct - pct, 1) || ' п.п. за '
      || (year - before_year) || ' ' || ru_plural(year - before_year, 'год', 'года', 'лет')
      || ' — больше случайного колебания (' || ru_num(100 * critical_drop, 1) || ' п.п.)' END AS decline_text,
    CASE WHEN below THEN procedure || ': доля «4» и «5» ' || ru_num(pct, 1) || ' % (n = ' || n
      || '; доверительный интервал ' || ru_num(100 * ci_low, 1) || '–' || ru_num(100 * ci_high, 1)
      || ' %) ниже, чем по району (' || ru_num(district_pct, 1) || ' %)' END AS below_text
  FROM signals
  WHERE declined OR below
),
earlier_flags AS (
  SELECT year, school_id, cluster FROM flags_fail_share WHERE triggered
  UNION ALL SELECT year, school_id, cluster FROM flags_objectivity WHERE triggered
  UNION ALL SELECT year, school_id, cluster FROM flags_rank_band WHERE triggered
),
schools AS (
  SELECT s.cluster, s.version, s.school_id, s.year,
    count(*) AS procedures_count,
    -- The decline's row only with a base year, named with its n; its threshold is the share the
    -- school had to fall to (beyond chance and by min_gap_pp), none when no share could be that low.
    flatten(list(list_filter([
      CASE WHEN s.before_n IS NOT NULL THEN struct_pack(
        indicator := s.procedure || ': доля «4» и «5», %', year := s.year, value := s.pct,
        n := s.n::INTEGER, threshold := CASE WHEN s.decline_to >= 0 THEN s.decline_to END,
        baseline := s.before_pct,
        baseline_label := ru_school_year(s.before_year) || ' (n = ' || s.before_n || ')',
        met := s.declined) END,
      struct_pack(indicator := s.procedure || ': доля «4» и «5», %', year := s.year, value := s.pct,
        n := s.n::INTEGER, threshold := s.district_pct, baseline := s.district_pct,
        baseline_label := 'район', met := s.below)
    ], e -> e IS NOT NULL) ORDER BY s.procedure)) AS evidence,
    string_agg(concat_ws('; ', s.decline_text, s.below_text), '. ' ORDER BY s.procedure) AS listed,
    (SELECT string_agg(DISTINCT e.cluster, ', ') FROM earlier_flags AS e
     JOIN rule AS r ON r.cluster = s.cluster AND r.version = s.version
     WHERE e.year = s.year AND e.school_id = s.school_id AND list_contains(r.exclude_clusters, e.cluster)
    ) AS excluded_by
  FROM sentences AS s
  GROUP BY s.cluster, s.version, s.school_id, s.year
)
SELECT
  s.year, s.school_id, s.cluster, r.title AS cluster_title,
  s.procedures_count >= r.min_procedures AND s.excluded_by IS NULL AS triggered,
  r.rule AS rule_id, r.version AS rule_version, r.is_default AS rule_is_default,
  s.procedures_count::INTEGER AS procedures_count,
  s.evidence,
  'Значимое снижение или отставание от района по ключевым процедурам: ' || s.procedures_count
    || ' (нужно не меньше ' || r.min_procedures || '). ' || s.listed || '.'
    || coalesce(' Школа не включается: в этом году она в кластере ' || s.excluded_by || '.', '') AS explanation,
  'Признак снимается, если ни по одной ключевой процедуре (' || ru_list(r.procedures) || '; '
    || ru_list(r.subjects) || ') доля «4» и «5» не будет значимо ниже, чем ' || r.years_back || ' '
    || ru_plural(r.years_back, 'год', 'года', 'лет') || ' назад, и значимо ниже районной.' AS clears_when
FROM schools AS s
JOIN rule AS r USING (cluster, version);
