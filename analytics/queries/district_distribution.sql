-- District page at a region's or country's size: how many schools fall in each 5-п.п. band of the
-- key share (доля «2», ЕГЭ: below the minimum) for one selection, the small-n schools apart.
-- The last band holds 95–100 %.
SELECT (least(floor(key_pct / 5), 19) * 5)::INTEGER AS band_from,
       count(*) FILTER (WHERE NOT is_small_n)::INTEGER AS schools,
       count(*) FILTER (WHERE is_small_n)::INTEGER AS small_schools
FROM ind_results
WHERE level = 'school' AND procedure = $procedure AND subject = $subject
  AND (grade = $grade OR (grade IS NULL AND $grade IS NULL))
  AND year = $year
GROUP BY ALL
ORDER BY band_from;
