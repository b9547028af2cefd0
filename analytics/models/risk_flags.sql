-- Risk-cluster flags computed by the methodology's rules, with their evidence. Rule
-- «fail_share» (ШПУН, DOMAIN.md §2.2): at least threshold % of participants below the «2»
-- boundary on at least min_procedures procedures in the year, and on the same procedure in
-- two consecutive years. One row per school × year with any procedure over the threshold;
-- `triggered` says whether the whole rule holds. Small groups count only if the rule says so.
CREATE OR REPLACE TABLE risk_flags AS
WITH rule AS (
  SELECT * FROM methodology_cluster_rule WHERE rule = 'fail_share'
),
shares AS (
  SELECT r.cluster, p.*, 100.0 * p.fails / p.n AS pct, r.threshold_pct,
         p.n < m.min_n AS is_small_n
  FROM stg_procedure_results AS p
  CROSS JOIN rule AS r
  CROSS JOIN methodology_setting AS m
  WHERE list_contains(r.procedures, p.kind) AND p.n > 0
    AND (r.include_small_n OR p.n >= m.min_n)
),
over AS (
  SELECT s.*, prev.pct AS previous_pct, prev.pct >= s.threshold_pct AS repeated
  FROM shares AS s
  LEFT JOIN shares AS prev
    ON prev.cluster = s.cluster AND prev.school_id = s.school_id
   AND prev.procedure = s.procedure AND prev.year = s.year - 1
  WHERE s.pct >= s.threshold_pct
),
schools AS (
  SELECT cluster, school_id, year, any_value(threshold_pct) AS threshold_pct,
    count(*) AS procedures_over,
    count(*) FILTER (WHERE repeated) AS procedures_repeated,
    list(struct_pack(procedure, pct := round(pct, 1), n, fails, threshold_pct,
                     previous_pct := round(previous_pct, 1), repeated := coalesce(repeated, false))
         ORDER BY pct DESC) AS evidence,
    string_agg(procedure || ' — ' || replace(printf('%.1f', pct), '.', ',') || ' % (n = ' || n || ')',
               '; ' ORDER BY pct DESC) AS listed,
    string_agg(CASE WHEN repeated THEN procedure || ' (' || (year - 2) || '/' || right((year - 1)::VARCHAR, 2)
                    || ': ' || replace(printf('%.1f', previous_pct), '.', ',') || ' %)' END,
               '; ') AS repeated_listed
  FROM over
  GROUP BY cluster, school_id, year
)
SELECT
  s.year, s.school_id, s.cluster, r.title AS cluster_title,
  s.procedures_over >= r.min_procedures AND s.procedures_repeated >= 1 AS triggered,
  r.rule AS rule_id, r.version AS rule_version, r.is_default AS rule_is_default,
  m.version AS methodology_version,
  s.procedures_over::INTEGER AS procedures_over, s.procedures_repeated::INTEGER AS procedures_repeated,
  s.evidence,
  'Доля не преодолевших минимальный порог не ниже ' || replace(printf('%g', s.threshold_pct), '.', ',')
    || ' % по ' || s.procedures_over
    || CASE WHEN s.procedures_over % 10 = 1 AND s.procedures_over % 100 <> 11 THEN ' процедуре' ELSE ' процедурам' END
    || ' (нужно не меньше ' || r.min_procedures || '): ' || s.listed || '. '
    || CASE WHEN s.procedures_repeated > 0
         THEN 'Второй год подряд: ' || s.repeated_listed || '.'
         ELSE 'Ни по одной процедуре порог не превышен второй год подряд.' END AS explanation,
  'Признак снимается, если порог ' || replace(printf('%g', s.threshold_pct), '.', ',')
    || ' % будет превышен меньше чем по ' || r.min_procedures
    || ' процедурам за год или ни по одной процедуре — два года подряд.' AS clears_when
FROM schools AS s
JOIN rule AS r USING (cluster)
CROSS JOIN methodology_setting AS m;
