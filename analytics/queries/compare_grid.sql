-- «Сравнение лет»: the status × change grid of one indicator × topic × grade in year $year (vs
-- year − 1) — all 25 cells of status_change_grid with their colour, the
-- interval of the share and of the change each cell covers (the methodology's cut points; the
-- lower bound belongs to the cell, levels oriented so that 5 is the best), the number of schools
-- in it and the first $list_max of them by name (all when NULL: a country's cell holds thousands).
-- Each school carries the years ($year − 1, $year) in which it is flagged for signs of
-- non-objective results. $grade 0 stands for «no grade».
WITH nonobjective AS (
  SELECT school_id, list(DISTINCT year ORDER BY year) AS years
  FROM risk_flags
  WHERE triggered AND cluster = 'Необъективность' AND year IN ($year - 1, $year)
  GROUP BY school_id
),
orientation AS (
  SELECT bool_or(higher_is_better) AS higher_is_better
  FROM trend_shares
  WHERE indicator = $indicator
),
cells AS (
  SELECT
    c.status_level, c.change_level, c.color_level,
    g.status_cuts, g.change_cuts,
    CASE WHEN o.higher_is_better THEN c.status_level ELSE 6 - c.status_level END AS status_raw,
    CASE WHEN o.higher_is_better THEN c.change_level ELSE 6 - c.change_level END AS change_raw
  FROM methodology_grid_color AS c
  CROSS JOIN methodology_grid AS g
  CROSS JOIN orientation AS o
  WHERE g.indicator = $indicator AND o.higher_is_better IS NOT NULL
),
members AS (
  SELECT
    g.status_level, g.change_level,
    count(*) FILTER (WHERE g.level = 'school')::INTEGER AS schools_count,
    -- Structs sort by their first field: by name (list_sort is far cheaper than ORDER BY here).
    list_slice(list_sort(list({
      'short_name': s.short_name, 'school_id': g.school_id, 'pct': g.pct, 'n': g.n,
      'change_pp': g.change_pp, 'change_significant': g.change_significant,
      'nonobjective_years': coalesce(o.years, [])
    }) FILTER (WHERE g.level = 'school')), 1, coalesce($list_max::INTEGER, 1000000)) AS schools,
    bool_or(g.level = 'district') AS is_district_cell
  FROM status_change_grid AS g
  LEFT JOIN school AS s USING (school_id)
  LEFT JOIN nonobjective AS o USING (school_id)
  WHERE g.year = $year AND g.indicator = $indicator AND g.topic = $topic
    AND coalesce(g.grade, 0) = $grade
  GROUP BY g.status_level, g.change_level
)
SELECT
  c.status_level, c.change_level, c.color_level,
  ['красный', 'оранжевый', 'жёлтый', 'зелёный', 'синий'][c.color_level] AS color,
  CASE WHEN c.status_raw > 1 THEN c.status_cuts[c.status_raw - 1] END AS status_from_pct,
  CASE WHEN c.status_raw < 5 THEN c.status_cuts[c.status_raw] END AS status_to_pct,
  CASE WHEN c.change_raw > 1 THEN c.change_cuts[c.change_raw - 1] END AS change_from_pp,
  CASE WHEN c.change_raw < 5 THEN c.change_cuts[c.change_raw] END AS change_to_pp,
  coalesce(m.schools_count, 0) AS schools_count,
  coalesce(m.schools, []) AS schools,
  coalesce(m.is_district_cell, false) AS is_district_cell
FROM cells AS c
LEFT JOIN members AS m USING (status_level, change_level)
ORDER BY c.status_level DESC, c.change_level;
