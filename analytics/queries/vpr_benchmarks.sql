-- District, region and RF ВПР indicators for one year × subject × grade (region and RF only where ФИС ОКО gave them).
SELECT level, participants_count, n2, n3, n4, n5,
       uspevaemost_pct, kachestvo_pct, dolya2_pct, dolya5_pct, avg_mark, sou_pct
FROM ind_vpr
WHERE level <> 'school' AND year = $year AND subject = $subject AND grade = $grade
ORDER BY CASE level WHEN 'district' THEN 1 WHEN 'region' THEN 2 ELSE 3 END;
