-- The cluster rules of the methodology: one row per rule version (see insert_cluster_rule).
CREATE OR REPLACE TABLE methodology_cluster_rule (cluster VARCHAR, title VARCHAR, rule VARCHAR,
  version VARCHAR, is_default BOOLEAN, effective_from INTEGER, effective_until INTEGER, params JSON);
