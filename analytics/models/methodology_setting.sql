-- The methodology settings in force, as one row, so models read thresholds from data, not code.
CREATE OR REPLACE TABLE methodology_setting AS
SELECT
  $min_n::INTEGER AS min_n,
  $version::VARCHAR AS version;
