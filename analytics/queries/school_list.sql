-- All registry schools, for navigation, with the clusters of the latest year's working list each
-- is on, and the computed mark of non-objective results (as on the district page).
WITH latest AS (
  SELECT max(year) AS year FROM (SELECT year FROM working_list UNION ALL SELECT year FROM risk_flags)
),
listed AS (
  SELECT w.school_id, w.cluster FROM working_list AS w, latest WHERE w.year = latest.year
  UNION
  SELECT f.school_id, f.cluster FROM risk_flags AS f, latest
  WHERE f.year = latest.year AND f.triggered AND f.cluster = 'Необъективность'
),
flags AS (
  SELECT school_id, list(cluster ORDER BY cluster) AS clusters FROM listed GROUP BY school_id
)
SELECT s.school_id, s.short_name, s.full_name, s.school_type, s.is_rural,
       (SELECT year FROM latest) AS flags_year, coalesce(f.clusters, []) AS clusters
FROM school AS s
LEFT JOIN flags AS f USING (school_id)
ORDER BY s.short_name;
