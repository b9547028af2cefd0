-- Rule «fail_share» (ШПУН, docs/methodology.md §2.2): at least threshold % of participants below
-- the «2» boundary on at least min_procedures procedures in the year, and on the same procedure in
-- two consecutive years. One ВПР procedure is a subject with the school's grades pooled, or each
-- subject × grade (vprGradesPooled: false, the rule of versions before 2026.2). One row per
-- school × year with any procedure over the threshold; `triggered` says whether the whole rule
-- holds. Small groups count only if the rule says so (after pooling).
CREATE OR REPLACE TABLE flags_fail_share AS
WITH rule AS (
  SELECT cluster, title, rule, version, is_default, effective_from, effective_until,
    (params->>'thresholdPct')::DOUBLE AS threshold_pct,
    (params->>'minProcedures')::INTEGER AS min_procedures,
    from_json(params->'procedures', '["VARCHAR"]') AS procedures,
    coalesce((params->>'vprGradesPooled')::BOOLEAN, false) AS vpr_grades_pooled,
    (params->>'includeSmallN')::BOOLEAN AS include_small_n
  FROM methodology_cluster_rule WHERE rule = 'fail_share'
),
-- The procedures of each rule version: ВПР grades of a subject pooled where the rule says so.
procedures AS (
  SELECT r.cluster, r.version, p.kind,
    CASE WHEN p.kind = 'ВПР' AND r.vpr_grades_pooled THEN 'ВПР ' || p.subject ELSE p.procedure END
      AS procedure,
    p.year, p.school_id, sum(p.n) AS n, sum(p.fails) AS fails
  FROM stg_procedure_results AS p
  JOIN rule AS r ON list_contains(r.procedures, p.kind)
  GROUP BY ALL
),
-- Shares of every year under each rule version: the previous year is judged by the same rule.
shares AS (
  -- share_pct: a share exactly on the threshold (3 of 20 against 15 %) equals it, so «не ниже» holds
  SELECT p.*, share_pct(p.fails, p.n) AS pct, r.threshold_pct
  FROM procedures AS p
  JOIN rule AS r USING (cluster, version)
  CROSS JOIN methodology_setting AS m
  WHERE p.n > 0 AND (r.include_small_n OR p.n >= m.min_n)
),
over AS (
  SELECT s.*, prev.pct AS previous_pct, coalesce(prev.pct >= s.threshold_pct, false) AS repeated
  FROM shares AS s
  JOIN rule AS r USING (cluster, version)
  LEFT JOIN shares AS prev
    ON prev.cluster = s.cluster AND prev.version = s.version AND prev.school_id = s.school_id
   AND prev.procedure = s.procedure AND prev.year = s.year - 1
  WHERE s.pct >= s.threshold_pct
    AND s.year >= r.effective_from AND (r.effective_until IS NULL OR s.year < r.effective_until)
),
schools AS (
  SELECT cluster, version, school_id, year, any_value(threshold_pct) AS threshold_pct,
    count(*) AS procedures_over,
    count(*) FILTER (WHERE repeated) AS procedures_repeated,
    list(struct_pack(
      indicator := procedure || ': доля не преодолевших минимальный порог, %', year := year,
      value := pct, n := n::INTEGER, threshold := threshold_pct, baseline := previous_pct,
      baseline_label := 'предыдущий год', met := true
    ) ORDER BY pct DESC) AS evidence,
    string_agg(procedure || ' — ' || ru_num(pct, 1) || ' % (n = ' || n || ')', '; ' ORDER BY pct DESC) AS listed,
    string_agg(CASE WHEN repeated THEN procedure || ' (' || ru_school_year(year - 1) || ': '
                    || ru_num(previous_pct, 1) || ' %)' END, '; ' ORDER BY pct DESC) AS repeated_listed
  FROM over
  GROUP BY cluster, version, school_id, year
)
SELECT
  s.year, s.school_id, s.cluster, r.title AS cluster_title,
  s.procedures_over >= r.min_procedures AND s.procedures_repeated >= 1 AS triggered,
  r.rule AS rule_id, r.version AS rule_version, r.is_default AS rule_is_default,
  s.procedures_over::INTEGER AS procedures_over, s.procedures_repeated::INTEGER AS procedures_repeated,
  s.evidence,
  'Доля не преодолевших минимальный порог не ниже ' || ru_g(s.threshold_pct) || ' % по '
    || s.procedures_over || ' ' || ru_plural(s.procedures_over, 'процедуре', 'процедурам', 'процедурам')
    || ' (нужно не меньше ' || r.min_procedures || '): ' || s.listed || '. '
    || CASE WHEN s.procedures_repeated > 0
         THEN 'Второй год подряд: ' || s.repeated_listed || '.'
         ELSE 'Ни по одной процедуре порог не превышен второй год подряд.' END AS explanation,
  'Признак снимается, если порог ' || ru_g(s.threshold_pct)
    || ' % будет превышен меньше чем по ' || r.min_procedures
    || ' ' || ru_plural(r.min_procedures, 'процедуре', 'процедурам', 'процедурам')
    || ' за год или ни по одной процедуре — два года подряд.' AS clears_when
FROM schools AS s
JOIN rule AS r USING (cluster, version);
