-- All registry schools, for navigation, with the clusters each is flagged in for the latest year.
WITH latest AS (SELECT max(year) AS year FROM risk_flags),
flags AS (
  SELECT f.school_id, list(f.cluster ORDER BY f.cluster) AS clusters
  FROM risk_flags AS f, latest
  WHERE f.triggered AND f.year = latest.year
  GROUP BY f.school_id
)
SELECT s.school_id, s.short_name, s.full_name, s.school_type, s.is_rural,
       (SELECT year FROM latest) AS flags_year, coalesce(f.clusters, []) AS clusters
FROM school AS s
LEFT JOIN flags AS f USING (school_id)
ORDER BY s.short_name;
