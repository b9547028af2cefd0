-- What changed in the district since last year: every key share with its previous value,
-- the change in п.п. and whether it is larger than chance allows.
SELECT indicator, title, topic, grade, higher_is_better, year, n, pct, prev_year, prev_pct,
       change_pp, change_significant
FROM trend_shares
WHERE level = 'district' AND year = $year AND change_pp IS NOT NULL
ORDER BY change_significant DESC, abs(change_pp) DESC;
