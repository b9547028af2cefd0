-- Schools in at least one risk cluster in a year (a school in two clusters counts once); the
-- leaders' cluster is not a risk.
SELECT count(DISTINCT school_id)::INTEGER AS schools
FROM risk_flags
WHERE year = $year AND triggered AND cluster <> $leader_cluster;
