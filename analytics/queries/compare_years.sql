-- «Сравнение лет»: the key shares of trend_shares in two chosen years A and B side by side —
-- every indicator × topic × grade of the district, and every school for the chosen indicator ×
-- topic × grade ($grade 0 stands for «no grade»). The change B − A in п.п. (over B − A years: the
-- view labels it «2023/24 → 2025/26») is tested exactly as trend_shares tests consecutive years:
-- a two-proportion z-test with the pooled share, significant when |z| > 1,96 (95 %) and both
-- years have at least min_n participants (a small group is never a significant change). The
-- words follow the test: «улучшение» / «ухудшение» only for a significant change, «мало данных»
-- for a small group, else «в пределах случайных колебаний». Each school carries the years of A
-- and B in which it is flagged for signs of non-objective results. Unordered: the API pages and orders it.
WITH picked AS (
  -- Two scans rather than one with OR: each pushes its filters down to the table.
  SELECT * FROM trend_shares WHERE year IN ($year_a, $year_b) AND level = 'district'
  UNION ALL
  SELECT * FROM trend_shares
  WHERE year IN ($year_a, $year_b) AND level = 'school' AND indicator = $indicator
    AND topic = $topic AND coalesce(grade, 0) = $grade
),
-- One row per series: year A's row beside year B's (a join on keys: far cheaper than grouping
-- a country's schools with ten filtered aggregates).
keyed AS (
  SELECT *, coalesce(grade, 0) AS grade_key, coalesce(school_id, '') AS school_key FROM picked
),
pairs AS (
  SELECT
    indicator, coalesce(b.title, a.title) AS title,
    coalesce(b.higher_is_better, a.higher_is_better) AS higher_is_better,
    topic, coalesce(a.grade, b.grade) AS grade, level,
    coalesce(a.school_id, b.school_id) AS school_id,
    a.count AS count_a, a.n AS n_a, a.pct AS pct_a,
    a.ci_low_pct AS ci_low_a, a.ci_high_pct AS ci_high_a,
    b.count AS count_b, b.n AS n_b, b.pct AS pct_b,
    b.ci_low_pct AS ci_low_b, b.ci_high_pct AS ci_high_b
  FROM (SELECT * FROM keyed WHERE year = $year_a) AS a
  FULL JOIN (SELECT * FROM keyed WHERE year = $year_b) AS b
    USING (level, indicator, topic, grade_key, school_key)
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
),
judged AS (
  SELECT t.*,
    coalesce(abs(t.z_score) > m.significance_z AND t.n_a >= m.min_n AND t.n_b >= m.min_n, false)
      AS is_significant,
    t.n_a < m.min_n AS is_small_n_a,
    t.n_b < m.min_n AS is_small_n_b
  FROM scored AS t CROSS JOIN methodology_setting AS m
),
nonobjective AS (
  SELECT school_id, list(DISTINCT year ORDER BY year) AS years
  FROM risk_flags
  WHERE triggered AND cluster = 'Необъективность' AND year IN ($year_a, $year_b)
  GROUP BY school_id
)
SELECT
  t.indicator, t.title, t.higher_is_better, t.topic, t.grade, t.level, t.school_id,
  s.short_name,
  t.count_a, t.n_a, t.pct_a, t.ci_low_a, t.ci_high_a,
  t.count_b, t.n_b, t.pct_b, t.ci_low_b, t.ci_high_b,
  t.pct_b - t.pct_a AS change_pp,
  t.z_score,
  t.is_significant,
  CASE
    WHEN t.p_a IS NULL OR t.p_b IS NULL THEN NULL
    WHEN t.count_a::BIGINT * t.n_b = t.count_b::BIGINT * t.n_a THEN 'без изменений'
    WHEN t.is_small_n_a OR t.is_small_n_b THEN 'мало данных'
    WHEN NOT t.is_significant THEN 'в пределах случайных колебаний'
    WHEN (t.p_b > t.p_a) = t.higher_is_better THEN 'улучшение'
    ELSE 'ухудшение'
  END AS direction,
  t.is_small_n_a,
  t.is_small_n_b,
  coalesce(o.years, []) AS nonobjective_years
FROM judged AS t
LEFT JOIN school AS s USING (school_id)
LEFT JOIN nonobjective AS o USING (school_id);
