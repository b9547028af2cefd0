-- Rule «objectivity_signs» (docs/methodology.md §3): signs of non-objective ВПР results per school
-- × year, looked for in each ВПР subject × grade of the rule's scope:
--   * few journal marks confirmed (ВПР mark equal to the journal mark);
--   * качество знаний above the region (else the district) by more than k σ of the district's
--     schools, in a school not of an exempt type, not backed by its ОГЭ / ЕГЭ (its mean above the
--     district's in the same subject and year);
--   * difficulty inversion: advanced tasks better than the region, basic ones worse, each by more
--     than the margin;
--   * a peak at a mark boundary in the pupils' primary scores (the loaded ВПР scale, else the
--     lowest score that got the mark in the district): pupils at the boundary score over the mean
--     of the two scores on each side.
-- Groups below the minimum n are not judged. The flag is triggered by at least min_signs signs.
CREATE OR REPLACE TABLE flags_objectivity AS
WITH rule AS (
  SELECT cluster, title, rule, version, is_default, effective_from, effective_until,
    from_json(params->'subjects', '["VARCHAR"]') AS subjects,
    from_json(params->'grades', '["INTEGER"]') AS grades,
    (params->>'confirmedBelowPct')::DOUBLE AS confirmed_below_pct,
    (params->>'excessSigma')::DOUBLE AS excess_sigma,
    from_json(params->'excessExemptTypes', '["VARCHAR"]') AS exempt_types,
    (params->>'inversionMarginPp')::DOUBLE AS inversion_margin_pp,
    (params->>'peakRatio')::DOUBLE AS peak_ratio,
    (params->>'peakMinPupils')::INTEGER AS peak_min_pupils,
    (params->>'minSigns')::INTEGER AS min_signs
  FROM methodology_cluster_rule WHERE rule = 'objectivity_signs'
),
-- The ВПР subject × grade × year groups each rule version judges.
scope AS (
  SELECT r.cluster, r.version, v.year, v.subject, v.grade, v.school_id,
         v.participants_count AS n, v.kachestvo_pct, s.school_type
  FROM ind_vpr AS v
  JOIN school AS s USING (school_id)
  JOIN rule AS r
    ON list_contains(r.subjects, v.subject) AND list_contains(r.grades, v.grade)
   AND in_force(v.year, r.effective_from, r.effective_until)
  CROSS JOIN methodology_setting AS m
  WHERE v.level = 'school' AND v.participants_count >= m.min_n
),
confirmation AS (
  SELECT c.cluster, c.version, c.year, c.school_id, 'confirmation' AS sign,
    'ВПР ' || c.subject || ', ' || c.grade || ' кл.: доля подтвердивших отметку по журналу, %' AS indicator,
    j.confirmed_pct AS value, j.participants_count AS n, r.confirmed_below_pct AS threshold,
    d.confirmed_pct AS baseline, 'район' AS baseline_label,
    'ВПР ' || c.subject || ', ' || c.grade || ' кл.: отметку по журналу подтвердили '
      || ru_num(j.confirmed_pct, 1) || ' % участников (n = ' || j.participants_count
      || ') при пороге ' || ru_g(r.confirmed_below_pct) || ' %'
      || coalesce('; по району — ' || ru_num(d.confirmed_pct, 1) || ' %', '') AS sentence
  FROM scope AS c
  JOIN rule AS r USING (cluster, version)
  JOIN ind_vpr_journal AS j
    ON j.level = 'school' AND j.school_id = c.school_id AND j.year = c.year
   AND j.subject = c.subject AND j.grade = c.grade
  LEFT JOIN ind_vpr_journal AS d
    ON d.level = 'district' AND d.year = c.year AND d.subject = c.subject AND d.grade = c.grade
  CROSS JOIN methodology_setting AS m
  WHERE j.participants_count >= m.min_n AND j.confirmed_pct < r.confirmed_below_pct
),
spread AS (
  SELECT cluster, version, year, subject, grade, stddev_samp(kachestvo_pct) AS sigma
  FROM scope GROUP BY ALL
),
excess AS (
  SELECT c.cluster, c.version, c.year, c.school_id, 'excess' AS sign,
    'ВПР ' || c.subject || ', ' || c.grade || ' кл.: качество знаний, %' AS indicator,
    c.kachestvo_pct AS value, c.n, b.kachestvo_pct + r.excess_sigma * sp.sigma AS threshold,
    b.kachestvo_pct AS baseline, CASE b.level WHEN 'region' THEN 'регион' ELSE 'район' END AS baseline_label,
    'ВПР ' || c.subject || ', ' || c.grade || ' кл.: качество знаний ' || ru_num(c.kachestvo_pct, 1)
      || ' % (n = ' || c.n || ') выше, чем ' || CASE b.level WHEN 'region' THEN 'по региону' ELSE 'по району' END
      || ' (' || ru_num(b.kachestvo_pct, 1) || ' %), на ' || ru_num((c.kachestvo_pct - b.kachestvo_pct) / sp.sigma, 1)
      || ' σ при допустимых ' || ru_g(r.excess_sigma) || ' σ; результатами ОГЭ и ЕГЭ не подтверждено' AS sentence
  FROM scope AS c
  JOIN rule AS r USING (cluster, version)
  JOIN spread AS sp USING (cluster, version, year, subject, grade)
  JOIN (
    -- The region's figure where the source gave it, else the district's.
    SELECT *, row_number() OVER (PARTITION BY year, subject, grade ORDER BY level = 'region' DESC) AS pick
    FROM ind_vpr WHERE level IN ('region', 'district')
  ) AS b ON b.pick = 1 AND b.year = c.year AND b.subject = c.subject AND b.grade = c.grade
  WHERE sp.sigma > 0
    AND c.kachestvo_pct > b.kachestvo_pct + r.excess_sigma * sp.sigma
    AND NOT list_contains(r.exempt_types, c.school_type)
    AND NOT EXISTS (
      SELECT 1 FROM ind_gia AS g
      JOIN ind_gia AS gd
        ON gd.level = 'district' AND gd.year = g.year AND gd.exam = g.exam AND gd.subject = g.subject
      WHERE g.level = 'school' AND g.school_id = c.school_id AND g.year = c.year
        AND starts_with(g.subject, c.subject)
        AND (g.avg_mark > gd.avg_mark OR g.avg_test_score > gd.avg_test_score)
    )
),
inversion_gaps AS (
  SELECT c.cluster, c.version, c.year, c.school_id, c.subject, c.grade, c.n,
    avg(t.vs_region_pp) FILTER (WHERE t.difficulty IN ('П', 'В')) AS advanced_pp,
    avg(t.vs_region_pp) FILTER (WHERE t.difficulty = 'Б') AS basic_pp
  FROM scope AS c
  JOIN vpr_task_deficits AS t
    ON t.level = 'school' AND t.school_id = c.school_id AND t.year = c.year
   AND t.subject = c.subject AND t.grade = c.grade
  WHERE t.vs_region_pp IS NOT NULL
  GROUP BY ALL
),
inversion AS (
  SELECT i.cluster, i.version, i.year, i.school_id, 'inversion' AS sign,
    'ВПР ' || i.subject || ', ' || i.grade || ' кл.: задания повышенного уровня относительно региона, п.п.' AS indicator,
    i.advanced_pp AS value, i.n, r.inversion_margin_pp AS threshold,
    i.basic_pp AS baseline, 'задания базового уровня относительно региона, п.п.' AS baseline_label,
    'ВПР ' || i.subject || ', ' || i.grade || ' кл.: задания повышенного уровня выполнены на '
      || ru_num(i.advanced_pp, 1) || ' п.п. лучше, чем по региону, а базового — на '
      || ru_num(-i.basic_pp, 1) || ' п.п. хуже (n = ' || i.n || '; порог ' || ru_g(r.inversion_margin_pp) || ' п.п.)' AS sentence
  FROM inversion_gaps AS i
  JOIN rule AS r USING (cluster, version)
  -- means of differences, compared without their float noise (macros.sql, drop_float_noise)
  WHERE drop_float_noise(i.advanced_pp) > r.inversion_margin_pp
    AND drop_float_noise(i.basic_pp) < -r.inversion_margin_pp
),
-- Mark boundaries: the loaded ВПР scale, else the lowest score that got each mark in the district.
boundaries AS (
  SELECT p.year, p.subject, p.grade, k.mark,
    coalesce(
      CASE k.mark WHEN 3 THEN any_value(g.cut3) WHEN 4 THEN any_value(g.cut4) ELSE any_value(g.cut5) END,
      min(p.primary_score) FILTER (WHERE p.mark = k.mark)
    ) AS cut
  FROM raw_vpr_participant AS p
  CROSS JOIN (VALUES (3), (4), (5)) AS k(mark)
  LEFT JOIN ref_grading_scale AS g
    ON g.exam = 'ВПР' AND g.year = p.year AND g.subject = p.subject AND g.grade = p.grade
  WHERE p.primary_score IS NOT NULL
  GROUP BY p.year, p.subject, p.grade, k.mark
),
peak_counts AS (
  SELECT c.cluster, c.version, c.year, c.school_id, c.subject, c.grade, b.mark, b.cut,
    count(*) FILTER (WHERE p.primary_score IS NOT NULL) AS n,
    count(*) FILTER (WHERE p.primary_score = b.cut) AS at_cut,
    count(*) FILTER (WHERE p.primary_score IN (b.cut - 2, b.cut - 1, b.cut + 1, b.cut + 2)) / 4.0 AS around
  FROM scope AS c
  JOIN boundaries AS b USING (year, subject, grade)
  JOIN raw_vpr_participant AS p
    ON p.school_id = c.school_id AND p.year = c.year AND p.subject = c.subject AND p.grade = c.grade
  WHERE b.cut IS NOT NULL
  GROUP BY ALL
),
peaks AS (
  SELECT k.cluster, k.version, k.year, k.school_id, 'peak' AS sign,
    'ВПР ' || k.subject || ', ' || k.grade || ' кл.: участников с баллом на границе отметки «' || k.mark || '» (' || k.cut || ')' AS indicator,
    k.at_cut::DOUBLE AS value, k.n::INTEGER AS n, r.peak_ratio * k.around AS threshold,
    k.around AS baseline, 'в среднем на соседних баллах' AS baseline_label,
    'ВПР ' || k.subject || ', ' || k.grade || ' кл.: на границе отметки «' || k.mark || '» ('
      || k.cut || ' ' || ru_plural(k.cut, 'балл', 'балла', 'баллов') || ') ' || k.at_cut || ' '
      || ru_plural(k.at_cut, 'участник', 'участника', 'участников') || ' из ' || k.n
      || CASE WHEN k.around = 0 THEN ', а на соседних баллах — никого'
              ELSE ' — в ' || ru_num(k.at_cut / k.around, 1) || ' раза больше, чем в среднем на соседних баллах' END
      || ' (порог — в ' || ru_g(r.peak_ratio) || ' раза)' AS sentence
  FROM peak_counts AS k
  JOIN rule AS r USING (cluster, version)
  WHERE k.at_cut >= r.peak_min_pupils AND k.at_cut > drop_float_noise(r.peak_ratio * k.around)
),
signs AS (
  SELECT * FROM confirmation
  UNION ALL SELECT * FROM excess
  UNION ALL SELECT * FROM inversion
  UNION ALL SELECT * FROM peaks
),
schools AS (
  SELECT cluster, version, year, school_id,
    count(*) AS signs_count,
    list(struct_pack(indicator, year, value, n := n::INTEGER, threshold, baseline, baseline_label,
                     met := true) ORDER BY indicator) AS evidence,
    string_agg(sentence, '. ' ORDER BY indicator) AS listed
  FROM signs
  GROUP BY ALL
)
SELECT
  s.year, s.school_id, s.cluster, r.title AS cluster_title,
  s.signs_count >= r.min_signs AS triggered,
  r.rule AS rule_id, r.version AS rule_version, r.is_default AS rule_is_default,
  s.signs_count::INTEGER AS signs_count,
  s.evidence,
  'Признаков необъективности: ' || s.signs_count || ' (нужно не меньше ' || r.min_signs || '). '
    || s.listed || '.' AS explanation,
  'Признак снимается, если ' || CASE WHEN r.min_signs > 1 THEN 'признаков будет меньше ' || r.min_signs || ': '
                                     ELSE 'не останется ни одного признака: ' END
    || 'отметки журнала подтверждают не меньше ' || ru_g(r.confirmed_below_pct) || ' % участников, '
    || 'превышение над регионом не больше ' || ru_g(r.excess_sigma) || ' σ или подтверждено ОГЭ / ЕГЭ, '
    || 'нет инверсии трудности больше ' || ru_g(r.inversion_margin_pp) || ' п.п. '
    || 'и пиков на границах отметок больше чем в ' || ru_g(r.peak_ratio) || ' раза.' AS clears_when
FROM schools AS s
JOIN rule AS r USING (cluster, version);
