-- One school's ВПР, ОГЭ and ЕГЭ indicators in every year, beside the district, region and RF
-- for the same procedure × year × subject × grade.
WITH bench AS (
  SELECT procedure, year, subject, grade, level, participants_count, key_pct, kachestvo_pct
  FROM ind_results
  WHERE level <> 'school'
)
SELECT i.procedure, i.year, i.subject, i.grade,
       i.participants_count, i.uspevaemost_pct, i.kachestvo_pct, i.avg_mark, i.dolya2_pct,
       i.avg_test_score, i.below_min_pct, i.high_band_pct, i.key_count, i.key_pct, i.is_small_n,
       d.key_pct AS district_key_pct, d.participants_count AS district_participants_count,
       d.kachestvo_pct AS district_kachestvo_pct,
       r.key_pct AS region_key_pct, c.key_pct AS country_key_pct
FROM ind_results AS i
LEFT JOIN bench AS d ON d.level = 'district'
  AND (d.procedure, d.year, d.subject) = (i.procedure, i.year, i.subject)
  AND d.grade IS NOT DISTINCT FROM i.grade
LEFT JOIN bench AS r ON r.level = 'region'
  AND (r.procedure, r.year, r.subject) = (i.procedure, i.year, i.subject)
  AND r.grade IS NOT DISTINCT FROM i.grade
LEFT JOIN bench AS c ON c.level = 'country'
  AND (c.procedure, c.year, c.subject) = (i.procedure, i.year, i.subject)
  AND c.grade IS NOT DISTINCT FROM i.grade
WHERE i.level = 'school' AND i.school_id = $school_id
ORDER BY i.procedure DESC, i.subject, i.grade, i.year;
