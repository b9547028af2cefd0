-- Schools on the working list of a risk cluster in a year (a school in two clusters counts once);
-- the leaders' cluster is not a risk.
SELECT count(DISTINCT school_id)::INTEGER AS schools
FROM working_list
WHERE year = $year AND cluster <> $leader_cluster;
