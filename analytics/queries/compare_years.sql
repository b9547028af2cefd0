-- «Сравнение лет»: the key shares of trend_shares in two chosen years A and B side by side —
-- every indicator × topic × grade of the district, and every school for the chosen indicator ×
-- topic × grade ($grade 0 stands for «no grade»). The change B − A in п.п. is tested exactly as
-- trend_shares tests consecutive years: a two-proportion z-test with the pooled share,
-- significant when |z| > 1,96 (95 %), for any two years.
WITH picked AS (
  SELECT *
  FROM trend_shares
  WHERE year IN ($year_a, $year_b)
    AND (level = 'district'
      OR (level = 'school' AND indicator = $indicator AND topic = $topic
          AND coalesce(grade, 0) = $grade))
),
pairs AS (
  SELECT
    indicator, any_value(title) AS title, bool_or(higher_is_better) AS higher_is_better,
    topic, grade, level, school_id,
    any_value(count) FILTER (WHERE year = $year_a) AS count_a,
    any_value(n) FILTER (WHERE year = $year_a) AS n_a,
    any_value(pct) FILTER (WHERE year = $year_a) AS pct_a,
    any_value(ci_low_pct) FILTER (WHERE year = $year_a) AS ci_low_a,
    any_value(ci_high_pct) FILTER (WHERE year = $year_a) AS ci_high_a,
    any_value(count) FILTER (WHERE year = $year_b) AS count_b,
    any_value(n) FILTER (WHERE year = $year_b) AS n_b,
    any_value(pct) FILTER (WHERE year = $year_b) AS pct_b,
    any_value(ci_low_pct) FILTER (WHERE year = $year_b) AS ci_low_b,
    any_value(ci_high_pct) FILTER (WHERE year = $year_b) AS ci_high_b
  FROM picked
  GROUP BY indicator, topic, grade, level, school_id
),
tested AS (
  SELECT *,
    count_a::DOUBLE / n_a AS p_a,
    count_b::DOUBLE / n_b AS p_b,
    (count_a + count_b)::DOUBLE / (n_a + n_b) AS pooled
  FROM pairs
),
scored AS (
  SELECT *,
    CASE WHEN pooled > 0 AND pooled < 1 THEN
      (p_b - p_a) / sqrt(pooled * (1 - pooled) * (1.0 / n_a + 1.0 / n_b))
    END AS z_score
  FROM tested
)
SELECT
  t.indicator, t.title, t.higher_is_better, t.topic, t.grade, t.level, t.school_id,
  s.short_name,
  t.count_a, t.n_a, t.pct_a, t.ci_low_a, t.ci_high_a,
  t.count_b, t.n_b, t.pct_b, t.ci_low_b, t.ci_high_b,
  t.pct_b - t.pct_a AS change_pp,
  t.z_score,
  coalesce(abs(t.z_score) > m.significance_z, false) AS is_significant,
  CASE
    WHEN t.p_a IS NULL OR t.p_b IS NULL THEN NULL
    WHEN t.count_a::BIGINT * t.n_b = t.count_b::BIGINT * t.n_a THEN 'без изменений'
    WHEN (t.p_b > t.p_a) = t.higher_is_better THEN 'улучшение'
    ELSE 'ухудшение'
  END AS direction,
  t.n_a < m.min_n AS is_small_n_a,
  t.n_b < m.min_n AS is_small_n_b
FROM scored AS t
LEFT JOIN school AS s USING (school_id)
CROSS JOIN methodology_setting AS m
ORDER BY
  t.level,
  list_position(['vpr_dolya2', 'vpr_kachestvo', 'oge_dolya2', 'ege_below_min', 'fg_low', 'fg_high'], t.indicator),
  t.topic, t.grade NULLS LAST, s.short_name;
