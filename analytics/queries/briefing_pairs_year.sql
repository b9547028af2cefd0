-- How many network pairs the district has in $year, and how many of them began that year.
WITH pairs AS (SELECT DISTINCT year, mentor_school_id, mentee_school_id FROM raw_network_pair)
SELECT count(*) FILTER (WHERE p.year = $year)::INTEGER AS pairs,
  count(*) FILTER (WHERE p.year = $year AND NOT EXISTS (
    SELECT 1 FROM pairs AS b
    WHERE b.year = $year - 1 AND b.mentor_school_id = p.mentor_school_id
      AND b.mentee_school_id = p.mentee_school_id))::INTEGER AS began
FROM pairs AS p;
