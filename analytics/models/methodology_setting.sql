-- The methodology settings in force, as one row, so models read thresholds from data, not code.
CREATE OR REPLACE TABLE methodology_setting AS
SELECT
  $min_n::INTEGER AS min_n,
  $version::VARCHAR AS version,
  $ege_high_from::INTEGER AS ege_high_from,
  $basic_sufficient_from::DOUBLE AS basic_sufficient_from,
  $basic_insufficient_below::DOUBLE AS basic_insufficient_below,
  $advanced_sufficient_from::DOUBLE AS advanced_sufficient_from,
  $advanced_insufficient_below::DOUBLE AS advanced_insufficient_below,
  $trend_slope_pp::DOUBLE AS trend_slope_pp,
  $significance_z::DOUBLE AS significance_z,
  $recurring_deficit_schools_pct::DOUBLE AS recurring_deficit_schools_pct,
  $fg_low_max_pct::DOUBLE AS fg_low_max_pct,
  $fg_high_min_pct::DOUBLE AS fg_high_min_pct;
