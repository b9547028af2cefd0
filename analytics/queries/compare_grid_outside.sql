-- «Сравнение лет»: the schools with a share in year $year for one indicator × topic × grade that
-- the status × change grid leaves out — fewer than min_n participants in the year or in year − 1,
-- or no results in year − 1.
-- $grade 0 stands for «no grade».
SELECT t.school_id, s.short_name, t.n
FROM trend_shares AS t
LEFT JOIN school AS s USING (school_id)
WHERE t.year = $year AND t.indicator = $indicator AND t.topic = $topic
  AND coalesce(t.grade, 0) = $grade AND t.level = 'school'
  AND t.school_id NOT IN (
    SELECT school_id
    FROM status_change_grid
    WHERE year = $year AND indicator = $indicator AND topic = $topic
      AND coalesce(grade, 0) = $grade AND level = 'school'
  );
