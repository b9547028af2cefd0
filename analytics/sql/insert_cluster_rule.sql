-- One rule version: the years it is in force (until: null while in force) and its own parameters.
INSERT INTO methodology_cluster_rule VALUES ($cluster, $title, $rule, $version, $is_default,
  $from, $until, $params::JSON);
