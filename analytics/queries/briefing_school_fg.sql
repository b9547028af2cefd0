-- Справка школы, section 3: the school's ФГ levels of a school year per direction × grade and
-- over all grades (grade NULL), against the targets and beside the district.
SELECT s.direction, s.grade, s.participants_count, s.low_count, s.low_share_pct, s.low_met,
       s.high_count, s.high_share_pct, s.high_met, s.low_target_pct, s.high_target_pct,
       s.is_small_n, d.low_share_pct AS district_low_share_pct,
       d.high_share_pct AS district_high_share_pct
FROM fg_targets AS s
LEFT JOIN fg_targets AS d ON d.level = 'district' AND d.year = s.year
  AND d.direction = s.direction AND d.grade IS NOT DISTINCT FROM s.grade
WHERE s.level = 'school' AND s.school_id = $school_id AND s.year = $year
ORDER BY s.direction, s.grade NULLS LAST;
