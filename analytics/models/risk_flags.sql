-- Risk-cluster flags of every rule of the methodology, one row per school × year × cluster
-- considered, with the rule version in force that year, the evidence (each indicator with its
-- value, n, threshold and baseline), a Russian explanation and the condition that clears it.
-- The rules' own counts stay in their models.
CREATE OR REPLACE TABLE risk_flags AS
WITH flags AS (
  SELECT * EXCLUDE (procedures_over, procedures_repeated) FROM flags_fail_share
  UNION ALL BY NAME SELECT * EXCLUDE (signs_count) FROM flags_objectivity
  UNION ALL BY NAME SELECT * EXCLUDE (years_in_band) FROM flags_rank_band
  UNION ALL BY NAME SELECT * EXCLUDE (procedures_count) FROM flags_decline
)
SELECT f.*, m.version AS methodology_version
FROM flags AS f CROSS JOIN methodology_setting AS m;
