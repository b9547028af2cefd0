-- All ВПР indicators of one school with the district, region and RF values for the same year × subject × grade.
SELECT
  i.year, i.subject, i.grade,
  i.participants_count, i.uspevaemost_pct, i.kachestvo_pct, i.dolya2_pct, i.dolya5_pct, i.avg_mark, i.is_small_n,
  d.participants_count AS district_participants_count,
  d.uspevaemost_pct AS district_uspevaemost_pct,
  d.kachestvo_pct AS district_kachestvo_pct,
  d.dolya2_pct AS district_dolya2_pct,
  r.dolya2_pct AS region_dolya2_pct,
  c.dolya2_pct AS country_dolya2_pct
FROM ind_vpr AS i
JOIN ind_vpr AS d ON d.level = 'district' AND (d.year, d.subject, d.grade) = (i.year, i.subject, i.grade)
LEFT JOIN ind_vpr AS r ON r.level = 'region' AND (r.year, r.subject, r.grade) = (i.year, i.subject, i.grade)
LEFT JOIN ind_vpr AS c ON c.level = 'country' AND (c.year, c.subject, c.grade) = (i.year, i.subject, i.grade)
WHERE i.level = 'school' AND i.school_id = $school_id
ORDER BY i.subject, i.grade, i.year;
