-- District page table: every school's ВПР indicators for one year × subject × grade, with last year's доля «2».
SELECT
  i.school_id, s.short_name, s.school_type, s.is_rural,
  i.participants_count, i.n2, i.n3, i.n4, i.n5,
  i.uspevaemost_pct, i.kachestvo_pct, i.dolya2_pct, i.dolya5_pct, i.avg_mark, i.sou_pct, i.is_small_n,
  prev.dolya2_pct AS prev_dolya2_pct,
  prev.participants_count AS prev_participants_count
FROM ind_vpr AS i
JOIN school AS s USING (school_id)
LEFT JOIN ind_vpr AS prev
  ON prev.level = 'school' AND prev.school_id = i.school_id
  AND prev.subject = i.subject AND prev.grade = i.grade AND prev.year = i.year - 1
WHERE i.level = 'school' AND i.year = $year AND i.subject = $subject AND i.grade = $grade
ORDER BY s.short_name;
