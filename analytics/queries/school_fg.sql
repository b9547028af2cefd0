-- One school's ФГ results per year, direction and grade, beside the district.
SELECT s.year, s.direction, s.grade, s.participants_count, s.low_count, s.low_share_pct,
       s.low_target_pct, s.low_met, s.high_count, s.high_share_pct, s.high_target_pct, s.high_met,
       s.is_small_n, d.low_share_pct AS district_low_share_pct,
       d.high_share_pct AS district_high_share_pct, d.participants_count AS district_participants_count
FROM fg_targets AS s
LEFT JOIN fg_targets AS d ON d.level = 'district' AND (d.year, d.direction) = (s.year, s.direction)
  AND d.grade IS NOT DISTINCT FROM s.grade
WHERE s.level = 'school' AND s.school_id = $school_id AND s.grade IS NOT NULL
ORDER BY s.year DESC, s.direction, s.grade;
